import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { createSession, examplePath, exampleText } from './helpers';

const grid = (page: Page) => page.getByRole('table', { name: 'Maturité numérique par domaine' });
const group = (page: Page, domain: RegExp, role: string) => grid(page).getByRole('radiogroup', { name: new RegExp(`^${domain.source}.* — ${role}$`) });
/** A rating: a click, then the radio is checked once the change is saved (the page redraws after the disk). */
const rate = async (page: Page, domain: RegExp, role: string, rating: string) => {
  const radio = group(page, domain, role).getByRole('radio', { name: rating });
  await radio.click();
  await expect(radio).toBeChecked();
};

test('the three roles rate the maturity grid in turn, unseen, then the reveal shows the radar and the divergences', async ({ page }) => {
  await page.goto('./');
  await createSession(page, 'Regards croisés');
  await page.getByRole('tab', { name: 'Regards' }).click();
  const panel = page.getByRole('tabpanel');

  // Direction rates first: 3 on connected objects, 2 on information sharing.
  await panel.getByRole('combobox', { name: 'Au tour de' }).selectOption({ label: 'Direction' });
  await rate(page, /Objets connectés/, 'Direction', '3 Développé');
  await rate(page, /Partage d'informations/, 'Direction', '2 En cours');
  await expect(group(page, /Objets connectés/, 'DSI')).toHaveCount(0);
  // Within a row's radio group, the arrows move the rating.
  await rate(page, /Pilotage/, 'Direction', '1 Envisagé');
  await page.keyboard.press('ArrowRight');
  await expect(group(page, /Pilotage/, 'Direction').getByRole('radio', { name: '2 En cours' })).toBeChecked();
  await expect(group(page, /Pilotage/, 'Direction').getByRole('radio', { name: '2 En cours' })).toBeFocused();

  // The staff representative's turn: Direction's ratings are not on the page.
  await panel.getByRole('combobox', { name: 'Au tour de' }).selectOption({ label: 'Représentant·e des salarié·es' });
  await expect(group(page, /Objets connectés/, 'Direction')).toHaveCount(0);
  await expect(grid(page).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(grid(page)).not.toContainText('Développé');
  await expect(grid(page)).toContainText('Noté (masqué)');
  await rate(page, /Objets connectés/, 'Représentant·e des salarié·es', '0 Absent');
  await rate(page, /Partage d'informations/, 'Représentant·e des salarié·es', 'Ne sait pas');

  // The DSI's turn: neither of the others' ratings is on the page.
  await panel.getByRole('combobox', { name: 'Au tour de' }).selectOption({ label: 'DSI' });
  await expect(grid(page).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(grid(page)).not.toContainText('Absent');
  await rate(page, /Objets connectés/, 'DSI', '1 Envisagé');

  // Nothing revealed yet: no radar.
  await expect(page.getByRole('img', { name: /^Radar/ })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Révéler' }).click();

  await expect(group(page, /Objets connectés/, 'Direction').getByRole('radio', { name: '3 Développé' })).toBeChecked();
  await expect(group(page, /Objets connectés/, 'Représentant·e des salarié·es').getByRole('radio', { name: '0 Absent' })).toBeChecked();
  await expect(page.getByRole('img', { name: /^Radar/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Radar/ }).locator('polygon[stroke-width="2.5"]')).toHaveCount(3);
  const divergences = panel.getByRole('region', { name: /Divergences/ });
  await expect(divergences.getByRole('listitem')).toHaveCount(1);
  await expect(divergences).toContainText('Objets connectés (écart de 3)');
  await expect(divergences).toContainText('Direction 3 Développé · Représentant·e des salarié·es 0 Absent · DSI 1 Envisagé');
  await page.getByRole('img', { name: /^Radar/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/regards-revealed.png' });
  await panel.locator('.maturity-result').first().screenshot({ path: '/tmp/regards-radar.png' });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // One undo step hides them again.
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('img', { name: /^Radar/ })).toHaveCount(0);
});

test('objectives are written side by side, linked, and the Synthèse says which are shared and which are one viewpoint only', async ({ page }) => {
  await page.goto('./');
  await createSession(page, 'Objectifs croisés');
  await page.getByRole('tab', { name: 'Regards' }).click();
  const panel = page.getByRole('tabpanel');
  const add = async (role: string, text: string) => {
    await panel.getByRole('textbox', { name: `Nouvel objectif (${role})` }).fill(text);
    await panel.getByRole('button', { name: `Ajouter un objectif (${role})` }).click();
  };
  await add('Direction', 'Se conformer à la loi');
  await add('Direction', 'Harmoniser les pratiques');
  await add('Représentant·e des salarié·es', 'Réduire les ressaisies');
  await add('DSI', 'Des pratiques communes');
  await expect(panel.getByRole('list', { name: 'Objectifs : Direction' }).getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('list', { name: 'Objectifs : DSI' })).toContainText('Des pratiques communes');

  // Edited in place by keyboard: Entrée saves, Échap leaves the text as it was, Annuler undoes.
  await panel.getByRole('button', { name: "Modifier l'objectif « Se conformer à la loi »" }).focus();
  await page.keyboard.press('Enter');
  const field = panel.getByRole('textbox', { name: "Texte de l'objectif" });
  await expect(field).toBeFocused();
  await field.fill('Se conformer au virage numérique');
  await page.keyboard.press('Enter');
  const direction = panel.getByRole('list', { name: 'Objectifs : Direction' });
  await expect(direction).toContainText('Se conformer au virage numérique');
  await expect(panel.getByRole('button', { name: "Modifier l'objectif « Se conformer au virage numérique »" })).toBeFocused();
  await page.keyboard.press('Enter');
  await field.fill('Autre chose');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(direction).toContainText('Se conformer au virage numérique');
  await expect(direction).not.toContainText('Autre chose');
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(direction).toContainText('Se conformer à la loi');
  await expect(direction).not.toContainText('virage');
  // Deleted, then brought back by one undo.
  await panel.getByRole('button', { name: "Supprimer l'objectif « Réduire les ressaisies »" }).click();
  await expect(panel.getByRole('list', { name: 'Objectifs : Représentant·e des salarié·es' })).not.toContainText('Réduire les ressaisies');
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Objectifs : Représentant·e des salarié·es' })).toContainText('Réduire les ressaisies');

  await panel.getByRole('combobox', { name: 'Relier « Harmoniser les pratiques » à' }).selectOption({ label: 'Des pratiques communes' });
  await expect(panel.getByRole('list', { name: 'Objectifs : DSI' })).toContainText('= « Harmoniser les pratiques » (Direction)');

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const shared = page.getByRole('tabpanel').getByRole('region', { name: 'Regards croisés' });
  await expect(shared.getByRole('heading', { name: 'Objectifs partagés' })).toBeVisible();
  await expect(shared).toContainText('« Harmoniser les pratiques » = « Des pratiques communes » (Direction, DSI)');
  await expect(shared.getByRole('heading', { name: "Objectifs d'un seul regard" })).toBeVisible();
  await expect(shared).toContainText('« Se conformer à la loi » (Direction)');
  await expect(shared).toContainText('« Réduire les ressaisies » (Représentant·e des salarié·es)');
});

test('the DUI example opens on its Regards revealed: radar, divergences, shared objectives', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Fichier à importer').setInputFiles(examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await page.getByRole('tab', { name: 'Regards' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('list', { name: 'Objectifs : Direction' }).getByRole('listitem').filter({ hasText: 'Seul regard' })).toHaveCount(2);
  await expect(panel.getByRole('combobox', { name: 'Acteur visé par « Obtenir le financement régional »' })).toHaveValue('act-ars');
  const radar = page.getByRole('img', { name: /^Radar/ });
  await expect(radar).toBeVisible();
  await expect(radar.locator('polygon[stroke-width="2.5"]')).toHaveCount(3);
  const divergences = panel.getByRole('region', { name: /Divergences/ });
  await expect(divergences.getByRole('listitem')).toHaveCount(2);
  await expect(divergences).toContainText('Relation entre professionnel·les et usager·es (écart de 3)');
  await page.screenshot({ path: '/tmp/regards-dui-objectives.png' });
  await radar.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/regards-dui-radar.png' });
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await page.getByRole('region', { name: 'Regards croisés' }).screenshot({ path: '/tmp/regards-synthese.png' });
  await expect(page.getByRole('region', { name: 'Regards croisés' })).toContainText('« Harmoniser les pratiques entre les établissements du groupement » = « Un seul logiciel pour tout le groupement » (Direction, DSI)');
});

/** The DUI example as another establishment: its own id, title and maturity grid (every domain rated `level` by the three roles). */
function otherEstablishment(id: string, title: string, level: 0 | 1 | 2 | 3): { name: string; mimeType: string; buffer: Buffer } {
  const file = JSON.parse(exampleText('dui-groupement.json')) as { session: Record<string, unknown> & { viewpoints: { maturity: Record<string, unknown> } } };
  file.session.id = id;
  file.session.title = title;
  file.session.establishment = { name: title };
  for (const domain of Object.keys(file.session.viewpoints.maturity)) {
    file.session.viewpoints.maturity[domain] = { direction: level, 'representant-salaries': level, dsi: level };
  }
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

const bytesOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray());

test('the comparison of three establishments shows three radars, the spread per domain, and exports the tables as a PNG with their borders', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Fichier à importer').setInputFiles(examplePath('dui-groupement.json'));
  await page.getByLabel('Fichier à importer').setInputFiles(otherEstablishment('ehpad-a', 'EHPAD des Tilleuls', 3));
  await page.getByLabel('Fichier à importer').setInputFiles(otherEstablishment('ime-b', 'IME du Bocage', 0));
  await page.getByRole('button', { name: 'Comparer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Comparer des établissements' });
  await dialog.getByRole('checkbox', { name: /DUI du groupement/ }).check();
  await dialog.getByRole('checkbox', { name: 'EHPAD des Tilleuls' }).check();
  await dialog.getByRole('checkbox', { name: 'IME du Bocage' }).check();

  const radars = dialog.getByRole('group', { name: 'Radars de maturité' }).getByRole('img', { name: /^Radar/ });
  await expect(radars).toHaveCount(3);
  await expect(radars.nth(0)).toHaveAccessibleName(/^Radar de maturité : DUI du groupement/);
  await expect(radars.nth(1)).toHaveAccessibleName('Radar de maturité : EHPAD des Tilleuls');
  await expect(radars.nth(2)).toHaveAccessibleName('Radar de maturité : IME du Bocage');
  await expect(dialog.getByRole('heading', { name: 'IME du Bocage' })).toBeVisible();

  const indicators = dialog.getByRole('table', { name: 'Indicateurs de la synthèse, côte à côte' });
  await expect(indicators.getByRole('row', { name: /Divergences de maturité/ })).toContainText('2');
  await expect(indicators.getByRole('row', { name: /Objectifs partagés/ })).toContainText('2 / 3');
  const maturity = dialog.getByRole('table', { name: "Maturité numérique par domaine, d'un établissement à l'autre" });
  const row = maturity.getByRole('row', { name: /^Relation entre professionnel·les et usager·es/ });
  await expect(row).toContainText('1,3 DIR 3 · RS 0 · DSI 1');
  await expect(row.getByRole('cell').last()).toHaveText('de 0,0 (IME du Bocage) à 3,0 (EHPAD des Tilleuls)\u00a0: écart de 3,0');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporter la comparaison en PNG' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('comparaison des établissements.png');
  const png = PNG.sync.read(await bytesOf(download));
  expect(png.width).toBeGreaterThan(1500);
  // The tables' borders (#c9d1dc) survive: rows of pixels of that colour across most of the width.
  const isBorder = (i: number) => Math.abs(png.data[i]! - 0xc9) < 20 && Math.abs(png.data[i + 1]! - 0xd1) < 20 && Math.abs(png.data[i + 2]! - 0xdc) < 20;
  let borderRows = 0;
  for (let y = 0; y < png.height; y++) {
    let n = 0;
    for (let x = 0; x < png.width; x++) if (isBorder((y * png.width + x) * 4)) n++;
    if (n > png.width * 0.5) borderRows++;
  }
  expect(borderRows).toBeGreaterThanOrEqual(20);
  await expect(dialog.getByRole('status')).toContainText('enregistrée');
});

/** Records the app's calls to `window.print` (a real call keeps headless Chromium printing, and `page.pdf` is then refused). */
async function recordPrint(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void w.printed++;
  });
}

test('Imprimer / PDF adds a page of the viewpoints: the objectives, the radar and its divergences', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Fichier à importer').setInputFiles(examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitem', { name: 'Imprimer / PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imprimer / PDF' });
  await dialog.getByRole('combobox', { name: 'Format du papier (paysage)' }).selectOption('A4');
  await expect(dialog.getByRole('checkbox', { name: /Ajouter les regards/ })).toBeChecked();
  await recordPrint(page);
  await dialog.getByRole('button', { name: 'Imprimer' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-sheet');
  await expect(sheet.getByRole('img', { name: /^Radar/ })).toBeVisible();
  await expect(sheet.getByRole('img', { name: /^Radar/ }).locator('polygon[stroke-width="2.5"]')).toHaveCount(3);
  await expect(sheet.getByRole('heading', { name: 'Objectifs : Direction' })).toBeVisible();
  await expect(sheet).toContainText('« Obtenir le financement régional » — objectif prêté à : ARS');
  await expect(sheet).toContainText('Relation entre professionnel·les et usager·es (écart de 3)');
  await expect(page.getByRole('tablist')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // The map, then the viewpoints on a page of their own.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(2);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(sheet).toHaveCount(0);
});
