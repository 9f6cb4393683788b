/**
 * An ONNX graph cut down to the outputs Strix reads. ONNX Runtime computes every output of a graph on every run,
 * whichever ones the caller asks for: SAM's decoder upsampled a mask that was then dropped (a run 31.1 → 29.3 ms
 * cut, medians of 30 alternating runs, 2-core AMD EPYC), and DeepLab filled 151 full-size logit planes and took
 * their argmax (94.6 → 60.1 ms cut to `logits_lowres`, whose classes upsampled-argmax.ts then gives). The nodes
 * that feed only dropped outputs go with them; what the kept outputs compute is untouched (bit for bit).
 */
import fs from 'node:fs';
import { onnx } from 'onnx-proto';
import { manifestEntry } from './manifest';

/** Names a node reads, including those its subgraphs (If, Loop, Scan bodies) read from the enclosing graph. */
function inputsOf(node: onnx.INodeProto): string[] {
  const names = [...(node.input ?? [])];
  for (const attribute of node.attribute ?? []) {
    for (const graph of [attribute.g, ...(attribute.graphs ?? [])]) {
      for (const inner of graph?.node ?? []) names.push(...inputsOf(inner));
    }
  }
  return names;
}

/** The model's bytes with only `outputs` left as graph outputs; unchanged when it has no others. */
export function pruneToOutputs(bytes: Uint8Array, outputs: readonly string[]): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (!graph) return bytes;
  const declared = (graph.output ?? []).map((o) => o.name ?? '');
  const missing = outputs.filter((name) => !declared.includes(name));
  if (missing.length > 0) throw new Error(`the model has no output ${missing.join(', ')}`);
  if (declared.every((name) => outputs.includes(name))) return bytes;

  const needed = new Set<string>(outputs);
  const kept: onnx.INodeProto[] = [];
  // ONNX lists nodes in topological order: walking it backwards sees every consumer before its producers.
  for (const node of [...(graph.node ?? [])].reverse()) {
    if (!(node.output ?? []).some((name) => needed.has(name))) continue;
    kept.push(node);
    for (const name of inputsOf(node)) needed.add(name);
  }
  graph.node = kept.reverse();
  graph.output = (graph.output ?? []).filter((o) => outputs.includes(o.name ?? ''));
  graph.initializer = (graph.initializer ?? []).filter((t) => needed.has(t.name ?? ''));
  graph.valueInfo = (graph.valueInfo ?? []).filter((v) => needed.has(v.name ?? ''));
  return onnx.ModelProto.encode(model).finish();
}

/**
 * What ONNX Runtime loads for a model: its file, or its graph cut to the outputs the manifest says Strix reads.
 * Throws on a file that is not an ONNX model, as loading it would.
 */
export function sessionSource(modelId: string, file: string): string | Uint8Array {
  const reads = manifestEntry(modelId).reads;
  return reads ? pruneToOutputs(new Uint8Array(fs.readFileSync(file)), reads) : file;
}
