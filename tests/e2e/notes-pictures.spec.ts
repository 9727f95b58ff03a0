/**
 * The notes in the map images (`Notes sur l'image` chooses whose), the Synthèse and the
 * participation matrix as PNG pictures (html-to-image), and Inter shipped and precached.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { examplePath, importFile } from './helpers';

const bytesOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray());

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('group', { name: /^Étape 11 : / })).toBeVisible();
}

/** The SVG's drawing, without the session file it carries (which holds every note's text too). */
async function svgDrawing(download: Download): Promise<string> {
  return (await bytesOf(download)).toString('utf8').replace(/<metadata[\s\S]*<\/metadata>/, '');
}

async function exportSvg(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Image SVG' }).click();
  return svgDrawing(await downloading);
}

const RS_CONDUCT = 'La formation de d'; // note-01, Représentant·e des salarié·es, step 9
const DIRECTION = 'Prévoir un retour'; // note-03, Direction, step 10
const RS_ACTORS = 'Le CSE n'; // note-05, Représentant·e des salarié·es, on the CSE

test("Notes sur l'image: an unticked role's notes leave the map images, for every export of the session", async ({ page }) => {
  await openDui(page);
  const all = await exportSvg(page);
  expect(all).toContain(RS_CONDUCT);
  expect(all).toContain(DIRECTION);
  expect(all).toContain('Représentant·e des');

  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  const choice = page.getByRole('menu', { name: 'Exporter' }).getByRole('group', { name: "Notes sur l'image" });
  await expect(choice.getByRole('menuitemcheckbox')).toHaveText(['☑ Direction', '☑ Représentant·e des salarié·es', '☑ DSI', '☑ Animation']);
  const rs = choice.getByRole('menuitemcheckbox', { name: 'Représentant·e des salarié·es' });
  await rs.click();
  await expect(rs).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');

  const withoutRs = await exportSvg(page);
  expect(withoutRs).not.toContain(RS_CONDUCT);
  expect(withoutRs).not.toContain('data-role="representant-salaries"');
  expect(withoutRs).toContain(DIRECTION);

  // The actor map's export keeps the choice.
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.getByRole('group', { name: /^Acteur : CSE/ })).toBeVisible();
  const actors = await exportSvg(page);
  expect(actors).toContain('Cartographie des acteurs');
  expect(actors).not.toContain(RS_ACTORS);

  // So does the home page's export dialog of the same session; ticking it back brings the note back.
  await page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await page.getByRole('button', { name: /^Actions pour DUI du groupement/ }).click();
  await page.getByRole('menuitem', { name: 'Exporter' }).click();
  const dialog = page.getByRole('dialog', { name: /^Exporter/ });
  const rsBox = dialog.getByRole('group', { name: "Notes sur l'image" }).getByRole('checkbox', { name: 'Représentant·e des salarié·es' });
  await expect(rsBox).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Direction' })).toBeChecked();
  let downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Image SVG — acteurs' }).click();
  expect(await svgDrawing(await downloading)).not.toContain(RS_ACTORS);

  await page.getByRole('button', { name: /^Actions pour DUI du groupement/ }).click();
  await page.getByRole('menuitem', { name: 'Exporter' }).click();
  await rsBox.check();
  downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Image SVG — acteurs' }).click();
  expect(await svgDrawing(await downloading)).toContain(RS_ACTORS);
});

/** The RGB of a pixel of the picture. */
const rgb = (png: PNG, x: number, y: number) => {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
};
const near = (a: readonly number[], hex: string, tolerance = 40) =>
  [0, 1, 2].every((k) => Math.abs(a[k]! - parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16)) <= tolerance);
const isWhite = (a: readonly number[]) => a.every((c) => c >= 250);

/** Where `inner` is, in the picture of `outer` (pixel ratio 2). */
async function boxIn(outer: Locator, inner: Locator) {
  const o = (await outer.boundingBox())!;
  const i = (await inner.boundingBox())!;
  return { x: (i.x - o.x) * 2, y: (i.y - o.y) * 2, width: i.width * 2, height: i.height * 2 };
}

async function downloadPng(page: Page, button: Locator, suffix: RegExp): Promise<PNG> {
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(suffix);
  const buffer = await bytesOf(download);
  writeFileSync(test.info().outputPath(download.suggestedFilename()), buffer);
  await test.info().attach(download.suggestedFilename(), { body: buffer, contentType: 'image/png' });
  return PNG.sync.read(buffer);
}

test('the Synthèse as a PNG: at twice its size, its panels framed and the viewpoint columns in their colours', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openDui(page);
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const synthesis = page.locator('.synthesis');
  await expect(synthesis.getByRole('heading', { name: 'Ce que montre la cartographie' })).toBeVisible();
  // All of it, beyond what the tab shows (it scrolls).
  const size = await synthesis.evaluate((e) => ({ width: e.scrollWidth, height: e.scrollHeight, shown: e.clientHeight }));
  expect(size.height).toBeGreaterThan(size.shown);
  const firstPanel = synthesis.locator('section.panel').first();
  const button = page.getByRole('button', { name: 'Enregistrer la synthèse en PNG' });
  const png = await downloadPng(page, button, / - synthèse\.png$/);
  expect(Math.abs(png.width - (size.width + 2) * 2)).toBeLessThanOrEqual(4);
  expect(Math.abs(png.height - (size.height + 2) * 2)).toBeLessThanOrEqual(4);
  const inPicture = (inner: Locator) => boxIn(synthesis, inner);
  // The button is not in the picture: where it stands, white.
  const place = await inPicture(button);
  for (let x = place.x; x < place.x + place.width; x += 4) expect(isWhite(rgb(png, x, place.y + place.height / 2))).toBe(true);

  // The first panel's left border (#c9d1dc) runs down its side; just inside it, white.
  const panel = await inPicture(firstPanel);
  let border = 0;
  for (let y = panel.y + 20; y < panel.y + panel.height - 20; y += 10) {
    if ([0, 1, 2].some((d) => !isWhite(rgb(png, panel.x + d, y)) && near(rgb(png, panel.x + d, y), '#c9d1dc', 24))) border++;
  }
  expect(border).toBeGreaterThan((panel.height - 40) / 10 - 2);
  expect(isWhite(rgb(png, panel.x + 8, panel.y + 8))).toBe(true);
  // Its top border, above its heading: not the background.
  expect(near(rgb(png, panel.x + panel.width / 2, panel.y + 1), '#c9d1dc', 24)).toBe(true);
  // The Direction column's top rule, 6 px of its colour (#b45309).
  const column = await inPicture(synthesis.locator('.note-column').first());
  expect(near(rgb(png, column.x + column.width / 2, column.y + 6), '#b45309')).toBe(true);
});

