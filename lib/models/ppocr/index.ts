/**
 * PP-OCRv4 (Chinese + English) text reading: DB detection of text lines, then CRNN/CTC recognition of each
 * line, on onnxruntime-node CPU sessions. Boxes are axis-aligned, in image pixels.
 */
import fs from 'node:fs';
import { getSession, ort } from '../session';
import { modelPath } from '../manifest';
import { resizeRgb } from '../../image/decode';
import type { DecodedImage } from '../../image/types';
import type { Box } from '../../shared/analysis';
import { dbPostprocess, detInputSize, packDetInput, readingOrder, type TextBox } from './detect';
import {
  REC_HEIGHT,
  REC_MIN_WIDTH,
  cropRect,
  ctcGreedyDecode,
  packRecCrop,
  parseCharset,
  recWidth,
  type CropRect,
} from './recognize';

export const PPOCR_DET_ID = 'ppocr-det';
export const PPOCR_REC_ID = 'ppocr-rec';
export const PPOCR_KEYS_ID = 'ppocr-keys';
export const PPOCR_SOURCE = 'pp-ocrv4';

export interface TextRegion {
  text: string;
  /** Mean probability of the recognised characters (0–1). */
  confidence: number;
  box: Box;
  source: typeof PPOCR_SOURCE;
}

export interface ReadTextOptions {
  /** Lines read with a lower confidence are dropped (default 0.5, PaddleOCR's drop_score). */
  minConfidence?: number;
  /** Lines recognised at most, the largest first (default 30): recognition cost grows with each line. */
  maxRegions?: number;
}

/**
 * A crop wider than this (at height 48) is squeezed. PaddleOCR lets a batch grow as wide as its longest
 * line; we cap it so one very long line cannot make a batch's cost explode, but well above 320: a rendered
 * 25:1 line ("The quick brown fox … 1234567890") reads perfectly at 960 and as "h" when squeezed to 320.
 */
export const REC_MAX_WIDTH = 960;
/** Crops per recognition run. Crops are grouped by width so padding wastes little (PaddleOCR uses 6). */
const REC_BATCH = 8;

let charsetCache: string[] | undefined;
function charset(): string[] {
  return (charsetCache ??= parseCharset(fs.readFileSync(modelPath(PPOCR_KEYS_ID), 'utf8')));
}

/** Text lines found by the DB detector, in reading order, in image pixels. */
export async function detectTextBoxes(image: DecodedImage): Promise<TextBox[]> {
  const session = await getSession(PPOCR_DET_ID);
  const { width, height } = detInputSize(image.width, image.height);
  const resized = await resizeRgb(image, width, height);
  const input = new ort.Tensor('float32', packDetInput(resized, width, height), [1, 3, height, width]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const out = outputs[session.outputNames[0]];
  const [, , mapHeight, mapWidth] = out.dims;
  return dbPostprocess({
    prob: out.data as Float32Array,
    mapWidth,
    mapHeight,
    imageWidth: image.width,
    imageHeight: image.height,
  });
}

/** Reads each box's text; the result is parallel to `boxes` (empty text when nothing was read). */
export async function recognizeBoxes(
  image: DecodedImage,
  boxes: Box[],
): Promise<{ text: string; confidence: number }[]> {
  const results = boxes.map(() => ({ text: '', confidence: 0 }));
  const items: { index: number; crop: CropRect; width: number }[] = [];
  boxes.forEach((box, index) => {
    const crop = cropRect(box, image.width, image.height);
    if (crop) items.push({ index, crop, width: recWidth(crop, REC_MAX_WIDTH) });
  });
  if (items.length === 0) return results;
  const session = await getSession(PPOCR_REC_ID);
  const chars = charset();
  items.sort((a, b) => a.width - b.width);
  for (let start = 0; start < items.length; start += REC_BATCH) {
    const batch = items.slice(start, start + REC_BATCH);
    const batchWidth = Math.max(REC_MIN_WIDTH, ...batch.map((b) => b.width));
    const data = new Float32Array(batch.length * 3 * REC_HEIGHT * batchWidth);
    batch.forEach((item, i) => packRecCrop(data, i, batchWidth, image.rgb, image.width, item.crop, item.width));
    const input = new ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, batchWidth]);
    const outputs = await session.run({ [session.inputNames[0]]: input });
    const out = outputs[session.outputNames[0]];
    const [, steps, classes] = out.dims;
    if (classes !== chars.length + 1)
      throw new Error(`ppocr-rec has ${classes} classes; the dictionary gives ${chars.length + 1}.`);
    const probs = out.data as Float32Array;
    batch.forEach((item, i) => {
      const one = probs.subarray(i * steps * classes, (i + 1) * steps * classes);
      results[item.index] = ctcGreedyDecode(one, steps, classes, chars);
    });
  }
  return results;
}

/** Text in the image: lines in reading order, each with its box and the recogniser's confidence. */
export async function readText(image: DecodedImage, options: ReadTextOptions = {}): Promise<TextRegion[]> {
  const minConfidence = options.minConfidence ?? 0.5;
  const maxRegions = options.maxRegions ?? 30;
  const detected = await detectTextBoxes(image);
  // Beyond the cap keep the largest lines: big text is what a viewer reads first, and small, dense text
  // (a page of print) would otherwise take seconds to recognise.
  const kept = readingOrder(
    [...detected].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]).slice(0, maxRegions),
  );
  const read = await recognizeBoxes(
    image,
    kept.map((k) => k.box),
  );
  const regions: TextRegion[] = [];
  kept.forEach((k, i) => {
    const text = read[i].text.trim();
    if (text && read[i].confidence >= minConfidence) {
      regions.push({ text, confidence: read[i].confidence, box: k.box, source: PPOCR_SOURCE });
    }
  });
  return regions;
}

export type { TextBox } from './detect';
