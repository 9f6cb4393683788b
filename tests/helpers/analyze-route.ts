/** The analyze route as the browser calls it, its NDJSON stream read back as schema-checked events. */
import { POST as analyze } from '@/app/api/analyze/route';
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
