import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { parseSessionFile } from '../../src/domain/format/file';
import { layoutConductMap } from '../../src/domain/layout/conduct';
import { renderConductSvg } from '../../src/render/conductSvg';
import { createRequire } from 'node:module';
import { AvoidLib } from 'libavoid-js';
import { placeGhosts } from '../../src/domain/layout/ghosts';
import { openGaps } from '../../src/domain/gaps';
import { pointAlong, rectsOverlap } from '../../src/domain/layout/geometry';
import { routeMap, type AvoidApi } from '../../src/domain/layout/routing';
import { conductRouteInput } from '../../src/domain/layout/routeInputs';
import { exampleText, examplePath, importFile, sessionLinks } from './helpers';

const original = (() => {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
})();

async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('group', { name: /^Étape 11 : / })).toBeVisible();
}

async function exportAs(page: Page, item: string): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  return downloading;
}

/** A session image dropped back into the app reopens as the same session. */
async function reimportEqualsOriginal(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('./');
  await page.evaluate(() => indexedDB.deleteDatabase('cartographies-acia'));
  await page.reload();
  await expect(sessionLinks(page)).toHaveCount(0);
  await importFile(page, file);
  await expect(sessionLinks(page)).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Actions pour DUI du groupement/ }).click();
  await page.getByRole('menuitem', { name: 'Exporter' }).click();
  await page.getByRole('dialog', { name: /^Exporter/ }).getByRole('button', { name: 'Fichier de session (JSON)' }).click();
  const json = JSON.parse((await bytesOf(await downloading)).toString('utf8'));
  expect(json.session).toEqual(original);
}

test('PNG: slide-ready, with the link drawn, and it reopens as the session', async ({ page }) => {
  await openDui(page);
  const download = await exportAs(page, 'Image PNG');
  expect(download.suggestedFilename()).toMatch(/conduite de projet\.png$/);
  const buffer = await bytesOf(download);
  writeFileSync(test.info().outputPath('dui-conduct-map.png'), buffer);
  const png = PNG.sync.read(buffer);
  expect(png.width).toBeGreaterThanOrEqual(1920);
  expect(png.width / png.height).toBeCloseTo(16 / 9, 2);

  // Where the arrow from step 9 to step 10 runs (routed around the boxes, as the app routes it,
  // the missing steps shown), the pixels are dark; in an empty lane, white.
  const layout = layoutConductMap(original, { today: new Date().toISOString().slice(0, 10) });
  await AvoidLib.load(createRequire(import.meta.url).resolve('libavoid-js').replace(/[^/\\]+$/, 'libavoid.wasm'));
  const routes = routeMap(AvoidLib.getInstance() as unknown as AvoidApi, conductRouteInput(layout, original.links, placeGhosts(layout, openGaps(original))));
  const rendered = renderConductSvg(original, { today: new Date().toISOString().slice(0, 10), ghosts: true, routes });
  const scale = Math.min(1920 / rendered.width, 1080 / rendered.height) * (png.width / 1920);
  const ox = (png.width - rendered.width * scale) / 2;
  const oy = (png.height - rendered.height * scale) / 2;
  const at = (x: number, y: number) => [ox + (32 + x) * scale, oy + (96 + y) * scale] as const;
  const link = original.links.find((l) => l.from === 'step-09' && l.to === 'step-10')!;
  const route = routes.edges[link.id]!;
  // A point of the route away from its label (the label's white plate covers the line).
  const onLine = [0.2, 0.3, 0.7, 0.8].map((f) => pointAlong(route.points, f)).find((p) => !route.label || !rectsOverlap({ ...p, width: 0, height: 0 }, route.label, 8))!;
  const mid = [onLine.x, onLine.y];
  const dark = (cx: number, cy: number, r: number) => {
    let n = 0;
    for (let y = Math.round(cy - r); y <= cy + r; y++) {
      for (let x = Math.round(cx - r); x <= cx + r; x++) {
        const i = (png.width * y + x) * 4;
        if (png.data[i]! < 110 && png.data[i + 1]! < 110 && png.data[i + 2]! < 130) n++;
      }
    }
    return n;
  };
  const [mx, my] = at(mid[0]!, mid[1]!);
  expect(dark(mx, my, 6)).toBeGreaterThan(3);
  const dsi = layout.lanes.find((l) => l.id === 'lane-dsi')!;
  const [ex, ey] = at(layout.width - 120, dsi.y + dsi.height / 2);
  expect(dark(ex, ey, 6)).toBe(0);

  await reimportEqualsOriginal(page, { name: download.suggestedFilename(), mimeType: 'image/png', buffer });
});

test('SVG: renders non-blank with rsvg-convert, with its text, and it reopens as the session', async ({ page }) => {
  await openDui(page);
  const download = await exportAs(page, 'Image SVG');
  const buffer = await bytesOf(download);
  const svg = buffer.toString('utf8');
  expect(svg).not.toContain('foreignObject');
  expect(svg).toContain('Constitution d&apos;un groupe');
  const dir = mkdtempSync(join(tmpdir(), 'acia-svg-'));
  writeFileSync(join(dir, 'map.svg'), buffer);
  execFileSync('rsvg-convert', ['-o', join(dir, 'map.png'), join(dir, 'map.svg')]);
  const png = PNG.sync.read(readFileSync(join(dir, 'map.png')));
  const { width, height } = renderConductSvg(original);
  expect(png.width).toBe(width);
  expect(png.height).toBe(height);
  let nonWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 240 || png.data[i + 1]! < 240 || png.data[i + 2]! < 240) nonWhite++;
  expect(nonWhite / (png.width * png.height)).toBeGreaterThan(0.05);

  await reimportEqualsOriginal(page, { name: download.suggestedFilename(), mimeType: 'image/svg+xml', buffer });
});

