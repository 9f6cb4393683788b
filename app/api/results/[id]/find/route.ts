/**
 * Find by word on a stored result, without analysing again: each word → the classes of every model that has
 * it → the stored entities those models named (things, stuff, everything-mode regions, fine names and
 * alternatives). The segmenter's class map is not stored, so unlike a find during the analysis no new
 * regions are cut here. The answer is kept with the result (its `find` event and scene.finds).
 */
import { HttpError, readBodyCapped, readJsonBody } from '@/lib/server/http';
import { appendResultEvents, loadResult, persistScene } from '@/lib/server/results';
import { handleRouteError, resultIdFrom, unknownResult, type ResultRouteContext } from '@/lib/server/result-http';
import { matchEntities, wordResult } from '@/lib/analysis/find/find';
import { classesForWord } from '@/lib/analysis/find/vocabulary';
import { FindRequestSchema, FindResponseSchema, MAX_FIND_BODY_BYTES } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function readWords(request: Request): Promise<string[]> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data'))
    return (await readJsonBody(request, FindRequestSchema, MAX_FIND_BODY_BYTES)).find;
  const body = await readBodyCapped(request, MAX_FIND_BODY_BYTES);
  const form = await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => {
    throw new HttpError(400, 'bad_form', 'The multipart body could not be read.');
  });
  const parsed = FindRequestSchema.safeParse({ find: form.get('find') ?? undefined });
  if (!parsed.success) throw new HttpError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data.find;
}

export async function POST(request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const id = await resultIdFrom(context);
    const words = await readWords(request);
    const scene = await loadResult(id);
    if (!scene) throw unknownResult();
    const results = words.map((word) => {
      const classes = classesForWord(word);
      return wordResult(classes, matchEntities(scene.entities, classes));
    });
    scene.finds = results;
    await persistScene(scene);
    await appendResultEvents(id, [{ type: 'find', results }]);
    return Response.json(FindResponseSchema.parse({ results }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return handleRouteError(error, 'find the words');
  }
}
