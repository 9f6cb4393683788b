import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { quantizeColumns, quantizeMatMulsInt8 } from './int8-matmuls';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const K = 64;
const N = 32;

/** y = x · W for the named MatMul, z = y · V for a second one left alone; W and V are float initializers. */
function twoMatMuls(w: Float32Array, v: Float32Array): Uint8Array {
  const weight = (name: string, dims: number[], data: Float32Array) =>
    onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer) });
  const io = (name: string, dims: number[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } },
    });
  const graph = onnx.GraphProto.create({
    name: 'two',
    node: [
      onnx.NodeProto.create({ opType: 'MatMul', input: ['x', 'W'], output: ['y'], name: '/attn/k_proj/MatMul' }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['y', 'V'], output: ['z'], name: '/mlp/MatMul' }),
    ],
    initializer: [weight('W', [K, N], w), weight('V', [N, N], v)],
    input: [io('x', [4, K])],
    output: [io('z', [4, N])],
  });
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], graph }),
  ).finish();
}

function seeded(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[i] = s / 2 ** 30 - 1;
  }
  return out;
}

async function run(model: Uint8Array, x: Float32Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model);
  const out = await session.run({ x: new ort.Tensor('float32', x, [4, K]) });
  return out.z.data as Float32Array;
}

describe('quantizeColumns', () => {
  it('scales each column by its largest magnitude and rounds halves to even, as numpy does', () => {
    // Column 0's scale is 127/127 = 1, so 2.5 → 2 and 3.5 → 4; column 1 is all zeros (scale 1e-8, values 0).
    const { quantized, scales } = quantizeColumns(3, 2, new Float32Array([2.5, 0, 3.5, 0, -127, 0]));
    expect([...scales]).toEqual([1, Math.fround(1e-8)]);
    expect([...quantized]).toEqual([2, 0, 4, 0, -127, 0]);
  });
});

describe('quantizeMatMulsInt8', () => {
  const w = seeded(K * N, 1);
  const v = seeded(N * N, 2);
  const model = twoMatMuls(w, v);
  const x = seeded(4 * K, 3);

  it('converts only the selected MatMul, drops its float weights, and is deterministic', () => {
    const first = quantizeMatMulsInt8(model, { nameIncludes: ['k_proj'] });
    const again = quantizeMatMulsInt8(model, { nameIncludes: ['k_proj'] });
    expect(first.count).toBe(1);
    expect(Buffer.from(first.bytes).equals(Buffer.from(again.bytes))).toBe(true);
    const graph = onnx.ModelProto.decode(first.bytes).graph as onnx.GraphProto;
    expect(graph.node.map((n) => n.opType)).toEqual([
      'DynamicQuantizeLinear',
      'MatMulInteger',
      'Cast',
      'Mul',
      'Mul',
      'MatMul',
    ]);
    expect(graph.initializer.map((t) => t.name)).not.toContain('W');
    expect(graph.initializer.map((t) => t.name)).toContain('V');
  });

  it('gives ONNX Runtime a model whose outputs stay within int8 rounding of the float model', async () => {
    const exact = await run(model, x);
    const int8 = await run(quantizeMatMulsInt8(model, { nameIncludes: ['k_proj'] }).bytes, x);
    const largest = Math.max(...exact.map(Math.abs));
    let worst = 0;
    for (let i = 0; i < exact.length; i++) worst = Math.max(worst, Math.abs(exact[i] - int8[i]));
    expect(worst).toBeGreaterThan(0); // it really ran in int8
    expect(worst / largest).toBeLessThan(0.03);
  });

  it('leaves a model with no selected MatMul unchanged in meaning', () => {
    const { count } = quantizeMatMulsInt8(model, { nameIncludes: ['no_such_node'] });
    expect(count).toBe(0);
  });
});
