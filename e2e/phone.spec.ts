/**
 * The main flow on a phone (390×844, touch): a tap on a mask selects it and a second tap deselects it (one
 * event per tap), a tapped phrase in the chat below brings its mask into view, no two labels overlap, and axe
 * finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const STREET = path.resolve(process.cwd(), '../shared/samples/images/08_street_horse_cart_cars.jpg');
const stage = (page: Page) => page.getByTestId('stage');

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

test('phone: tap selects and a second tap deselects; a tapped phrase scrolls its mask into view; axe-clean', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(STREET);
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const labelBoxes = JSON.parse(
    (await page.locator('[data-label-boxes]').getAttribute('data-label-boxes')) ?? '[]',
  ) as Array<[number, number, number, number]>;
  expect(labelBoxes.length).toBeGreaterThan(0);
  for (const [i, a] of labelBoxes.entries()) {
    for (const b of labelBoxes.slice(i + 1)) {
      const overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
      expect(overlap, `labels at ${a} and ${b}`).toBe(false);
    }
  }

  const centers = JSON.parse((await stage(page).getAttribute('data-entity-centers')) ?? '{}') as Record<
    string,
    [number, number]
  >;
  const [entityId, [cx, cy]] = Object.entries(centers)[0];
  await stage(page).scrollIntoViewIfNeeded();
  const frame = (await stage(page).boundingBox())!;
  await page.touchscreen.tap(frame.x + cx, frame.y + cy);
  await expect(stage(page)).toHaveAttribute('data-selected-entity', entityId);
  await page.waitForTimeout(400); // past any late duplicate of the first tap
  await expect(stage(page)).toHaveAttribute('data-selected-entity', entityId);
  await page.touchscreen.tap(frame.x + cx, frame.y + cy);
  await expect(stage(page)).toHaveAttribute('data-selected-entity', '');

  await page.getByTestId('chat-input').fill('What is in this image?');
  await page.getByTestId('chat-send').tap();
  const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]').first();
  await expect(answer).toHaveAttribute('data-streaming', 'false');
  const phrase = answer.getByTestId('linked-phrase').first();
  await phrase.scrollIntoViewIfNeeded();
  expect((await stage(page).boundingBox())!.y + frame.height).toBeLessThan(0); // the image is off-screen above
  const phraseEntity = ((await phrase.getAttribute('data-entity-ids')) ?? '').split(' ')[0];
  await phrase.tap();
  await expect(stage(page)).toHaveAttribute('data-selected-entity', phraseEntity);
  const point = JSON.parse((await stage(page).getAttribute('data-entity-centers')) ?? '{}')[phraseEntity] as [
    number,
    number,
  ];
  await expect
    .poll(async () => {
      const now = (await stage(page).boundingBox())!;
      return now.y + point[1] >= 0 && now.y + point[1] <= 844;
    })
    .toBe(true);
});