test('PPTX: one deck with the title, both maps drawn as shapes, the chronology and matrix as tables, the Synthèse, the lived section, the action plan, and the notes by role', async ({ page }) => {
  await openDui(page);
  const download = await exportAs(page, 'Diaporama (PPTX)');
  expect(download.suggestedFilename()).toMatch(/\.pptx$/);
  const zip = await JSZip.loadAsync(await bytesOf(download));
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  // title, conduct map, chronology, actor map, matrix, Synthèse, lived, action plan, notes of 4 roles, objectives, maturity radar
  expect(slides).toHaveLength(14);
  const slide = async (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
  expect(await slide(1)).toContain('DUI du groupement');
  // The maps are shapes (steps, lanes, actors by name), not pictures.
  expect(await slide(2)).toContain('name="Étape 5 : Choix du logiciel"');
  expect(await slide(2)).toContain('name="Couloir : Groupe de travail DUI"');
  expect(await slide(3)).toContain('<a:tbl>');
  expect(await slide(3)).toContain('Choix du logiciel');
  expect(await slide(4)).toContain('name="Acteur : Éditeur du logiciel"');
  expect(await slide(5)).toContain('Participation des acteurs aux étapes');
  expect(await slide(6)).toContain('Synthèse : ce que montre la cartographie');
  expect(await slide(7)).toContain('Le projet tel qu&apos;il a été vécu');
  expect(await slide(8)).toContain('Plan d&apos;action');
  expect(await slide(8)).toContain('Étape manquante');
  expect(await slide(13)).toContain('Objectifs du projet, regard par regard');
  expect(await slide(13)).toContain('Un seul logiciel pour tout le groupement (partagé)');
  expect(await slide(14)).toContain('Maturité numérique par domaine');
  expect(await slide(14)).toContain('Relation entre professionnel·les et usager·es');
  expect(Object.keys(zip.files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(0);
});

test('JSON from the session page and an image without a session refused', async ({ page }) => {
  await openDui(page);
  const download = await exportAs(page, 'Fichier de session (JSON)');
  expect(download.suggestedFilename()).toBe("DUI du groupement — retour d'expérience.acia.json");
  expect(JSON.parse((await bytesOf(download)).toString('utf8')).session).toEqual(original);

  await page.goto('./');
  const blank = new PNG({ width: 4, height: 4 });
  await importFile(page, { name: 'photo.png', mimeType: 'image/png', buffer: PNG.sync.write(blank) });
  await expect(page.getByRole('alert')).toContainText('ne contient pas de session');
  await expect(sessionLinks(page)).toHaveCount(1);
});

/**
 * Records the app's calls to `window.print` instead of opening the browser's print preview: a
 * headless Chromium (156.0.8078.108 and later) keeps the page "being printed" after a real call,
 * and then refuses `page.pdf`. The PDF below is what the print preview would show.
 */
async function recordPrint(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void w.printed++;
  });
}
const printCalls = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

/** After the print preview closes (`afterprint`), the page is as before: no sheet, no page rule. */
async function expectCleanedAfterPrint(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.print-sheet')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.classList.contains('is-printing'))).toBe(false);
  expect(await page.evaluate(() => [...document.querySelectorAll('style')].some((st) => st.textContent?.includes('@page')))).toBe(false);
}

test('Imprimer / PDF lays the map out on A4 landscape, with its legend and chronology', async ({ page }) => {
  await openDui(page);
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitem', { name: 'Imprimer / PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imprimer / PDF' });
  await dialog.getByRole('combobox', { name: 'Format du papier (paysage)' }).selectOption('A4');
  await recordPrint(page);
  await dialog.getByRole('button', { name: 'Imprimer' }).click();
  const sheet = page.locator('.print-sheet img');
  await expect(sheet).toHaveCount(1);
  await expect.poll(() => printCalls(page)).toBe(1);
  await expect(dialog).toBeHidden();
  expect(await sheet.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(1000);
  const pageRules = await page.evaluate(() => [...document.querySelectorAll('style')].map((st) => st.textContent ?? '').filter((t) => t.includes('@page')));
  expect(pageRules.at(-1)).toContain('A4 landscape');
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.getByRole('tablist')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  await page.emulateMedia({ media: 'screen' });
  await expectCleanedAfterPrint(page);
  await expect(page.getByRole('tablist')).toBeVisible();
});

test('from the home page, without opening the session: Imprimer / PDF of the actor map', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('button', { name: /^Actions pour DUI du groupement/ }).click();
  await page.getByRole('menuitem', { name: 'Exporter' }).click();
  await page.getByRole('dialog', { name: /^Exporter/ }).getByRole('button', { name: 'Imprimer / PDF — acteurs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imprimer / PDF' });
  await dialog.getByRole('combobox', { name: 'Format du papier (paysage)' }).selectOption('A4');
  await recordPrint(page);
  await dialog.getByRole('button', { name: 'Imprimer' }).click();
  const sheet = page.locator('.print-sheet img');
  await expect(sheet).toHaveAttribute('alt', /cartographie des acteurs$/);
  await expect.poll(() => printCalls(page)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expectCleanedAfterPrint(page);
});
