/**
 * Copies the demo samples from ../shared/samples into public/samples (git-ignored) and writes
 * public/samples/index.json for the gallery. Licences come from the samples' SOURCES.md; files marked
 * non-commercial (NC) or GPL stay out of what the app serves: they are for tests only. A clone without
 * ../shared gets the gallery committed in models/gallery: the same permissively licensed photos downscaled to
 * 1024 px and the small clips, with the same index.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SampleInfo } from '../lib/shared/samples';

const SHIPPABLE = (licence: string) => !/\bNC\b|GPL/.test(licence);

export function parseSources(markdown: string): Omit<SampleInfo, 'url'>[] {
  const rows: Omit<SampleInfo, 'url'>[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | path | source | licence | content |  →  ['', path, source, licence, content, '']
    const match = /^(images|audio)\/(.+)$/.exec(cells[1] ?? '');
    if (!match || cells.length < 6) continue;
    rows.push({
      kind: match[1] === 'images' ? 'image' : 'audio',
      file: cells[1],
      source: cells[2],
      licence: cells[3],
      content: cells[4],
    });
  }
  return rows;
}

export function prepareSamples(samplesDir = path.resolve(process.cwd(), '..', 'shared', 'samples')): void {
  const sourcesFile = path.join(samplesDir, 'SOURCES.md');
  const publicDir = path.join(process.cwd(), 'public', 'samples');
  if (!fs.existsSync(sourcesFile)) {
    copyBundledGallery(publicDir);
    return;
  }
  const shipped: SampleInfo[] = [];
  for (const row of parseSources(fs.readFileSync(sourcesFile, 'utf8'))) {
    if (!SHIPPABLE(row.licence)) continue;
    const target = path.join(publicDir, row.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(samplesDir, row.file), target);
    shipped.push({ ...row, url: `/samples/${row.file}` });
  }
  fs.writeFileSync(path.join(publicDir, 'index.json'), JSON.stringify(shipped, null, 2));
  console.log(`samples: ${shipped.length} files copied to public/samples`);
}

const BUNDLED_GALLERY = path.join(process.cwd(), 'models', 'gallery');

function copyBundledGallery(publicDir: string): void {
  const index = path.join(BUNDLED_GALLERY, 'index.json');
  if (!fs.existsSync(index)) {
    console.log(
      'samples: no ../shared/samples and no bundled gallery; the gallery will be empty (upload your own files).',
    );
    return;
  }
  const rows = JSON.parse(fs.readFileSync(index, 'utf8')) as Omit<SampleInfo, 'url'>[];
  for (const row of rows) {
    const target = path.join(publicDir, row.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(BUNDLED_GALLERY, row.file), target);
  }
  const shipped: SampleInfo[] = rows.map((row) => ({ ...row, url: `/samples/${row.file}` }));
  fs.writeFileSync(path.join(publicDir, 'index.json'), JSON.stringify(shipped, null, 2));
  console.log(`samples: ${shipped.length} bundled files (downscaled) copied to public/samples`);
}
