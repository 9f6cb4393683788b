import { describe, expect, it } from 'vitest';
import { GET } from './route';

describe('GET /api/openapi.json', () => {
  it('is JSON describing every route, with request and line schemas from the routes’ zod schemas', async () => {
    const response = GET();
    expect(response.headers.get('content-type')).toContain('application/json');
    const doc = JSON.parse(await response.text());
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/analyze',
        '/api/chat',
        '/api/health',
        '/api/results/{id}',
        '/api/results/{id}/audio',
        '/api/results/{id}/display',
        '/api/results/{id}/entities',
        '/api/results/{id}/find',
        '/api/results/{id}/export/coco.json',
        '/api/results/{id}/export/cutout/{entityId}.png',
        '/api/results/{id}/export/label-studio.json',
        '/api/results/{id}/export/overlay.png',
        '/api/results/{id}/image',
        '/api/results/{id}/masks',
        '/api/results/{id}/points',
      ].sort(),
    );
    const analyze = doc.paths['/api/analyze'].post;
    expect(analyze.requestBody.content['multipart/form-data'].schema.properties.image).toEqual({ type: 'string', format: 'binary' });
    const line = analyze.responses['200'].content['application/x-ndjson'].schema;
    expect(line.oneOf ?? line.anyOf).toBeDefined();
    const points = doc.paths['/api/results/{id}/points'].post.requestBody.content['application/json'].schema;
    expect(points.required).toEqual(['points']);
    expect(doc.paths['/api/results/{id}'].parameters[0].schema.pattern).toBe('^[A-Za-z0-9_-]{22}$');
    expect(doc.paths['/api/chat'].post.requestBody.content['application/json'].schema.required).toContain('messages');
  });
});
