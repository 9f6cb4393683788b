/**
 * The machine's attainable fp32 and int8 rates, measured the way our models run: a single-node ONNX graph
 * (C = A·B, n×n; MatMul in fp32, or MatMulInteger on uint8 × int8 as the int8 encoder's MatMuls run) built
 * here and run by onnxruntime-node's CPU provider with the same thread count. The model is
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

/** TensorProto.DataType values. */
const FLOAT = 1,
  UINT8 = 2,
  INT8 = 3,
  INT32 = 6;

/** ValueInfoProto for a tensor of `dims` and element type `elemType`. */
function tensorInfo(name: string, dims: number[], elemType = FLOAT): number[] {
  const shape = dims.flatMap((d) => bytesField(1, intField(1, d))); // TensorShapeProto.dim { dim_value }
  const tensorType = [...intField(1, elemType), ...bytesField(2, shape)]; // elem_type, shape
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))]; // name, type.tensor_type
}

export function matMulModel(n: number, int8 = false): Uint8Array {
  const op = int8 ? 'MatMulInteger' : 'MatMul';
  const node = [...stringField(1, 'A'), ...stringField(1, 'B'), ...stringField(2, 'C'), ...stringField(4, op)];
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'gemm'),
    ...bytesField(11, tensorInfo('A', [n, n], int8 ? UINT8 : FLOAT)),
    ...bytesField(11, tensorInfo('B', [n, n], int8 ? INT8 : FLOAT)),
    ...bytesField(12, tensorInfo('C', [n, n], int8 ? INT32 : FLOAT)),
  ];
  const opset = [...stringField(1, ''), ...intField(2, 13)];
  return new Uint8Array([...intField(1, 8), ...bytesField(7, graph), ...bytesField(8, opset)]);
}

/** Best GFLOP/s (int8: giga-ops) of `runs` n×n MatMuls (2n³ each), after one warm-up run. */
export async function measureGemmGflops(n = 2048, runs = 5, int8 = false): Promise<number> {
  const session = await ort.InferenceSession.create(matMulModel(n, int8), cpuSessionOptions());
  const data = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const feeds = int8
    ? {
        A: new ort.Tensor(
          'uint8',
          Uint8Array.from(data, (v) => 128 + v * 200),
          [n, n],
        ),
        B: new ort.Tensor(
          'int8',
          Int8Array.from(data, (v) => v * 200),
          [n, n],
        ),
      }
    : { A: new ort.Tensor('float32', data, [n, n]), B: new ort.Tensor('float32', data, [n, n]) };
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
