/** `Capture de la vue`: the map as it is on screen, and the Synthèse, as PNG images (html-to-image). */
import { expect, test, type Download } from '@playwright/test';
import { PNG } from 'pngjs';
import { examplePath, importFile } from './helpers';

const bytesOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray());

/** Colours used by more than 0.2 % of the pixels (a blank or broken capture has one or two). */
function colours(png: PNG): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i]! >> 4) * 256 + (png.data[i + 1]! >> 4) * 16 + (png.data[i + 2]! >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const min = (png.width * png.height) / 500;
  return [...counts.values()].filter((n) => n > min).length;
}

test('Capture de la vue saves the map as shown, at twice its size, and the Synthèse; not while Anonymiser is ticked', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('group', { name: /^Étape 11 : / })).toBeVisible();
  const canvas = (await page.getByRole('region', { name: 'Cartographie de la conduite de projet' }).boundingBox())!;

  const capture = async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter' }).click();
    await page.getByRole('menuitem', { name: 'Capture de la vue' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/ - vue\.png$/);
    return PNG.sync.read(await bytesOf(download));
  };
  const map = await capture();
  expect(Math.abs(map.width - canvas.width * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(map.height - canvas.height * 2)).toBeLessThanOrEqual(2);
  // The steps' kind colours, the lanes, the text: many colours, not a blank page.
  expect(colours(map)).toBeGreaterThan(8);

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const synthesis = await capture();
  expect(synthesis.height).toBeGreaterThan(400);
  expect(colours(synthesis)).toBeGreaterThan(3);

  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Anonymiser' }).click();
  await expect(page.getByRole('menuitem', { name: 'Capture de la vue' })).toHaveAttribute('aria-disabled', 'true');
});
