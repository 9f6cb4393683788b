/**
 * `strix analyze`: every image through the pipeline in this process, one after another (the models are
 * loaded once), with a progress bar. A file that fails is reported and skipped; the exit code is non-zero
 * only for usage errors (2), so a batch with a few bad photos still counts as done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sniffAudioFormat } from '@/lib/audio/sniff';
import { analyzeFile } from './analyze-file';
import { analyzeVideoFile, VIDEO_EXTENSIONS } from './analyze-video';
import { parseAnalyzeArgs, UsageError, USAGE, type AnalyzeOptions } from './args';
import { failedRow, okRow, toCsv } from './csv';
import { collectImages, outputNames } from './files';
import { ProgressBar } from './progress';
import { runWorkerCommand, WORKER_USAGE } from './worker';

function readAudio(file: string | undefined): Uint8Array | undefined {
  if (!file) return undefined;
  const bytes = new Uint8Array(fs.readFileSync(file));
  try {
    sniffAudioFormat(bytes);
  } catch (error) {
    throw new UsageError(`--audio: ${error instanceof Error ? error.message : String(error)}`);
  }
  return bytes;
}

async function run(options: AnalyzeOptions): Promise<void> {
  const audio = readAudio(options.audio);
  const files = collectImages(options.inputs);
  if (files.length === 0)
    throw new UsageError('No images (.jpg, .jpeg, .png, .webp) or videos (.mp4, .mov, .webm) in the given folders.');
  const names = outputNames(files);
  fs.mkdirSync(options.out, { recursive: true });
  const progress = new ProgressBar(files.length);
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const [i, file] of files.entries()) {
    progress.update(path.basename(file));
    try {
      const pngPath = options.png ? path.join(options.out, `${names[i]}.overlay.png`) : undefined;
      const fileOptions = { audio, question: options.question, threshold: options.threshold, pngPath };
      const isVideo = VIDEO_EXTENSIONS.has(path.extname(file).toLowerCase());
      const result = await (isVideo
        ? analyzeVideoFile(file, fileOptions)
        : analyzeFile(file, { ...fileOptions, everything: options.everything, find: options.find }));
      fs.writeFileSync(path.join(options.out, `${names[i]}.json`), JSON.stringify(result, null, 1));
      rows.push(okRow(result));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${file}: ${message}`);
      rows.push(failedRow(file, message));
    }
    progress.advance();
  }
  progress.update();
  fs.writeFileSync(path.join(options.out, 'summary.csv'), toCsv(rows));
  process.stderr.write(
    `${files.length - failures.length} of ${files.length} analysed; results in ${path.resolve(options.out)}\n`,
  );
  if (failures.length)
    process.stderr.write(`Could not analyse ${failures.length}:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
}

/** Returns the exit code. Relative paths on the command line are taken from `cwd`. */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  try {
    if (argv[0] === 'worker') {
      if (argv.includes('--help')) {
        process.stdout.write(`${WORKER_USAGE}\n`);
        return 0;
      }
      return await runWorkerCommand();
    }
    const options = parseAnalyzeArgs(argv, cwd);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    await run(options);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`strix: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}
