/**
 * Everything mode's bench entry (in `npm run bench`'s report, and alone as `npm run bench:everything`) (lib/analysis/everything) on sample photos, the SAM embedding
 * cached as in an analysis: time to regions within the default 3 s budget, points decoded and skipped, regions
 * kept, and the time per decoder run (× 1024 = what decoding the full 32×32 grid point by point would cost).
 * `EVERYTHING_BUDGET_MS=…` and `EVERYTHING_SIDE=…` change the budget and grid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodeImage } from '../lib/models/sam';
import { decodeImage } from '../lib/image/decode';
import { generateEverything } from '../lib/analysis/everything/generate';

const PHOTOS = ['01_truck.jpg', '08_street_horse_cart_cars.jpg', '09_living_room.jpg', '10_person_laptop_office.jpg'];
const dir = process.env.SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');

export async function benchEverything() {
  const budgetMs = Number(process.env.EVERYTHING_BUDGET_MS ?? 3000);
  const pointsPerSide = Number(process.env.EVERYTHING_SIDE ?? 32);
  console.log(`grid ${pointsPerSide}×${pointsPerSide}, budget ${budgetMs} ms`);
  console.log('photo'.padEnd(34), 'ms'.padStart(6), 'decoded', 'skipped', 'regions', 'ms/decode', 'cut');
  const rows = [];
  for (const name of PHOTOS) {
    const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(dir, name))));
    const embedding = await encodeImage(image);
    const r = await generateEverything(embedding, { budgetMs, pointsPerSide });
    const perDecode = r.ms / Math.max(1, r.pointsDecoded);
    rows.push({ name, ...r, regions: r.regions.length, perDecode });
    console.log(
      name.padEnd(34),
      r.ms.toFixed(0).padStart(6),
      String(r.pointsDecoded).padStart(7),
      String(r.pointsSkipped).padStart(7),
      String(r.regions.length).padStart(7),
      perDecode.toFixed(0).padStart(9),
      r.cutByBudget ? 'yes' : 'no',
    );
  }
  return { budgetMs, pointsPerSide, rows };
}

// Alone: writes bench/results/everything.json (inside `npm run bench` the entry goes into latest.json).
if (process.argv[1]?.endsWith('everything.ts')) {
  benchEverything()
    .then((report) => {
      const file = path.resolve(process.cwd(), 'bench', 'results', 'everything.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2) + '\n');
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
