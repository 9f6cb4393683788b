/** The analyze route as the browser calls it, its NDJSON stream read back as schema-checked events. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import { closeResultsDb } from '@/lib/server/store/db';
import { forgetHotScenes } from '@/lib/server/results';
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';

export async function streamedEvents(response: Response): Promise<AnalyzeEvent[]> {
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => AnalyzeEventSchema.parse(JSON.parse(line)));
}

/** Posts `form` to /api/analyze: every event, and the stored result's id from the done event ('' if none). */
export async function analyzeForm(form: FormData): Promise<{ id: string; events: AnalyzeEvent[] }> {
  const response = await analyze(new Request('http://localhost/api/analyze', { method: 'POST', body: form }));
  const events = await streamedEvents(response);
  const done = events.at(-1);
  return { id: done?.type === 'done' ? done.resultId : '', events };
}

/** A fresh DATA_DIR for a test file's stored results, removed after its tests with the store's open handles. */
export function withTempDataDir(prefix: string): void {
  let dataDir = '';
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    forgetHotScenes();
    closeResultsDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
    delete process.env.DATA_DIR;
  });
}

/** A form holding one sample photo, as the page uploads it. */
export function sampleImageForm(name: string): FormData {
  const form = new FormData();
  const samples = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
  form.append('image', new File([fs.readFileSync(path.join(samples, name))], name));
  return form;
}
