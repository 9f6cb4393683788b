/**
 * `strix analyze` as a user runs it (a child process through bin/strix.mjs): two sample photos and a corrupt
 * file in a folder. The good ones get their JSON and PNG, the bad one is listed, the exit code stays 0;
 * usage mistakes exit 2.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeRle } from '@/lib/shared/rle';
import type { FileResult } from '@/lib/cli/analyze-file';

const IMAGES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
const BIN = path.resolve(process.cwd(), 'bin', 'strix.mjs');

function strix(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 110_000 });
}

describe('strix analyze', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-cli-'));
  let run: ReturnType<typeof strix>;

  beforeAll(() => {
    fs.mkdirSync(path.join(work, 'photos'));
    for (const name of ['02_dog_bowl_person.jpg', '06_savanna_giraffes_zebras.jpg'])
      fs.copyFileSync(path.join(IMAGES, name), path.join(work, 'photos', name));
    fs.writeFileSync(
      path.join(work, 'photos', 'broken.jpg'),
      fs.readFileSync(path.join(IMAGES, '05_cats.jpg')).subarray(0, 3000),
    );
    fs.writeFileSync(path.join(work, 'photos', 'notes.txt'), 'not an image, and not named like one: skipped');
    // Relative paths, run from outside the project: they are taken from where the command is typed.
    run = strix(['analyze', 'photos', '--out', 'out', '--png', '--question', 'How many zebras are there?'], work);
  }, 120_000);

  it('writes a JSON and an overlay PNG per good image, lists the bad one, and exits 0', async () => {
    expect(run.status).toBe(0);
    const out = path.join(work, 'out');
    expect(fs.readdirSync(out).sort()).toEqual([
      '02_dog_bowl_person.json',
      '02_dog_bowl_person.overlay.png',
      '06_savanna_giraffes_zebras.json',
      '06_savanna_giraffes_zebras.overlay.png',
      'summary.csv',
    ]);
    expect(run.stderr).toMatch(/2 of 3 analysed/);
    expect(run.stderr).toMatch(/Could not analyse 1:\n.*broken\.jpg: The JPEG image could not be decoded/);
    expect(run.stderr).toMatch(/\[#+-*\] 1\/3 \S+ ETA \S+ 06_savanna_giraffes_zebras\.jpg/);
    const meta = await sharp(path.join(out, '06_savanna_giraffes_zebras.overlay.png')).metadata();
    expect([meta.width, meta.height]).toEqual([540, 360]);
  });

  it('puts the COCO export, the stream summary and the answer in each JSON', () => {
    const result = JSON.parse(
      fs.readFileSync(path.join(work, 'out', '06_savanna_giraffes_zebras.json'), 'utf8'),
    ) as FileResult;
    expect(result.coco.images[0]).toMatchObject({
      file_name: '06_savanna_giraffes_zebras.jpg',
      width: 540,
      height: 360,
    });
    const zebras = result.coco.annotations.filter((a) => result.coco.categories[a.category_id - 1].name === 'zebra');
    expect(zebras.length).toBeGreaterThan(1);
    for (const a of zebras) expect(decodeRle(a.segmentation!).reduce((s, v) => s + v, 0)).toBe(a.area);
    expect(result.summary.stages.map((s) => s.stage)).toEqual(
      expect.arrayContaining(['decode', 'tagging', 'segmentation']),
    );
    expect(result.summary.tags.map((t) => t.label)).toEqual(expect.arrayContaining(['giraffe', 'zebra']));
    expect(result.answer?.text).toMatch(
      new RegExp(`\\b(${zebras.length}|${['', '', 'two', 'three', 'four', 'five', 'six'][zebras.length]}) zebras`, 'i'),
    );
    expect(result.answer?.links.some((link) => link.entityIds.length > 1)).toBe(true);
  });

  it('masks the weaker things a lower --threshold exports, which the analysis left unmasked', () => {
    fs.mkdirSync(path.join(work, 'one'), { recursive: true });
    fs.copyFileSync(path.join(IMAGES, '06_savanna_giraffes_zebras.jpg'), path.join(work, 'one', 'savanna.jpg'));
    expect(strix(['analyze', 'one', '--out', 'low', '--threshold', '0.1'], work).status).toBe(0);
    const low = JSON.parse(fs.readFileSync(path.join(work, 'low', 'savanna.json'), 'utf8')) as FileResult;
    const weak = low.coco.annotations.filter((a) => (a.score ?? 1) < 0.3);
    expect(weak.length).toBeGreaterThan(0);
    for (const a of weak) expect(a.segmentation).toBeDefined();
  }, 120_000);

  it('writes a summary row per file, the failure with its reason', () => {
    const lines = fs
      .readFileSync(path.join(work, 'out', 'summary.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('file,status,width,height,entities,masks,labels,sound,total_ms,answer,error');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('06_savanna'))).toMatch(/,ok,540,360,\d+,\d+,.*zebra ×\d/);
    expect(lines.find((l) => l.includes('broken.jpg'))).toMatch(/,failed,.*could not be decoded/);
  });

  it('exits 2 on a usage error, with the usage', () => {
    const result = strix(['analyze', 'nowhere', '--out', 'x'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Not found: nowhere/);
    expect(result.stderr).toContain('Usage: strix analyze');
  });
});
