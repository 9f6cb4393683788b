import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

/** The samples live next to the checkout (shared/samples), not in the app. */
const SAMPLE_IMAGES = path.resolve(process.cwd(), '../shared/samples/images');
/** A street scene with several people, cars and a horse: enough entities for links in both directions. */
const STREET = path.join(SAMPLE_IMAGES, '08_street_horse_cart_cars.jpg');

const stage = (page: Page) => page.getByTestId('stage');
const entityRows = (page: Page) => page.locator('[data-testid^="entity-"]');
const assistantMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="assistant"]');

async function analyse(page: Page, image = STREET) {
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(image);
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');
  await expect(page.getByTestId('chat-input')).toBeEnabled();
}

test('a question asked while the analysis runs waits with the reason shown, then is answered', async ({ page }) => {
  // The analysis request is held until the question is in, so the question surely arrives while it runs: on a
  // fast machine the real analysis could otherwise finish between reading the stage and pressing Enter.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/analyze', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(STREET);
  const input = page.getByTestId('chat-input');
  await expect(input).toBeEnabled(); // open while the analysis runs
  await input.fill('How many people are there?');
  await input.press('Enter');
  await expect(page.getByTestId('chat-waiting')).toContainText('is answered as soon as the analysis is done');
  release();
  const answer = assistantMessages(page).first();
  await expect(answer).toHaveAttribute('data-streaming', 'false');
  await expect(answer.getByTestId('chat-error')).toHaveCount(0);
  await expect(page.getByTestId('chat-waiting')).toHaveCount(0);
});

/** Sends a question with Enter and waits for its answer to finish streaming; returns the answer's element. */
async function ask(page: Page, question: string): Promise<Locator> {
  const before = await assistantMessages(page).count();
  await page.getByTestId('chat-input').fill(question);
  await page.getByTestId('chat-input').press('Enter');
  const answer = assistantMessages(page).nth(before);
  await expect(answer).toHaveAttribute('data-streaming', 'false');
  await expect(answer.getByTestId('chat-error')).toHaveCount(0);
  return answer;
}

async function entityCenters(page: Page): Promise<Record<string, [number, number]>> {
  return JSON.parse((await stage(page).getAttribute('data-entity-centers')) ?? '{}');
}

const idsOf = async (phrase: Locator) =>
  ((await phrase.getAttribute('data-entity-ids')) ?? '').split(' ').filter(Boolean);

const NUMBER_WORDS: Record<string, number> = {
  no: 0,
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** The number of people an answer states ("three people", "12 people"); of a range ("one or two people") the
 * sure lower end, which is what the list shows. */
function statedPeopleCount(text: string): number | null {
  const match = /\b(\d+|[a-z]+)(?:\s+(?:or|to)\s+(?:\d+|[a-z]+))?\s+(?:people|persons?)\b/i.exec(text);
  if (!match) return /\bdon't see any people\b/i.test(text) ? 0 : null;
  const word = match[1].toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? null);
}

