/**
 * Where model work runs: in this process's inference threads (inference/pool.ts), or on the worker fleet when
 * REDIS_URL is set (remote-*.ts). Same signatures either way, so routes and the pipeline do not know which.
 * Export PNGs count as model work here (rendered by a worker, queued with the rest).
 */
import type { Box, Mask } from '../../shared/analysis';
import type { TextRegion } from '../../models/ppocr';
import type { PointClick } from '../../models/sam';
import type { DecodedImage } from '../../image/types';
import type { RenderRequest } from '../../export/render';
import * as local from '../inference/pool';
import type { ImageSize, PointMask } from '../inference/protocol';
import { startRemoteAnalysis } from './remote-analysis';
import { runRemoteTask } from './remote-tasks';
import { clusterEnabled } from './redis';

export function startAnalysis(input: local.AnalysisInputBytes, signal: AbortSignal): Promise<local.StartedAnalysis> {
  return clusterEnabled() ? startRemoteAnalysis(input, signal) : local.startAnalysis(input, signal);
}

export function readTextInWorker(image: DecodedImage, size: ImageSize, signal?: AbortSignal): Promise<TextRegion[]> {
  return clusterEnabled()
    ? runRemoteTask({ kind: 'read-text', image, size }, signal)
    : local.readTextInWorker(image, size, signal);
}

export function segmentInWorker(
  image: DecodedImage,
  size: ImageSize,
  boxes: { id: string; box: Box }[],
  signal?: AbortSignal,
): Promise<{ id: string; mask: Mask }[]> {
  return clusterEnabled()
    ? runRemoteTask({ kind: 'segment', image, size, boxes }, signal)
    : local.segmentInWorker(image, size, boxes, signal);
}

export function pointsInWorker(
  image: DecodedImage,
  size: ImageSize,
  points: PointClick[],
  signal?: AbortSignal,
): Promise<PointMask> {
  return clusterEnabled()
    ? runRemoteTask({ kind: 'points', image, size, points }, signal)
    : local.pointsInWorker(image, size, points, signal);
}

export function renderInWorker(request: RenderRequest, signal?: AbortSignal): Promise<Uint8Array> {
  return clusterEnabled()
    ? runRemoteTask({ kind: 'render', ...request }, signal)
    : local.renderInWorker(request, signal);
}
