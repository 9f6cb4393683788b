import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

/**
 * What issue 18 saw on stage: a sound added to a photo keeps the conversation reachable (Back returns to the
 * earlier result and its chat), a malformed result URL is a 404 with the security headers, point mode works
 * from the keyboard, and a phone shows the image and the sound together.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples');

async function analyseAndAsk(page: Page) {
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(path.join(SAMPLES, 'images', '04_horses.jpg'));
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  await page.getByTestId('chat-input').fill('What is in this image?');
  await page.getByTestId('chat-input').press('Enter');
  const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]').first();
  await expect(answer).toHaveAttribute('data-streaming', 'false');
}

test('a sound added to a photo keeps the conversation, and Back never shows a blank page', async ({ page }) => {
  await analyseAndAsk(page);
  const firstUrl = page.url();
  expect(firstUrl).toMatch(/\/r\/[\w-]{22}$/);
  await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio', 'dog_bark.wav'));
  await expect(page.getByTestId('audio-description')).not.toBeEmpty();
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  // Still the same conversation, or a note saying where it went.
  const kept = await page.locator('[data-testid="chat-message"]').count();
  if (kept === 0) await expect(page.getByTestId('chat-moved')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(firstUrl);
  await expect(page.getByTestId('stage')).toHaveAttribute('data-result-id', firstUrl.split('/').pop()!);
  await expect(page.locator('[data-testid="chat-message"]').first()).toBeVisible();
});

test('a malformed percent escape in a result URL is a 404 with the security headers', async ({ request }) => {
  for (const url of ['/r/%E0%A4%A', '/api/results/%zz', '/api/results/%zz/export/coco.json']) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(response.headers()['content-security-policy'], url).toContain("frame-ancestors 'none'");
  }
});

test('point mode works from the keyboard', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(path.join(SAMPLES, 'images', '04_horses.jpg'));
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  await page.getByTestId('point-mode-toggle').check();
  await page.getByTestId('stage').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('stage')).not.toHaveAttribute('data-point-cursor', '');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('point-count')).toContainText('1');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the image and its sound are on screen together', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('image-input').setInputFiles(path.join(SAMPLES, 'images', '04_horses.jpg'));
    await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
    await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio', 'dog_bark.wav'));
    await expect(page.getByTestId('audio-description')).not.toBeEmpty();
    await page.getByTestId('stage').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('stage')).toBeInViewport({ ratio: 0.5 });
    await expect(page.getByRole('heading', { name: 'Sound' })).toBeInViewport();
  });
});
