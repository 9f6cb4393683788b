/**
 * Everything-mode coverage for `npm run eval`: on each annotated sample, the share of annotated objects that some
 * automatic region matches (box IoU ≥ 0.5: the annotations are boxes), and how many regions the models name
 * (detector box, ADE20K class; the rest stay "region"). Same budget and naming as the analysis.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEEPLAB_ADE151, segmentScene } from '../lib/models/ade-segmenter';
import { encodeImage } from '../lib/models/sam';

import { DEFAULT_THRESHOLD } from '../lib/analysis/calibration';
import { decodeImage } from '../lib/image/decode';
import { detectThings } from '../lib/analysis/detect';
import { generateEverything } from '../lib/analysis/everything/generate';
import { nameRegion, UNNAMED_REGION } from '../lib/analysis/everything/name';
import { STUFF_CLASSES } from '../lib/analysis/regions/vocabulary';
import { MATCH_IOU } from './eval/score';
import { samplesSet } from './eval/run-eval';
import { boxIou } from '@/lib/shared/box';

interface CoverageRow {
  image: string;
  annotated: number;
  covered: number;
  regions: number;
  named: number;
  pointsDecoded: number;
  ms: number;
}

export async function everythingCoverage() {
  const set = samplesSet();
  const rows: CoverageRow[] = [];
  for (const [name, truth] of Object.entries(set.images)) {
    const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(set.dir, name))));
    const embedding = await encodeImage(image);
    const generated = await generateEverything(embedding);
    const detections = (await detectThings(image)).filter((d) => d.score >= DEFAULT_THRESHOLD);
    const seg = await segmentScene(image, DEEPLAB_ADE151);
    const names = generated.regions.map((r) =>
      nameRegion(r, detections, seg, image.width, image.height, (l) => STUFF_CLASSES.has(l)),
    );
    const covered = truth.objects.filter((o) =>
      generated.regions.some((r) => boxIou(r.box, o.box) >= MATCH_IOU),
    ).length;
    rows.push({
      image: name,
      annotated: truth.objects.length,
      covered,
      regions: generated.regions.length,
      named: names.filter((n) => n.label !== UNNAMED_REGION).length,
      pointsDecoded: generated.pointsDecoded,
      ms: Math.round(generated.ms),
    });
  }
  const sum = (key: 'annotated' | 'covered' | 'regions' | 'named') => rows.reduce((s, r) => s + r[key], 0);
  const totals = {
    coverage: sum('covered') / sum('annotated'),
    covered: sum('covered'),
    annotated: sum('annotated'),
    regions: sum('regions'),
    named: sum('named'),
  };
  console.log(
    `\neverything mode on the samples (32×32 grid, 3 s budget): objects covered ${(totals.coverage * 100).toFixed(0)}% (${totals.covered}/${totals.annotated}), ` +
      `regions ${totals.regions}, named ${totals.named} (${((totals.named / Math.max(1, totals.regions)) * 100).toFixed(0)}%), ` +
      `points decoded per photo ${rows.map((r) => r.pointsDecoded).join('/')}`,
  );
  return { totals, rows };
}
