/**
 * Each manifest model's state as /api/health reports it: missing (no file), corrupt (wrong size or sha256,
 * or ONNX Runtime refused it), loaded (a worker holds a session), or present (verified, not loaded yet).
 * A file's sha256 is computed once per file version (size and mtime), streamed so the event loop keeps
 * running, and remembered.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST, modelsDir, type ModelEntry } from '../models/manifest';
import { reportedModelStatus } from './inference/model-status';

export type ModelFileStatus = 'loaded' | 'present' | 'missing' | 'corrupt';

type HashStore = { __strixModelHashes?: Map<string, Promise<string>> };

function hashOnce(file: string, stat: fs.Stats): Promise<string> {
  const store = globalThis as typeof globalThis & HashStore;
  const hashes = (store.__strixModelHashes ??= new Map());
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  let pending = hashes.get(key);
  if (!pending) {
    pending = new Promise<string>((resolve, reject) => {
      const hash = createHash('sha256');
      fs.createReadStream(file)
        .on('data', (chunk) => hash.update(chunk))
        .on('end', () => resolve(hash.digest('hex')))
        .on('error', reject);
    });
    pending.catch(() => hashes.delete(key));
    hashes.set(key, pending);
  }
  return pending;
}

async function fileStatus(entry: ModelEntry): Promise<ModelFileStatus> {
  const file = path.join(modelsDir(), entry.file);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return 'missing';
  }
  if (stat.size !== entry.bytes || (await hashOnce(file, stat).catch(() => '')) !== entry.sha256) return 'corrupt';
  const reported = reportedModelStatus(entry.id);
  return reported === 'corrupt' ? 'corrupt' : reported === 'loaded' ? 'loaded' : 'present';
}

export async function modelStatuses(): Promise<{ id: string; status: ModelFileStatus }[]> {
  return Promise.all(MANIFEST.map(async (entry) => ({ id: entry.id, status: await fileStatus(entry) })));
}
