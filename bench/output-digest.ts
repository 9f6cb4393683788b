/**
 * `tsx bench/output-digest.ts` (env OUT=file, IMGS=01,02, BIG=0 to skip the 12 MP versions): analyses every
 * sample photo, and its 4000×3000 re-encode, cold, and writes each result's entities (labels, boxes, scores,
 * alternatives, fine names, mask area, bbox and an md5 of the RLE) and its scene graph as JSON. Run it on two
 * checkouts and `cmp` the files to show a speed change leaves the output alone.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { samEncoderVariant } from '../lib/models/sam';
import { analyseTimed } from './analyse';
import { samplePhotos } from './util';

async function main() {
  const out: Record<string, unknown> = {};
  const variant = samEncoderVariant();
  for (const { file, bytes } of samplePhotos(process.env.IMGS?.split(','))) {
    const versions: [string, Uint8Array][] = [[file, bytes]];
    if (process.env.BIG !== '0') {
      const big = await sharp(bytes).resize(4000, 3000, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
      versions.push([`${file}@12MP`, new Uint8Array(big)]);
    }
    for (const [name, photo] of versions) {
      const { scene } = await analyseTimed(photo, variant, true);
      out[name] = {
        entities: scene.entities.map((e) => ({
          id: e.id,
          label: e.label,
          kind: e.kind,
          box: e.box,
          score: e.score,
          alternatives: e.alternatives,
          fineName: e.fineName,
          mask: e.mask && {
            area: e.mask.area,
            bbox: e.mask.bbox,
            rle: crypto.createHash('md5').update(JSON.stringify(e.mask.rle)).digest('hex'),
          },
        })),
        graph: scene.graph,
      };
      console.log(name, scene.entities.length, 'entities');
    }
  }
  fs.writeFileSync(process.env.OUT ?? 'bench/results/output-digest.json', JSON.stringify(out, null, 1));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