test.describe('chat', () => {
  test('streamed answer links phrases and masks both ways, and counts match the list', async ({ page }) => {
    await analyse(page);
    const answer = await ask(page, 'What is in this image?');
    await expect(answer.getByTestId('answer-source')).toContainText('Built-in grounded answerer');
    const phrases = answer.getByTestId('linked-phrase');
    await expect(phrases.first()).toBeVisible();

    // Phrase → mask: hovering a phrase hovers one of its entities on the stage.
    const firstPhrase = phrases.first();
    const firstIds = await idsOf(firstPhrase);
    expect(firstIds.length).toBeGreaterThan(0);
    await firstPhrase.hover();
    await expect
      .poll(async () => firstIds.includes((await stage(page).getAttribute('data-hovered-entity')) ?? ''))
      .toBe(true);
    await expect(firstPhrase).toHaveAttribute('data-highlighted', 'true');

    // Mask → phrase: hovering a linked entity's mask highlights a phrase that names it.
    const linkedIds = new Set<string>();
    for (const phrase of await phrases.all()) for (const id of await idsOf(phrase)) linkedIds.add(id);
    const centers = await entityCenters(page);
    const box = (await stage(page).boundingBox())!;
    // Leave the phrase first: the stage only reports a hover when the entity under the pointer changes.
    await page.mouse.move(5, 5);
    await expect(stage(page)).toHaveAttribute('data-hovered-entity', '');
    let checked = false;
    for (const id of linkedIds) {
      if (!centers[id]) continue;
      await page.mouse.move(box.x + centers[id][0], box.y + centers[id][1]);
      await expect(stage(page)).not.toHaveAttribute('data-hovered-entity', '');
      const hovered = (await stage(page).getAttribute('data-hovered-entity'))!;
      // Masks overlap: the pointer may land on another entity; only a linked one must light a phrase.
      if (!linkedIds.has(hovered)) continue;
      const lit = answer.locator('[data-testid="linked-phrase"][data-highlighted="true"]');
      await expect(lit.first()).toBeVisible();
      expect(await idsOf(lit.first())).toContain(hovered);
      checked = true;
      break;
    }
    expect(checked, 'no linked entity could be hovered on the stage').toBe(true);

    // Keyboard: focus a phrase and press Enter to select its entity; Enter again clears it.
    await page.mouse.move(box.x + box.width + 50, box.y - 20);
    await firstPhrase.focus();
    await page.keyboard.press('Enter');
    await expect(stage(page)).toHaveAttribute('data-selected-entity', firstIds[0]);
    await page.keyboard.press('Enter');
    await expect(stage(page)).toHaveAttribute('data-selected-entity', '');

    // A second turn: the count agrees with the visible person rows.
    const countAnswer = await ask(page, 'How many people are there?');
    await expect(page.locator('[data-testid="chat-message"]')).toHaveCount(4);
    const people = await entityRows(page).and(page.locator('[data-label="person"]')).count();
    // Calibrated scores leave fewer people above the default slider; the stated count must still match the list.
    expect(people).toBeGreaterThan(0);
    const text = await countAnswer.innerText();
    expect(statedPeopleCount(text), text).toBe(people);
  });

  test('composer keys, settings validation and persistence, fallback, new chat', async ({ page }) => {
    await analyse(page, path.join(SAMPLE_IMAGES, '01_truck.jpg'));
    const input = page.getByTestId('chat-input');

    // Shift+Enter adds a line and sends nothing.
    await input.fill('first line');
    await input.press('Shift+Enter');
    await input.pressSequentially('second line');
    await expect(input).toHaveValue('first line\nsecond line');
    await expect(page.getByTestId('chat-message')).toHaveCount(0);

    // An invalid endpoint blocks sending, with an inline error, and keeps the question.
    await page.getByTestId('source-settings').click();
    await page.getByTestId('source-kind-endpoint').check();
    await page.getByTestId('endpoint-base-url').fill('not a url');
    await page.getByTestId('endpoint-model').fill('test-model');
    await input.press('Enter');
    await expect(page.getByTestId('source-error').first()).toBeVisible();
    await expect(page.getByTestId('chat-message')).toHaveCount(0);
    await expect(input).toHaveValue('first line\nsecond line');

    // A closed port: the endpoint fails and the built-in answerer takes over, saying so.
    await page.getByTestId('endpoint-base-url').fill('http://127.0.0.1:9/v1');
    await expect(page.getByTestId('source-error')).toHaveCount(0);
    await input.fill('What is in this image?');
    await input.press('Enter');
    const answer = assistantMessages(page).first();
    await expect(answer).toHaveAttribute('data-streaming', 'false');
    await expect(answer.getByTestId('answer-fallback')).toBeVisible();
    await expect(answer.getByTestId('answer-source')).toContainText('Model endpoint: test-model');
    await expect(answer.getByTestId('answer-source')).toContainText('Built-in grounded answerer');

    // New chat clears the conversation but not the image's grounding.
    const entitiesBefore = await entityRows(page).count();
    await page.getByTestId('chat-new').click();
    await expect(page.getByTestId('chat-message')).toHaveCount(0);
    await expect(entityRows(page)).toHaveCount(entitiesBefore);

    // The settings survive a reload.
    await page.reload();
    await page.getByTestId('source-settings').click();
    await expect(page.getByTestId('source-kind-endpoint')).toBeChecked();
    await expect(page.getByTestId('endpoint-base-url')).toHaveValue('http://127.0.0.1:9/v1');
    await expect(page.getByTestId('endpoint-model')).toHaveValue('test-model');
  });

  test('Stop aborts a streaming answer and keeps what arrived', async ({ page }) => {
    await analyse(page);
    await page.getByTestId('chat-input').fill('Describe everything in this image in detail.');
    await page.getByTestId('chat-send').click();
    const answer = assistantMessages(page).first();
    const stop = page.getByTestId('chat-stop');
    // The built-in answerer paces its words; if it already finished, there is nothing to stop.
    // It may also finish between the check and the click: then the click has nothing to wait for.
    if (await stop.isVisible().catch(() => false)) {
      await stop.click({ timeout: 5_000 }).catch(() => undefined);
    }
    await expect(answer).toHaveAttribute('data-streaming', 'false');
    await expect(page.getByTestId('chat-send')).toBeVisible();
    await expect(page.getByTestId('chat-input')).toBeEnabled();
  });
});
