/**
 * The OpenAPI 3.1 description served at GET /api/openapi.json, generated from the very zod schemas the routes
 * parse their input and write their output with (zod 4's z.toJSONSchema), so it cannot drift from the code.
 * Streams are NDJSON: the schema given is that of one line.
 */
import { z, type ZodType } from 'zod';
import { AnalyzeFormSchema, MAX_BODY_BYTES } from '@/app/api/analyze/schema';
import { ChatRequestSchema } from '@/app/api/chat/schema';
import { ResultIdSchema, StoredResultSchema } from '@/app/api/results/[id]/schema';
import { DisplaySettingsSchema } from '@/app/api/results/[id]/display/schema';
import { PointsPreviewSchema, PointsRequestSchema } from '@/app/api/results/[id]/points/schema';
import { FindRequestSchema, FindResponseSchema } from '@/app/api/results/[id]/find/schema';
import { NewEntityRequestSchema, NewEntityResponseSchema } from '@/app/api/results/[id]/entities/schema';
import { EntityMasksRequestSchema, EntityMasksResponseSchema } from '@/app/api/results/[id]/masks/schema';
import { AnalyzeEventSchema } from '@/lib/shared/analysis';
import { ChatEventSchema } from '@/lib/shared/chat';

/** Every error answer: `{"error": {"code", "message"}}` (see lib/server/http.ts). */
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema; File fields (multipart uploads) become binary strings. */
function jsonSchema(schema: ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override(ctx) {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === 'custom') {
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'binary' });
      }
    },
  });
  return rest;
}

const json = (schema: ZodType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: jsonSchema(schema, io) } });
const ndjson = (schema: ZodType, what: string) => ({
  description: `${what}: NDJSON, one JSON object per line, each matching this schema`,
  content: { 'application/x-ndjson': { schema: jsonSchema(schema, 'output') } },
});
const binary = (types: string[]) => Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));

function errors(statuses: Record<number, string>): Json {
  return Object.fromEntries(Object.entries(statuses).map(([status, description]) => [status, { description, content: json(ErrorBodySchema) }]));
}

const notFound = { 404: 'Unknown or malformed result id' };
const idParameter = { name: 'id', in: 'path', required: true, description: 'Result id (22 base64url characters)', schema: jsonSchema(ResultIdSchema, 'input') };
const resultPath = (operations: Json) => ({ parameters: [idParameter], ...operations });

