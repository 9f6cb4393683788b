import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

/** The samples live next to the checkout (shared/samples), not in the app. */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples');

const stage = (page: Page) => page.getByTestId('stage');

test.describe('sound', () => {
  test('image + speech: waveform with speech shaded, description, persons marked, answer mentions speech', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('image-input').setInputFiles(path.join(SAMPLES, 'images/08_street_horse_cart_cars.jpg'));
    await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');

    // Adding a sound analyses it together with the image.
    await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio/speech_jfk.wav'));
    await expect(page.getByTestId('audio-description')).toContainText(/speech/i);
    await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
    await expect(page.getByTestId('waveform')).toBeVisible();
    expect(Number(await page.getByTestId('waveform').getAttribute('data-speech-regions'))).toBeGreaterThan(0);
    await expect(page.getByTestId('speech-region').first()).toBeVisible();

    // Speech → the persons in view are the sound source, and the phrase links to them both ways.
    const phrase = page.getByTestId('sound-source-phrase');
    await expect(phrase).toBeVisible();
    const sourceIds = ((await phrase.getAttribute('data-entity-ids')) ?? '').split(' ');
    const personIds = await page.locator('[data-testid^="entity-"][data-label="person"]').evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-testid')!.replace(/^entity-/, '')),
    );
    expect(sourceIds.length).toBeGreaterThan(0);
    for (const id of sourceIds) expect(personIds).toContain(id);
    await phrase.hover();
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', sourceIds[0]);
    await page.getByTestId(`entity-${sourceIds[0]}`).hover();
    await expect(phrase).toHaveAttribute('data-highlighted', 'true');

    await page.getByTestId('chat-input').fill('What do you hear?');
    await page.getByTestId('chat-input').press('Enter');
    const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute('data-streaming', 'false');
    await expect(answer).toContainText(/speech|speak|talk/i);
  });

  test('recording from the microphone: level meter, stop, then the clip is analysed', async ({ page, context }) => {
    await context.grantPermissions(['microphone']);
    await page.goto('/');
    await page.getByTestId('record-button').click();
    await expect(page.getByTestId('stop-button')).toBeVisible();
    await page.waitForTimeout(1500);
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('waveform')).toBeVisible();
    await expect(page.getByTestId('audio-description')).not.toBeEmpty();
  });

  test('a sound alone is analysed without an image', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('audio-input').setInputFiles(path.join(SAMPLES, 'audio/trumpet_solo.ogg'));
    await expect(page.getByTestId('audio-description')).toContainText(/tonal|Hz/i);
  });
});
