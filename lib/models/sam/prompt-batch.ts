/**
 * SAM's exported decoder declares its prompts' first dimension (point_coords [1,N,2], point_labels [1,N]) as a
 * fixed 1, though nothing inside the graph depends on it: the mask decoder repeats the image embedding per
 * prompt, and every Reshape takes its batch from the tensors' own shapes. Declaring that dimension free lets one
 * run decode B box prompts at once ([B,2,2] corners → [B,1,256,256] masks). Checked on this graph: the fp32
 * masks of a batch of 4 equal one-at-a-time runs to 3e-5 in the logits (bench/decoder-batch.ts measures the
 * masks and the time). The edit is made in memory when the session loads (about 0.15 s for the 16 MB graph),
 * so the files on disk stay the sha256-checked originals.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

const PROMPT_INPUTS = new Set(['point_coords', 'point_labels']);
const BATCH = 'prompts';

/** The decoder graph with its prompt inputs' and outputs' first dimension free (named "prompts"). */
export function freePromptBatch(model: Uint8Array): Uint8Array {
  const parsed = onnx.ModelProto.decode(model);
  const graph = parsed.graph as InstanceType<typeof onnx.GraphProto>;
  const free = () => onnx.TensorShapeProto.Dimension.create({ dimParam: BATCH });
  for (const value of [...graph.input.filter((i) => PROMPT_INPUTS.has(i.name ?? '')), ...graph.output]) {
    const dims = value.type?.tensorType?.shape?.dim;
    if (dims?.length) dims[0] = free();
  }
  // Shapes inferred at export time for batch 1 would contradict a batch of B: ORT infers them again.
  graph.valueInfo = [];
  return onnx.ModelProto.encode(parsed).finish();
}
