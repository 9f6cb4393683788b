/**
 * The TensorFlow.js → ONNX converter on a small graph of the ops YOLOv5s uses (padding, a convolution with its
 * bias fused, SiLU as x·sigmoid(x), 2× nearest upsampling, an ellipsis slice), run by ONNX Runtime and checked
 * against the same arithmetic written out in NHWC loops.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { type TfjsGraphModel, tfjsGraphToOnnx } from './tfjs-graph-to-onnx';

const H = 3,
  W = 3,
  C = 2,
  K = 3,
  O = 2;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const list = (values: number[]) => ({ list: { i: values.map(String) } });

const filter = Float32Array.from({ length: K * K * C * O }, (_, i) => ((i * 7) % 11) / 10 - 0.5); // HWIO
const bias = Float32Array.from([0.1, -0.2]);
const pads = Int32Array.from([0, 0, 1, 1, 1, 1, 0, 0]);
const size = Int32Array.from([2 * H, 2 * W]);
const [begin, end, strides] = [Int32Array.from([0, 0]), Int32Array.from([0, 1]), Int32Array.from([1, 1])];

const model: TfjsGraphModel = {
  modelTopology: {
    node: [
      {
        name: 'x',
        op: 'Placeholder',
        attr: { shape: { shape: { dim: [1, H, W, C].map((d) => ({ size: String(d) })) } } },
      },
      { name: 'pads', op: 'Const' },
      { name: 'pad', op: 'Pad', input: ['x', 'pads'] },
      { name: 'w', op: 'Const' },
      { name: 'b', op: 'Const' },
      {
        name: 'conv',
        op: '_FusedConv2D',
        input: ['pad', 'w', 'b'],
        attr: {
          padding: { s: b64('VALID') },
          fused_ops: { list: { s: [b64('BiasAdd')] } },
          strides: list([1, 1, 1, 1]),
          dilations: list([1, 1, 1, 1]),
        },
      },
      { name: 'sig', op: 'Sigmoid', input: ['conv'] },
      { name: 'silu', op: 'Mul', input: ['conv', 'sig'] },
      { name: 'size', op: 'Const' },
      { name: 'up', op: 'ResizeNearestNeighbor', input: ['silu', 'size'] },
      { name: 'begin', op: 'Const' },
      { name: 'end', op: 'Const' },
      { name: 'strides', op: 'Const' },
      {
        name: 'slice',
        op: 'StridedSlice',
        input: ['up', 'begin', 'end', 'strides'],
        attr: { ellipsis_mask: { i: '1' } },
      },
      { name: 'Identity', op: 'Identity', input: ['slice'] },
    ],
  },
  weightsManifest: [
    {
      paths: ['shard'],
      weights: [
        { name: 'pads', shape: [4, 2], dtype: 'int32' },
        { name: 'w', shape: [K, K, C, O], dtype: 'float32' },
        { name: 'b', shape: [O], dtype: 'float32' },
        { name: 'size', shape: [2], dtype: 'int32' },
        { name: 'begin', shape: [2], dtype: 'int32' },
        { name: 'end', shape: [2], dtype: 'int32' },
        { name: 'strides', shape: [2], dtype: 'int32' },
      ],
    },
  ],
};
const shard = Buffer.concat(
  [pads, filter, bias, size, begin, end, strides].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)),
);

/** The same graph in plain loops: channel 0 of SiLU(conv(pad(x)) + b), each pixel repeated 2×2. */
function reference(x: Float32Array): Float32Array {
  const at = (y: number, xx: number, c: number) => (y < 0 || xx < 0 || y >= H || xx >= W ? 0 : x[(y * W + xx) * C + c]);
  const out = new Float32Array(2 * H * 2 * W);
  for (let y = 0; y < 2 * H; y++)
    for (let xx = 0; xx < 2 * W; xx++) {
      const [sy, sx] = [y >> 1, xx >> 1];
      let v = bias[0];
      for (let ky = 0; ky < K; ky++)
        for (let kx = 0; kx < K; kx++)
          for (let c = 0; c < C; c++) v += at(sy + ky - 1, sx + kx - 1, c) * filter[((ky * K + kx) * C + c) * O];
      out[y * 2 * W + xx] = v / (1 + Math.exp(-v));
    }
  return out;
}

describe('tfjsGraphToOnnx', () => {
  it('converts padding, a fused convolution, SiLU, nearest upsampling and an ellipsis slice exactly', async () => {
    const bytes = tfjsGraphToOnnx(model, [new Uint8Array(shard)]);
    const session = await ort.InferenceSession.create(bytes);
    const x = Float32Array.from({ length: H * W * C }, (_, i) => Math.sin(i));
    const result = await session.run({ x: new ort.Tensor('float32', x, [1, H, W, C]) });
    const y = result[session.outputNames[0]];
    expect(y.dims).toEqual([1, 2 * H, 2 * W, 1]);
    const want = reference(x);
    (y.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    expect(tfjsGraphToOnnx(model, [new Uint8Array(shard)])).toEqual(bytes); // deterministic: sha256 can check it
  });

  it('stops at an op it does not convert rather than writing a wrong graph', () => {
    const other = structuredClone(model);
    other.modelTopology.node.push({ name: 'odd', op: 'Erf', input: ['slice'] });
    expect(() => tfjsGraphToOnnx(other, [new Uint8Array(shard)])).toThrow(/op Erf is not supported/);
  });
});
