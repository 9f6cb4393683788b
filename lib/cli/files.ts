/** Which files a run analyses, and a distinct output name for each. */
import fs from 'node:fs';
import path from 'node:path';

/** Photos and videos (MP4, MOV, WebM: see lib/cli/analyze-video.ts). */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.mp4', '.m4v', '.mov', '.webm']);

/**
 * Files named on the command line are all tried (a wrong one is reported as a failure, not skipped); in
 * folders only files with an image extension are taken, so a README beside the photos is not an error.
 */
export function collectImages(inputs: string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && IMAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const input of inputs) {
    if (fs.statSync(input).isDirectory()) walk(input);
    else files.push(input);
  }
  return [...new Set(files.map((file) => path.resolve(file)))];
}

/** Output base names: the file's name without extension, with -2, -3… when two inputs share one. */
export function outputNames(files: string[]): string[] {
  const used = new Map<string, number>();
  return files.map((file) => {
    const base = path.basename(file, path.extname(file)) || 'image';
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
