import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { examplePath, importFile } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('axe finds no serious or critical violation on the home page, its dialog and a session', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await expect(page.getByRole('link', { name: /DUI du groupement/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Nouvel atelier' }).click();
  await expect(page.getByRole('dialog', { name: 'Nouvel atelier' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('tab', { name: 'Conduite de projet' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
