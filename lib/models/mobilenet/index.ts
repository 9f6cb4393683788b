/**
 * MobileNetV2 (ImageNet-1k, int8): classifies image crops in one batched session.run. Input: each crop
 * resized to 224×224 (squashed, not centre-cropped, so a tall person or a long truck stays whole), RGB /255,
 * ImageNet mean and std; output logits, softmaxed here (MODELS.md).
 */
import fs from 'node:fs';
import { cropResize } from '../../image/crop';
import type { PixelRect } from '../../image/types';
import type { DecodedImage } from '../../image/types';
import { modelPath } from '../manifest';
import { getSession, ort } from '../session';

export const MOBILENET_MODEL_ID = 'mobilenetv2-int8';
export const IMAGENET_LABELS_ID = 'imagenet-labels';
/** Model id shown as the source of every name it gives. */
export const MOBILENET_SOURCE = 'imagenet-mobilenetv2';
const SIZE = 224;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface ImageNetClass {
  index: number;
  /** The class's names, first the usual one ("tabby", "tabby cat"). */
  names: string[];
}

let classes: ImageNetClass[] | undefined;

export function imagenetClasses(): ImageNetClass[] {
  classes ??= (JSON.parse(fs.readFileSync(modelPath(IMAGENET_LABELS_ID), 'utf8')) as string[]).map((entry, index) => ({
    index,
    names: entry
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
  }));
  return classes;
}

/** Packs one crop's RGB bytes into plane-major normalised floats at `offset` of the batch tensor. */
export function packCrop(rgb: Uint8Array, tensor: Float32Array, offset: number): void {
  const plane = SIZE * SIZE;
  for (let c = 0; c < 3; c++) {
    const scale = 1 / (255 * STD[c]);
    const shift = MEAN[c] / STD[c];
    for (let i = 0; i < plane; i++) tensor[offset + c * plane + i] = rgb[i * 3 + c] * scale - shift;
  }
}

export function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = logits.map((v) => Math.exp(v - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((v) => v / sum);
}

/**
 * Probabilities already computed per rectangle of an image, for as long as the image lives: the fine names and
 * the regions stage's votes classify the same boxes with the same margin, and the second batch repeated the
 * first (~20 ms).
 */
const computed = new WeakMap<DecodedImage, Map<string, Float32Array>>();
const rectKey = ({ x0, y0, x1, y1 }: PixelRect) => `${x0},${y0},${x1},${y1}`;

/** Class probabilities (1000 per crop) for each rectangle of the image; one batch for those not yet classified. */
export async function classifyCrops(image: DecodedImage, rects: readonly PixelRect[]): Promise<Float32Array[]> {
  if (rects.length === 0) return [];
  imagenetClasses(); // a missing label list fails before the model runs
  const known = computed.get(image) ?? new Map<string, Float32Array>();
  computed.set(image, known);
  const missing = [...new Map(rects.map((rect) => [rectKey(rect), rect])).values()].filter(
    (rect) => !known.has(rectKey(rect)),
  );
  const probabilities = await classifyBatch(image, missing);
  missing.forEach((rect, i) => known.set(rectKey(rect), probabilities[i]));
  return rects.map((rect) => known.get(rectKey(rect))!);
}

async function classifyBatch(image: DecodedImage, rects: readonly PixelRect[]): Promise<Float32Array[]> {
  if (rects.length === 0) return [];
  const session = await getSession(MOBILENET_MODEL_ID);
  const perCrop = 3 * SIZE * SIZE;
  const batch = new Float32Array(rects.length * perCrop);
  const crops = await Promise.all(rects.map((rect) => cropResize(image, rect, SIZE, SIZE)));
  crops.forEach((rgb, i) => packCrop(rgb, batch, i * perCrop));
  const outputs = await session.run({ input: new ort.Tensor('float32', batch, [rects.length, 3, SIZE, SIZE]) });
  const logits = outputs.output.data as Float32Array;
  const classCount = logits.length / rects.length;
  return rects.map((_, i) => softmax(logits.subarray(i * classCount, (i + 1) * classCount)));
}
