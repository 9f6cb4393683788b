/**
 * A video with sound, end to end in the browser: the MP4 is picked like a photo, its keyframes fill the
 * filmstrip, the timeline shows the sound bands and a bar per tracked object, pointing at a track lights its
 * keyframes, clicking a keyframe draws it, a "when" question gets an answer linked to the track, and the
 * result reopens at /r/<id>. v01 (a dog walks in near the end; test-only, see the samples README).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const CLIP = path.resolve(process.cwd(), '../shared/samples/video/v01_dog_barking_door.mp4');
const stage = (page: Page) => page.getByTestId('stage');

test('video: keyframes, tracks, sound bands, a grounded "when" answer, reopened from its link', async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(CLIP);
  await expect(page.getByTestId('keyframe').first()).toBeVisible({ timeout: 120_000 });
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true', { timeout: 300_000 });
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{22}$/);

  const keyframes = page.getByTestId('keyframe');
  const count = await keyframes.count();
  expect(count).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('video-sound-band').first()).toBeVisible();
  const dogBar = page.locator('[data-testid="track-bar"][data-label="dog"]');
  await expect(dogBar).toBeVisible();
  await expect(page.locator('[data-testid="track-bar"][data-label="person"]').first()).toBeVisible();
  // The filmstrip and the timeline are buttons with names, in a page that stays axe-clean.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Pointing at the dog's track lights it, and the keyframes it was seen in.
  await dogBar.hover();
  await expect(dogBar).toHaveAttribute('data-lit', 'true');
  await expect(page.locator('[data-testid="keyframe"][data-lit="true"]').first()).toBeVisible();
  await page.mouse.move(0, 0);

  // A keyframe click draws that frame with its own entities.
  await keyframes.first().click();
  await expect(keyframes.first()).toHaveAttribute('aria-pressed', 'true');
  expect(Number(await stage(page).getAttribute('data-entity-count'))).toBeGreaterThan(0);

  await page.getByTestId('chat-input').fill('When does the dog appear?');
  await page.getByTestId('chat-input').press('Enter');
  const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-streaming', 'false');
  await expect(answer).toContainText(/dog is first seen at \d+\.\d s/);
  // The phrase links to the dog in its keyframe: pointing at it brings that keyframe up with the dog hovered.
  const phrase = answer.getByTestId('linked-phrase').first();
  await phrase.hover();
  await expect(stage(page)).toHaveAttribute('data-hovered-entity', /^k\d+-e\d+$/);
  await expect(keyframes.first()).toHaveAttribute('aria-pressed', 'false');
  await page.mouse.move(0, 0);
  // Pointing at the dog's track lights the answer's phrase too.
  await dogBar.hover();
  await expect(phrase).toHaveAttribute('data-highlighted', 'true');

  await page.reload();
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
  await expect(page.getByTestId('keyframe')).toHaveCount(count);
  await expect(dogBar).toBeVisible();
});
