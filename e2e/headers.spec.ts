import { expect, test } from '@playwright/test';
import path from 'node:path';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');

/**
 * The security headers are sent, and the page still works under its Content-Security-Policy: an image and a
 * sound analysed from blob: URLs, with no policy violation reported by the browser.
 */
test('security headers, and no CSP violation while analysing an image and a sound', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');

  await page.getByTestId('image-input').setInputFiles(path.join(SAMPLES, 'images', '04_horses.jpg'));
  await expect(page.getByTestId('stage')).toHaveAttribute('data-masks-ready', 'true');
  await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio', 'dog_bark.wav'));
  await expect(page.getByTestId('audio-description')).not.toBeEmpty();
  expect(violations).toEqual([]);
});
