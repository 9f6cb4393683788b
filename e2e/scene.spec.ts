import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const SAMPLE_IMAGES = path.resolve(process.cwd(), '../shared/samples/images');
const stage = (page: Page) => page.getByTestId('stage');
const stuffRows = (page: Page) => page.locator('[data-testid^="entity-"][data-kind="stuff"]');

test('stuff regions: listed apart with their model, hoverable on the canvas, hidden by their switch', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('image-input').setInputFiles(path.join(SAMPLE_IMAGES, '09_living_room.jpg'));
  await expect(stage(page)).toHaveAttribute('data-masks-ready', 'true');

  const wall = stuffRows(page).and(page.locator('[data-label="wall"]'));
  await expect(wall).toBeVisible();
  await expect(wall).toContainText('ade20k-deeplab');
  await expect(page.getByRole('region', { name: 'Stuff' })).toContainText('regions: ade20k-deeplab');
  await expect(page.locator('[data-testid^="tag-"]').filter({ hasText: 'bookcase' })).toBeVisible();

  // The wall's hover point lies on the wall's mask: pointing there highlights its row.
  const wallId = (await wall.getAttribute('data-testid'))!.replace(/^entity-/, '');
  const centers: Record<string, [number, number]> = JSON.parse(
    (await stage(page).getAttribute('data-entity-centers')) ?? '{}',
  );
  const box = (await stage(page).boundingBox())!;
  await page.mouse.move(box.x + centers[wallId][0], box.y + centers[wallId][1]);
  await expect(stage(page)).toHaveAttribute('data-hovered-entity', wallId);
  await expect(wall).toHaveAttribute('data-highlighted', 'true');

  const before = Number(await stage(page).getAttribute('data-entity-count'));
  const stuffCount = await stuffRows(page).count();
  await page.getByTestId('show-stuff').uncheck();
  await expect(stuffRows(page)).toHaveCount(0);
  await expect(stage(page)).toHaveAttribute('data-entity-count', String(before - stuffCount));
});
