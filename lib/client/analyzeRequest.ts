/**
 * POST /api/analyze and turn every failure mode into one AnalysisError the UI can show verbatim:
 * 4xx/5xx JSON bodies `{error:{code,message}}`, 429 with Retry-After, non-JSON bodies, network failures.
 */
import type { AnalyzeEvent } from '@/lib/shared/analysis';
import type { AnalysisError } from './analysisState';
import { errorFromResponse } from './http-error';
import { readAnalyzeEvents } from './ndjson';

export class AnalyzeRequestError extends Error {
  constructor(readonly detail: AnalysisError) {
    super(detail.message);
    this.name = 'AnalyzeRequestError';
  }
}

export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** MP4, WebM and MOV (QuickTime); the server probes the file itself, so the type only picks the form field. */
export const ACCEPTED_VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/quicktime'] as const;

/** A video goes in the "video" field: by its type, or by its name when the browser gives none. */
export function isVideoFile(file: File): boolean {
  return file.type.startsWith('video/') || (!file.type && /\.(mp4|m4v|webm|mov)$/i.test(file.name));
}

/** Client-side pre-check; an empty type (some paste sources) is left for the server to judge. */
export function unsupportedImageType(file: File): string | null {
  if (!file.type || isVideoFile(file) || (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return null;
  return `${file.name || 'This file'} is ${file.type}; Strix accepts JPEG, PNG or WebP images and MP4, WebM or MOV videos.`;
}

export interface AnalyzeRequest {
  /** Absent when only a sound is analysed; a video file is sent as "video", alone. */
  image: File | null;
  audio?: File | null;
  /** Everything mode (SAM's automatic masks) on top of the usual analysis. */
  everything?: boolean;
  /** Words to find, comma-separated ("lamp, window"). */
  find?: string;
  /** The result whose conversation this analysis continues (the same photo analysed again); the server copies it. */
  chatFrom?: string | null;
  signal?: AbortSignal;
}

/** Streams the analysis events; throws AnalyzeRequestError before the first event if the request failed. */
export async function* requestAnalysis({
  image,
  audio,
  everything,
  find,
  chatFrom,
  signal,
}: AnalyzeRequest): AsyncGenerator<AnalyzeEvent> {
  const form = new FormData();
  if (everything) form.append('mode', 'everything');
  if (find?.trim()) form.append('find', find);
  if (chatFrom) form.append('chatFrom', chatFrom);
  if (image && isVideoFile(image)) form.append('video', image, image.name || 'video');
  else {
    if (image) form.append('image', image, image.name || 'pasted-image');
    if (audio) form.append('audio', audio, audio.name || 'audio');
  }
  let response: Response;
  try {
    response = await fetch('/api/analyze', { method: 'POST', body: form, signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new AnalyzeRequestError({
      code: 'network',
      message: `Could not reach the server: ${(error as Error).message}`,
    });
  }
  if (!response.ok) throw new AnalyzeRequestError(await errorFromResponse(response));
  if (!response.body)
    throw new AnalyzeRequestError({ code: 'empty_body', message: 'The server sent no analysis stream.' });
  yield* readAnalyzeEvents(response.body);
}
