/**
 * Where a stored result's uploaded files live: `${DATA_DIR}/results/<id>/image.<ext>`. A minimal version of
 * the store's contract (the `keep` branch owns the full one), enough for the export routes. The id is checked
 * against ResultIdSchema before any path is built, so nothing built from it can leave DATA_DIR.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ResultIdSchema } from '@/lib/shared/result';

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? './data');
}

export async function readStoredImage(id: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  if (!ResultIdSchema.safeParse(id).success) return undefined;
  const folder = path.join(dataDir(), 'results', id);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const name = names.find((n) => /^image\.[a-z]+$/.test(n) && IMAGE_TYPES[n.slice(6)]);
  if (!name) return undefined;
  return { bytes: new Uint8Array(await fs.readFile(path.join(folder, name))), contentType: IMAGE_TYPES[name.slice(6)] };
}
