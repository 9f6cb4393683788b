/**
 * The uploaded files of stored results: `${DATA_DIR}/results/<id>/image.<ext>` and `audio.<ext>`. The
 * extension comes from the file's own signature (never the client's name or MIME type), so what is served
 * back is always one of the formats we decoded. Every path is built only from an id that passed
 * ResultIdSchema (22 base64url characters), so no id can reach outside DATA_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sniffAudioFormat, type AudioFormat } from '../audio/sniff';
import { sniffImageSignature } from '../image/decode';
import { ResultIdSchema } from '../shared/result';

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const AUDIO_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
};
const AUDIO_EXTENSIONS: Record<AudioFormat, string> = {
  wav: 'wav',
  mp3: 'mp3',
  'ogg-vorbis': 'ogg',
  'ogg-opus': 'ogg',
  'ogg-flac': 'ogg',
  flac: 'flac',
};

/** Where results live: DATA_DIR (default ./data beside the app), created on first use. */
export function dataDir(): string {
  // Chosen at run time: the ignore comment keeps Turbopack from tracing the whole project into the build output.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR || 'data');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The folder of one result, or undefined when the id is not an id (the caller answers 404). */
export function resultDir(id: string): string | undefined {
  if (!ResultIdSchema.safeParse(id).success) return undefined;
  return path.join(dataDir(), 'results', id);
}

function extensionOfImage(bytes: Uint8Array): string {
  const signature = sniffImageSignature(bytes);
  if (!signature) throw new Error('only decoded images are stored'); // the route has decoded it already
  return signature === 'jpeg' ? 'jpg' : signature;
}

/** Writes the uploads (synchronously, so the result is complete before its `done` event leaves). Returns bytes written. */
export function writeResultFiles(id: string, files: { image?: Uint8Array; audio?: Uint8Array }): number {
  const dir = resultDir(id);
  if (!dir) throw new Error('invalid result id');
  fs.mkdirSync(dir, { recursive: true });
  let written = 0;
  if (files.image) {
    fs.writeFileSync(path.join(dir, `image.${extensionOfImage(files.image)}`), files.image);
    written += files.image.byteLength;
  }
  if (files.audio) {
    fs.writeFileSync(path.join(dir, `audio.${AUDIO_EXTENSIONS[sniffAudioFormat(files.audio)]}`), files.audio);
    written += files.audio.byteLength;
  }
  return written;
}

async function readStored(
  id: string,
  stem: 'image' | 'audio',
  types: Record<string, string>,
): Promise<StoredFile | undefined> {
  const dir = resultDir(id);
  if (!dir) return undefined;
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return undefined;
  }
  for (const name of names) {
    const ext = name.startsWith(`${stem}.`) ? name.slice(stem.length + 1) : '';
    if (!types[ext]) continue;
    return {
      bytes: new Uint8Array(await fs.promises.readFile(path.join(/*turbopackIgnore: true*/ dir, name))),
      contentType: types[ext],
    };
  }
  return undefined;
}

export function readStoredImage(id: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  return readStored(id, 'image', IMAGE_TYPES);
}

export function readStoredAudio(id: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  return readStored(id, 'audio', AUDIO_TYPES);
}

export function removeResultFiles(id: string): void {
  const dir = resultDir(id);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** The type an upload is served with, from its own signature (as its file extension is chosen above). */
export function uploadContentType(kind: 'image' | 'audio', bytes: Uint8Array): string {
  return kind === 'image'
    ? IMAGE_TYPES[extensionOfImage(bytes)]
    : AUDIO_TYPES[AUDIO_EXTENSIONS[sniffAudioFormat(bytes)]];
}
