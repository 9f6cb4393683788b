import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** The samples live next to the checkout (shared/samples), not in the app. */
const SAMPLE_IMAGES = path.resolve(process.cwd(), '../shared/samples/images');

const stage = (page: Page) => page.getByTestId('stage');
const entityRows = (page: Page) => page.locator('[data-testid^="entity-"]');

async function waitForAnalysis(page: Page) {
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
}

async function entityCenters(stageLocator: Locator): Promise<Record<string, [number, number]>> {
  return JSON.parse((await stageLocator.getAttribute('data-entity-centers')) ?? '{}');
}

test.describe('grounding UI', () => {
  test('upload → entities with scores, mask hover links to the list', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('image-input').setInputFiles(path.join(SAMPLE_IMAGES, '01_truck.jpg'));
    await waitForAnalysis(page);
    await expect(page.getByTestId('progress')).toContainText('total');

    const truckRow = entityRows(page).and(page.locator('[data-label="truck"]')).first();
    await expect(truckRow).toBeVisible();
    const score = Number(await truckRow.getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(0.3);
    expect(score).toBeLessThanOrEqual(1);
    const truckId = (await truckRow.getAttribute('data-testid'))!.replace(/^entity-/, '');
    await expect(truckRow).toHaveAttribute('data-has-mask', 'true');

    // Hover the truck's mask on the canvas: the stage and the row both report it.
    const centers = await entityCenters(stage(page));
    expect(centers[truckId]).toBeDefined();
    const box = (await stage(page).boundingBox())!;
    await page.mouse.move(box.x + centers[truckId][0], box.y + centers[truckId][1]);
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', truckId);
    await expect(truckRow).toHaveAttribute('data-highlighted', 'true');

    // Click selects; the selection sticks after the pointer leaves; a second click clears it.
    await page.mouse.click(box.x + centers[truckId][0], box.y + centers[truckId][1]);
    await expect(stage(page)).toHaveAttribute('data-selected-entity', truckId);
    await page.mouse.move(box.x + box.width + 50, box.y - 20);
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', '');
    await expect(truckRow).toHaveAttribute('data-highlighted', 'true');
    await truckRow.click();
    await expect(stage(page)).toHaveAttribute('data-selected-entity', '');

    // And the other direction: hovering the row emphasises the entity on the stage.
    await truckRow.hover();
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', truckId);

    // The tag too: pointing at "truck" lights up the truck.
    await page.mouse.move(0, 0);
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', '');
    await page.getByTestId('tag-truck').hover();
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', truckId);
  });

  test('gallery sample → person found; threshold re-filters without a request', async ({ page }) => {
    await page.goto('/');
    const sample = page.getByTestId('sample-08_street_horse_cart_cars');
    await expect(sample).toHaveAttribute('title', /Licence/);
    await sample.click();
    await waitForAnalysis(page);
    await expect(entityRows(page).and(page.locator('[data-label="person"]')).first()).toBeVisible();

    const before = Number(await stage(page).getAttribute('data-entity-count'));
    expect(before).toBeGreaterThan(0);
    await expect(entityRows(page)).toHaveCount(before);

    let requests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/')) requests++;
    });
    await page.getByTestId('threshold').fill('0.95');
    await expect.poll(async () => Number(await stage(page).getAttribute('data-entity-count'))).toBeLessThan(before);
    const after = Number(await stage(page).getAttribute('data-entity-count'));
    await expect(entityRows(page)).toHaveCount(after);
    for (const scoreText of await entityRows(page).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-score')),
    )) {
      expect(Number(scoreText)).toBeGreaterThanOrEqual(0.95);
    }
    await page.getByTestId('opacity').fill('0.8');
    expect(requests).toBe(0);
  });

  test('lowering the threshold reveals weaker things, whose masks are then cut on the server', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('sample-06_savanna_giraffes_zebras').click();
    await waitForAnalysis(page);
    const things = entityRows(page).and(page.locator('[data-kind="thing"]'));
    // At the default threshold every listed thing came with its mask.
    for (const hasMask of await things.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-has-mask'))))
      expect(hasMask).toBe('true');
    const shownBefore = await things.count();

    const masks = page.waitForResponse((r) => r.url().endsWith('/masks') && r.request().method() === 'POST');
    await page.getByTestId('threshold').fill('0.1');
    expect((await masks).status()).toBe(200);
    await expect.poll(() => things.count()).toBeGreaterThan(shownBefore);
    await expect(things.and(page.locator('[data-has-mask="false"]'))).toHaveCount(0);
  });

  test('export: COCO JSON of the visible entities with RLE masks, and a PNG of the overlay', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('image-input').setInputFiles(path.join(SAMPLE_IMAGES, '02_dog_bowl_person.jpg'));
    await waitForAnalysis(page);
    const shown = Number(await stage(page).getAttribute('data-entity-count'));

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-coco').click()]);
    const coco = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(coco.images[0]).toMatchObject({ width: 800, height: 534 });
    expect(coco.annotations).toHaveLength(shown);
    const dog = coco.annotations.find(
      (a: { category_id: number }) => coco.categories[a.category_id - 1].name === 'dog',
    );
    expect(dog.segmentation.size).toEqual([534, 800]);
    expect(dog.segmentation.counts.reduce((sum: number, n: number) => sum + n, 0)).toBe(534 * 800);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(790); // width, at about the photo's resolution
  });

  test('a corrupt upload shows the server message', async ({ page }) => {
    await page.goto('/');
    const randomBytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await page.getByTestId('image-input').setInputFiles({ name: 'x.jpg', mimeType: 'image/jpeg', buffer: randomBytes });
    const error = page.getByTestId('error');
    await expect(error).toBeVisible();
    await expect(error).not.toHaveText('');
    await expect(error).toHaveAttribute('data-error-code', /.+/);
    await expect(stage(page)).toHaveAttribute('data-masks-ready', 'false');
  });
});