function exportPaths(): Json {
  const file = (summary: string, types: string[], extra: Json[] = []) =>
    resultPath({
      get: {
        summary,
        description: 'Implemented in app/api/results/[id]/export.',
        ...(extra.length ? { parameters: extra } : {}),
        responses: { 200: { description: summary, content: binary(types) }, ...errors(notFound) },
      },
    });
  const entityId = { name: 'entityId', in: 'path', required: true, schema: { type: 'string' } };
  return {
    '/api/results/{id}/export/coco.json': file('COCO JSON with RLE masks, fine names, stuff regions and sound events', ['application/json']),
    '/api/results/{id}/export/label-studio.json': file('Label Studio task JSON with brush masks', ['application/json']),
    '/api/results/{id}/export/overlay.png': file('PNG of the masks over the image at its full resolution', ['image/png']),
    '/api/results/{id}/export/cutout/{entityId}.png': file('One entity cut out with transparency', ['image/png'], [entityId]),
  };
}

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Strix',
      version: '0.1.0',
      description: 'Tags, boxes and SAM masks on an image, a sound analysed beside it, and grounded answers whose phrases link to the masks.',
    },
    paths: {
      '/api/analyze': {
        post: {
          summary: 'Analyse an image and/or a sound, or a video (its keyframes and sound track)',
          description: `Multipart upload (at most ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB). The result is stored; the last event, \`done\`, carries its id.`,
          requestBody: { required: true, content: { 'multipart/form-data': { schema: jsonSchema(AnalyzeFormSchema, 'input') } } },
          responses: {
            200: ndjson(AnalyzeEventSchema, 'The analysis as it happens'),
            ...errors({ 400: 'Bad form', 413: 'Too large', 415: 'Not an image, sound or video we read', 422: 'Damaged file', 429: 'Busy (see Retry-After)', 503: 'A model is missing' }),
          },
        },
      },
      '/api/chat': {
        post: {
          summary: 'Ask a question about a result',
          requestBody: { required: true, content: json(ChatRequestSchema, 'input') },
          responses: { 200: ndjson(ChatEventSchema, 'The answer, its source and its links'), ...errors({ 400: 'Bad request', ...notFound }) },
        },
      },
      '/api/health': {
        get: {
          summary: 'Model status (loaded / missing / corrupt) and queue length',
          responses: { 200: { description: 'Health report', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/api/results/{id}': resultPath({
        get: { summary: 'A stored result: its event stream, chat and display settings', responses: { 200: { description: 'The result', content: json(StoredResultSchema) }, ...errors(notFound) } },
        delete: { summary: 'Delete a result and its files', responses: { 204: { description: 'Deleted' }, ...errors(notFound) } },
      }),
      '/api/results/{id}/image': resultPath({
        get: { summary: 'The uploaded image', responses: { 200: { description: 'Image bytes', content: binary(['image/jpeg', 'image/png', 'image/webp']) }, ...errors(notFound) } },
      }),
      '/api/results/{id}/audio': resultPath({
        get: { summary: 'The uploaded sound', responses: { 200: { description: 'Sound bytes', content: binary(['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/flac']) }, ...errors(notFound) } },
      }),
      '/api/results/{id}/display': resultPath({
        put: {
          summary: 'Save the score threshold and mask opacity',
          requestBody: { required: true, content: json(DisplaySettingsSchema, 'input') },
          responses: { 204: { description: 'Saved' }, ...errors({ 400: 'Bad settings', ...notFound }) },
        },
      }),
      '/api/results/{id}/points': resultPath({
        post: {
          summary: 'Point mode: the mask for clicks in image pixels (coalesced per result)',
          requestBody: { required: true, content: json(PointsRequestSchema, 'input') },
          responses: {
            200: { description: 'Mask preview', content: json(PointsPreviewSchema) },
            ...errors({ 400: 'Bad points', ...notFound, 409: 'Superseded by a newer request for this result, or no image', 429: 'Busy re-encoding' }),
          },
        },
      }),
      '/api/results/{id}/find': resultPath({
        post: {
          summary: 'Find by word on a stored result: each word → the classes of every model that has it → the entities they named',
          requestBody: { required: true, content: json(FindRequestSchema, 'input') },
          responses: { 200: { description: 'What each word matched', content: json(FindResponseSchema) }, ...errors({ 400: 'Bad request', ...notFound }) },
        },
      }),
      '/api/results/{id}/entities': resultPath({
        post: {
          summary: 'Keep the clicks’ mask as a new entity named by the user',
          requestBody: { required: true, content: json(NewEntityRequestSchema, 'input') },
          responses: {
            201: { description: 'The entity and mask events', content: json(NewEntityResponseSchema) },
            ...errors({ 400: 'Bad request', ...notFound, 409: 'No image', 422: 'The points select nothing' }),
          },
        },
      }),
      '/api/results/{id}/masks': resultPath({
        post: {
          summary: 'Masks for detected things the analysis left unmasked (under the default score threshold), cut from the cached embedding',
          requestBody: { required: true, content: json(EntityMasksRequestSchema, 'input') },
          responses: {
            200: { description: 'A mask event per entity', content: json(EntityMasksResponseSchema) },
            ...errors({ 400: 'Bad request, an unknown entity or one that is no detected thing', ...notFound, 409: 'No image', 429: 'Busy' }),
          },
        },
      }),
      ...exportPaths(),
    },
  };
}
