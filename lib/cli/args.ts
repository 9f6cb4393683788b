/** The command line of `strix analyze`, checked before anything runs; mistakes are UsageErrors (exit 2). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FindFieldSchema } from '@/lib/shared/find';

export const USAGE = `Usage: strix analyze <images or folders…> --out <dir> [--audio <file>] [--question "…"] [--png] [--threshold 0.3] [--everything] [--find "lamp, window"]

Analyses each image (JPEG, PNG, WebP; folders are searched recursively) without the web server and writes
into --out one <name>.json per image (COCO export with RLE masks + the analysis summary), with --png one
<name>.overlay.png, and summary.csv. A video (MP4, MOV, WebM; its first 60 s) gives one COCO image per
keyframe plus its tracks and sound events; its own sound track is analysed (--audio is not used). Files that cannot be analysed are listed at the end; they do not stop
the run.

  --out <dir>        where to write (created if missing)
  --audio <file>     a sound analysed together with every image
  --question "…"     asked of each result; the built-in answerer's reply is written to the JSON and the CSV
  --png              also write the overlay PNG (masks, boxes, labels at the photo's resolution)
  --threshold <0-1>  entities scoring below it are left out of the exports (default 0.3, as the browser)
  --everything       everything mode: SAM's automatic masks over the whole image, named by the models (+3 s)
  --find "a, b"      find by word: each word's matches (and a note for words no model knows) in the JSON`;

export class UsageError extends Error {}

export interface AnalyzeOptions {
  inputs: string[];
  out: string;
  audio?: string;
  question?: string;
  png: boolean;
  threshold: number;
  everything: boolean;
  find?: string[];
}

function readFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        audio: { type: 'string' },
        question: { type: 'string', short: 'q' },
        png: { type: 'boolean', default: false },
        threshold: { type: 'string', default: '0.3' },
        everything: { type: 'boolean', default: false },
        find: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseAnalyzeArgs(argv: string[], cwd: string): AnalyzeOptions | 'help' {
  const { values, positionals } = readFlags(argv);
  if (values.help) return 'help';
  const [command, ...given] = positionals;
  const inputs = given.map((input) => path.resolve(cwd, input));
  const audio = values.audio && path.resolve(cwd, values.audio);
  if (command !== 'analyze') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  if (inputs.length === 0) throw new UsageError('Name at least one image or folder to analyse.');
  if (!values.out) throw new UsageError('Say where to write the results with --out <dir>.');
  const missing = given.filter((_, i) => !fs.existsSync(inputs[i]));
  if (missing.length) throw new UsageError(`Not found: ${missing.join(', ')}`);
  if (audio && !fs.statSync(audio, { throwIfNoEntry: false })?.isFile())
    throw new UsageError(`--audio: no file at ${values.audio}`);
  const threshold = Number(values.threshold);
  if (!(threshold >= 0 && threshold <= 1)) throw new UsageError('--threshold must be a number from 0 to 1.');
  if (values.question !== undefined && !values.question.trim()) throw new UsageError('--question is empty.');
  const find = values.find === undefined ? undefined : FindFieldSchema.safeParse(values.find);
  if (find && !find.success) throw new UsageError(`--find: ${find.error.issues.map((i) => i.message).join(' ')}`);
  if (find?.data?.length === 0) throw new UsageError('--find is empty.');
  return {
    inputs,
    out: path.resolve(cwd, values.out),
    audio,
    question: values.question,
    png: values.png,
    threshold,
    everything: values.everything,
    ...(find?.data && { find: find.data }),
  };
}
