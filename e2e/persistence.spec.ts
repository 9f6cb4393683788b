/**
 * RESULTS THAT LAST, end to end. Needs the stored-result routes (`GET/DELETE /api/results/<id>`,
 * `PUT …/display`) and the chat route storing its turns: analyse → the address bar shows /r/<id> → a reload
 * brings back the same objects, slider setting and chat → "Copy link" opens it in another page → Delete
 * empties it for both.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const STREET = path.resolve(process.cwd(), '../shared/samples/images/08_street_horse_cart_cars.jpg');
const stage = (page: Page) => page.getByTestId('stage');
const assistantMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="assistant"]');

const shownEntityIds = (page: Page) =>
  page
    .locator('[data-testid^="entity-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')).sort());

test('persistence: analyse → reload keeps the result → copy link opens it in a new page → delete', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(STREET);
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  const resultUrl = page.url();

  const saved = page.waitForResponse((r) => r.url().endsWith('/display') && r.request().method() === 'PUT');
  await page.getByTestId('threshold').fill('0.5');
  expect((await saved).ok()).toBe(true);
  const ids = await shownEntityIds(page);
  expect(ids.length).toBeGreaterThan(0);

  await page.getByTestId('chat-input').fill('What is in this image?');
  await page.getByTestId('chat-input').press('Enter');
  await expect(assistantMessages(page).first()).toHaveAttribute('data-streaming', 'false');
  const answerText = await assistantMessages(page).first().innerText();

  await page.reload();
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
  expect(page.url()).toBe(resultUrl);
  await expect(page.getByTestId('threshold')).toHaveValue('0.5');
  expect(await shownEntityIds(page)).toEqual(ids);
  await expect(assistantMessages(page)).toHaveCount(1);
  expect(await assistantMessages(page).first().innerText()).toBe(answerText);
  await expect(assistantMessages(page).first().getByTestId('linked-phrase').first()).toBeVisible();

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-note')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(resultUrl);
  const other = await context.newPage();
  await other.goto(link);
  await expect(stage(other)).toHaveAttribute('data-masks-ready', 'true');
  expect(await shownEntityIds(other)).toEqual(ids);

  await page.getByTestId('delete-result').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'false');
  await other.reload();
  await expect(other.getByTestId('result-not-found')).toHaveAttribute('data-state', 'not-found');
});

test('persistence: an unknown id shows "no such result"; a malformed one is a 404', async ({ page }) => {
  await page.goto('/r/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByTestId('result-not-found')).toHaveAttribute('data-state', 'not-found');
  await expect(page.getByTestId('image-input')).toBeAttached(); // and a new analysis can start right there
  const response = await page.goto('/r/..%2F..%2Fetc');
  expect(response?.status()).toBe(404);
});
