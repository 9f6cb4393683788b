import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { pruneToOutputs } from './pruned-graph';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const io = (name: string) =>
  onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 3 }] } } },
  });

/** kept = (x + c) · 2; copy = Identity(x + c); wide = x · d, whose weight d nothing else reads. */
function threeOutputs(): Uint8Array {
  const weight = (name: string, values: number[]) =>
    onnx.TensorProto.create({
      name,
      dims: [3],
      dataType: FLOAT,
      rawData: new Uint8Array(new Float32Array(values).buffer),
    });
  const graph = onnx.GraphProto.create({
    name: 'three',
    node: [
      onnx.NodeProto.create({ opType: 'Add', input: ['x', 'c'], output: ['sum'], name: 'add' }),
      onnx.NodeProto.create({ opType: 'Mul', input: ['sum', 'two'], output: ['kept'], name: 'double' }),
      onnx.NodeProto.create({ opType: 'Identity', input: ['sum'], output: ['copy'], name: 'copy' }),
      onnx.NodeProto.create({ opType: 'Mul', input: ['x', 'd'], output: ['wide'], name: 'wide' }),
    ],
    initializer: [weight('c', [1, 2, 3]), weight('two', [2, 2, 2]), weight('d', [5, 5, 5])],
    input: [io('x')],
    output: [io('kept'), io('copy'), io('wide')],
  });
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], graph }),
  ).finish();
}

describe('pruneToOutputs', () => {
  it('keeps only the nodes and weights the kept outputs need, which compute what they did', async () => {
    const full = threeOutputs();
    const pruned = pruneToOutputs(full, ['kept']);
    const graph = onnx.ModelProto.decode(pruned).graph!;
    expect(graph.node!.map((n) => n.name)).toEqual(['add', 'double']);
    expect(graph.output!.map((o) => o.name)).toEqual(['kept']);
    expect(graph.initializer!.map((t) => t.name)).toEqual(['c', 'two']);

    const x = new ort.Tensor('float32', new Float32Array([1, 1, 1]), [3]);
    const before = await (await ort.InferenceSession.create(full)).run({ x }, ['kept']);
    const after = await (await ort.InferenceSession.create(pruned)).run({ x });
    expect(Object.keys(after)).toEqual(['kept']);
    expect(Array.from(after.kept.data as Float32Array)).toEqual(Array.from(before.kept.data as Float32Array));
  });

  it('returns the bytes as they are when every output is read', () => {
    const full = threeOutputs();
    expect(pruneToOutputs(full, ['wide', 'kept', 'copy'])).toBe(full);
  });

  it('refuses an output the graph does not have', () => {
    expect(() => pruneToOutputs(threeOutputs(), ['kept', 'masks'])).toThrow(/no output masks/);
  });
});
