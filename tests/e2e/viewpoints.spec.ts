import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createSession, examplePath } from './helpers';

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

test('the comparison of establishments shows each revealed radar and, per domain, the three ratings side by side', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Fichier à importer').setInputFiles(examplePath('dui-groupement.json'));
  await page.getByLabel('Fichier à importer').setInputFiles(examplePath('minimal.json'));
  await page.getByRole('button', { name: 'Comparer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Comparer des établissements' });
  await dialog.getByRole('checkbox', { name: /DUI du groupement/ }).check();
  await dialog.getByRole('checkbox', { name: 'Atelier vide' }).check();
  const table = dialog.getByRole('table', { name: 'Indicateurs de la synthèse, côte à côte' });
  await expect(table.getByRole('row', { name: /Relation usager·es/ })).toContainText('DIR 3 · RS 0 · DSI 1');
  await expect(table.getByRole('row', { name: /Divergences de maturité/ })).toContainText('2');
  await expect(table.getByRole('row', { name: /Objectifs partagés/ })).toContainText('2 / 3');
  await expect(dialog.getByRole('group', { name: 'Radars de maturité' }).getByRole('img', { name: /^Radar de maturité : DUI du groupement/ })).toBeVisible();
  await dialog.screenshot({ path: '/tmp/regards-compare.png' });
});
