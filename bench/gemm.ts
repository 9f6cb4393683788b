/**
 * The machine's attainable fp32 rate, measured the way our models run: a single-node ONNX graph (C = A·B,
 * n×n) built here and run by onnxruntime-node's CPU provider with the same thread count. The model is
 * protobuf written by hand (a dozen fields of onnx.proto), so no ONNX tooling is needed. Same session
 * options as the models (lib/models/session.ts).
 */
import { cpuSessionOptions, ort } from '../lib/models/session';

/** Protobuf wire format: varints, and length-delimited fields (field << 3 | 2). */
function varint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 127) {
    bytes.push((value & 127) | 128);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}
const intField = (field: number, value: number) => [...varint(field << 3), ...varint(value)];
const bytesField = (field: number, body: number[]) => [...varint((field << 3) | 2), ...varint(body.length), ...body];
const stringField = (field: number, text: string) => bytesField(field, [...Buffer.from(text, 'utf8')]);

/** ValueInfoProto for a float tensor of `dims`. */
function tensorInfo(name: string, dims: number[]): number[] {
  const shape = dims.flatMap((d) => bytesField(1, intField(1, d))); // TensorShapeProto.dim { dim_value }
  const tensorType = [...intField(1, 1), ...bytesField(2, shape)]; // elem_type FLOAT, shape
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))]; // name, type.tensor_type
}

export function matMulModel(n: number): Uint8Array {
  const node = [...stringField(1, 'A'), ...stringField(1, 'B'), ...stringField(2, 'C'), ...stringField(4, 'MatMul')];
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'gemm'),
    ...bytesField(11, tensorInfo('A', [n, n])),
    ...bytesField(11, tensorInfo('B', [n, n])),
    ...bytesField(12, tensorInfo('C', [n, n])),
  ];
  const opset = [...stringField(1, ''), ...intField(2, 13)];
  return new Uint8Array([...intField(1, 8), ...bytesField(7, graph), ...bytesField(8, opset)]);
}

/** Best GFLOP/s of `runs` n×n MatMuls (2n³ flops each), after one warm-up run. */
export async function measureGemmGflops(n = 2048, runs = 5): Promise<number> {
  const session = await ort.InferenceSession.create(matMulModel(n), cpuSessionOptions());
  const data = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const feeds = { A: new ort.Tensor('float32', data, [n, n]), B: new ort.Tensor('float32', data, [n, n]) };
  await session.run(feeds);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await session.run(feeds);
    best = Math.min(best, performance.now() - started);
  }
  await session.release();
  return (2 * n ** 3) / (best / 1000) / 1e9;
}
