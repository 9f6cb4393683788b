import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

/**
 * What issue 18 saw on stage: a sound added to a photo keeps the conversation (copied to the new result; Back
 * returns to the earlier result and its chat), a malformed result URL is a 404 with the security headers, point mode works
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

test('a sound added to a photo keeps the conversation, after a reload too, and Back never shows a blank page', async ({
  page,
}) => {
  await analyseAndAsk(page);
  const firstUrl = page.url();
  expect(firstUrl).toMatch(/\/r\/[\w-]{22}$/);
  const messages = page.locator('[data-testid="chat-message"]');
  await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio', 'dog_bark.wav'));
  await expect(page.getByTestId('audio-description')).not.toBeEmpty();
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  await expect(page).not.toHaveURL(firstUrl);
  // The same conversation, said so, with its phrases still linked to the photo's masks.
  await expect(messages).toHaveCount(2);
  await expect(page.getByTestId('chat-continued')).toBeVisible();
  await expect(page.getByTestId('linked-phrase').first()).toBeVisible();
  // The server copied it to the new result: a reload shows it.
  await page.reload();
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  await expect(messages).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(firstUrl);
  await expect(page.getByTestId('stage')).toHaveAttribute('data-result-id', firstUrl.split('/').pop()!);
  await expect(page.locator('[data-testid="chat-message"]').first()).toBeVisible();
});

test('the console stays clean during an analysis, a chat, a sound added and a question about it', async ({ page }) => {
  const noise: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') noise.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => noise.push(`page error: ${error.message}`));
  await analyseAndAsk(page);
  await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio', 'dog_bark.wav'));
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  await page.getByTestId('chat-input').fill('What do you hear?');
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').last()).toHaveAttribute(
    'data-streaming',
    'false',
  );
  expect(noise).toEqual([]);
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
