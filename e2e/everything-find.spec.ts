import { expect, test } from '@playwright/test';
import path from 'node:path';

/** Everything mode and find by word, through the UI and the stored-result route. */
const SAMPLE_IMAGES = path.resolve(process.cwd(), '../shared/samples/images');

test.describe('everything mode and find by word', () => {
  test('everything regions are entities; find lists what each model found and says when no model knows a word', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByTestId('everything-mode').check();
    await page.getByTestId('find-words').fill('window, person, zxqvw');
    await page.getByTestId('image-input').setInputFiles(path.join(SAMPLE_IMAGES, '10_person_laptop_office.jpg'));
    await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
    await expect(page.getByTestId('progress')).toContainText('total');

    // Automatic regions (ids a1…) are listed like any entity, with a mask.
    const regions = page.locator('[data-testid^="entity-a"]');
    expect(await regions.count()).toBeGreaterThan(0);
    await expect(regions.first()).toHaveAttribute('data-has-mask', 'true');

    await expect(page.getByTestId('find-person')).toContainText('yolox-nano');
    await expect(page.getByTestId('find-window')).toContainText('windowpane');
    await expect(page.getByTestId('find-zxqvw')).toContainText('no model here knows this word');

    // Hovering a hit lights up its entity on the image.
    await page.getByTestId('find-person').getByTestId('find-hit').first().hover();
    await expect(page.getByTestId('stage')).not.toHaveAttribute('data-hovered-entity', '');

    // Again on the stored result, without a new analysis.
    await page.getByTestId('find-words').fill('tie');
    await page.getByTestId('find-on-result').click();
    await expect(page.getByTestId('find-tie')).toBeVisible();
    await expect(page.getByTestId('find-person')).toHaveCount(0);
  });

  test('the API takes mode=everything and find, and a stored result answers find', async ({ request }) => {
    const fs = await import('node:fs');
    const response = await request.post('/api/analyze', {
      multipart: {
        image: {
          name: '01_truck.jpg',
          mimeType: 'image/jpeg',
          buffer: fs.readFileSync(path.join(SAMPLE_IMAGES, '01_truck.jpg')),
        },
        mode: 'everything',
        find: 'truck, road',
      },
    });
    expect(response.ok()).toBe(true);
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.some((e) => e.type === 'stage' && e.stage === 'everything' && e.status === 'done')).toBe(true);
    const find = events.find((e) => e.type === 'find');
    expect(find.results.map((r: { word: string }) => r.word)).toEqual(['truck', 'road']);
    expect(find.results[0].found.length).toBeGreaterThan(0);
    const resultId = events.find((e) => e.type === 'done').resultId;

    const again = await request.post(`/api/results/${resultId}/find`, { data: { find: 'pickup, zxqvw' } });
    expect(again.ok()).toBe(true);
    const { results } = await again.json();
    expect(results[0].found.map((f: { label: string }) => f.label)).toContain('truck');
    expect(results[1].known).toBe(false);
    expect((await request.post(`/api/results/${resultId}/find`, { data: { find: ' ' } })).status()).toBe(400);
  });
});