test('the participation matrix as a PNG: every cell framed, its colours kept', async ({ page }) => {
  await openDui(page);
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.getByRole('group', { name: /^Acteur : ARS/ })).toBeVisible();
  // Under the map, open for a map this small.
  const table = page.getByRole('table', { name: 'Participation des acteurs aux étapes' });
  await table.scrollIntoViewIfNeeded();
  await expect(table).toBeVisible();
  const size = (await table.boundingBox())!;
  const png = await downloadPng(page, page.getByRole('button', { name: 'Enregistrer la matrice en PNG' }), / - matrice de participation\.png$/);
  expect(Math.abs(png.width - size.width * 2)).toBeLessThanOrEqual(4);
  expect(Math.abs(png.height - size.height * 2)).toBeLessThanOrEqual(4);

  // The borders between cells (#c9d1dc) are drawn: along the row of ARS, at each cell's left edge.
  const row = table.getByRole('row', { name: /^ARS/ });
  const cells = row.getByRole('cell');
  const count = await cells.count();
  expect(count).toBe(12);
  for (let i = 0; i < count; i++) {
    const cell = await boxIn(table, cells.nth(i));
    const y = cell.y + cell.height / 2;
    const edge = [-2, -1, 0, 1, 2].map((d) => rgb(png, cell.x + d, y));
    expect(edge.some((p) => near(p, '#c9d1dc', 24)), `cell ${i + 1}'s left border`).toBe(true);
  }
  // A pilot's cell keeps its blue (#dbeafe).
  const pilot = await boxIn(table, table.locator('td.cell-pilote').first());
  expect(near(rgb(png, pilot.x + 4, pilot.y + 4), '#dbeafe', 12)).toBe(true);
});

test('Inter is shipped with the app, precached by the service worker, and used by the page', async ({ page }) => {
  await page.goto('./');
  const sw = await (await page.request.get('sw.js')).text();
  for (const file of ['inter-latin-400-normal', 'inter-latin-700-normal', 'inter-latin-ext-400-normal']) {
    expect(sw).toMatch(new RegExp(`assets/${file}-[\\w-]+\\.woff2`));
  }
  await expect(page.getByRole('heading', { level: 1, name: /Cartographies ACIA/ })).toBeVisible();
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter' && f.status === 'loaded').map((f) => f.weight);
  });
  expect(loaded).toContain('400');
  expect(getComputedStyleFont(await page.locator('body').evaluate((b) => getComputedStyle(b).fontFamily))).toBe('Inter');
});

const getComputedStyleFont = (family: string) => family.split(',')[0]!.trim().replace(/"/g, '');

test("a PNG map carries Inter's files (read from the app's origin) without breaking the page's CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const fonts: number[] = [];
  page.on('response', (r) => {
    if (/inter-latin-\d+-normal-[\w-]+\.woff2$/.test(r.url())) fonts.push(r.status());
  });
  await openDui(page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /font-src 'self'/);
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.blockedURI}`)));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Image PNG' }).click();
  const png = PNG.sync.read(await bytesOf(await downloading));
  expect(png.width).toBeGreaterThanOrEqual(1920);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((status) => status === 200)).toBe(true);
  expect(violations).toEqual([]);
});

test("Imprimer / PDF prints the map in Inter, with the notes chosen in 'Notes sur l'image'", async ({ page }) => {
  await openDui(page);
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'DSI' }).click();
  await page.getByRole('menuitem', { name: 'Imprimer / PDF' }).click();
  // The printed sheet's image is a blob the page's CSP lets no one fetch: its text is kept as made.
  await page.evaluate(() => {
    window.print = () => undefined;
    const w = window as unknown as { svgs: Promise<string>[] };
    w.svgs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob && b.type.startsWith('image/svg')) w.svgs.push(b.text());
      return create(b);
    };
  });
  await page.getByRole('dialog', { name: 'Imprimer / PDF' }).getByRole('button', { name: 'Imprimer' }).click();
  const sheet = page.locator('.print-sheet img');
  await expect(sheet).toHaveCount(1);
  const svg = await page.evaluate(() => (window as unknown as { svgs: Promise<string>[] }).svgs.at(-1)!);
  expect(svg).toMatch(/@font-face\{font-family:Inter;[^}]*src:url\(data:font\/woff2;base64,/);
  const drawing = svg.replace(/<metadata[\s\S]*<\/metadata>/, '');
  expect(drawing).toContain(DIRECTION);
  expect(drawing).not.toContain('Les ajustements arrivent'); // note-02, DSI
});
