/**
 * `Anonymiser`: every export of the DUI example, ticked, names people by their role. The bytes of
 * each file are searched for each original name (the PNG's and SVG's embedded session decoded,
 * the deck's XML unzipped): none is found, and the session an image carries is the anonymised one.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { EMBED_KEYWORD, readPngText, readSvgMetadata } from '../../src/domain/format/embed';
import { examplePath, importFile } from './helpers';

/** The names of people in the example: the trinôme's positions, the facilitator, person actors. */
const NAMES = [
  'Directrice adjointe', 'Élue CSE, éducatrice', 'Responsable SI du groupement', 'Chargée de mission Aract',
  "Directrice d'établissement", 'Coordinateurs et coordinatrices de services', 'DSI du groupement', 'Éditeur du logiciel',
];

const bytesOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray());

async function exportAnonymised(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: 'Exporter' }).click();
  const choice = page.getByRole('menuitemcheckbox', { name: 'Anonymiser' });
  if ((await choice.getAttribute('aria-checked')) !== 'true') await choice.click();
  await expect(choice).toHaveAttribute('aria-checked', 'true');
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return downloading;
}

const found = (text: string) => NAMES.filter((name) => text.includes(name));

test('with Anonymiser ticked, no export of the DUI example holds a name; the image carries the anonymised session', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('group', { name: /^Étape 11 : / })).toBeVisible();
  // The names are there to be found: the search would see them.
  await expect(page.getByRole('group', { name: /^Étape 1 : .*Directrice d'établissement/ })).toHaveCount(1);

  const json = (await bytesOf(await exportAnonymised(page, 'Fichier de session (JSON)'))).toString('utf8');
  expect(found(json)).toEqual([]);
  const session = JSON.parse(json).session;
  expect(session.title).toMatch(/\(anonymisé\)$/);
  expect(session.actors.map((a: { name: string }) => a.name)).toContain('Direction');
  expect(session.trinome.map((m: { position: string }) => m.position)).toEqual(['Direction', 'Représentant·e des salarié·es', 'DSI']);

  const svg = (await bytesOf(await exportAnonymised(page, 'Image SVG'))).toString('utf8');
  expect(found(svg)).toEqual([]);
  expect(found(readSvgMetadata(svg)!)).toEqual([]);

  const png = await bytesOf(await exportAnonymised(page, 'Image PNG'));
  const carried = readPngText(new Uint8Array(png), EMBED_KEYWORD)!;
  expect(JSON.parse(carried).session.title).toMatch(/\(anonymisé\)$/);
  expect(found(JSON.stringify(JSON.parse(carried)))).toEqual([]);

  const deck = await JSZip.loadAsync(await bytesOf(await exportAnonymised(page, 'Diaporama (PPTX)')));
  const xml = await Promise.all(Object.keys(deck.files).filter((f) => f.endsWith('.xml')).map((f) => deck.file(f)!.async('string')));
  expect(xml.length).toBeGreaterThan(3);
  expect(found(xml.join('\n'))).toEqual([]);

  // Unticked, the same menu exports the names again.
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Anonymiser' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Fichier de session (JSON)' }).click();
  expect(found((await bytesOf(await downloading)).toString('utf8'))).toContain('Directrice adjointe');
});
