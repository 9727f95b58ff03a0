import { expect, test, type Page } from '@playwright/test';
import { examplePath, importFile } from './helpers';

/** The project as it was lived (format 2, issue 22): non-use, slipped dates, unanswered feedback. */

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
}

const chronology = (page: Page) => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem');

test('an actor set non-user, disappointed, is shown so on the map and the Synthèse says so', async ({ page }) => {
  await openDui(page);
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await page.getByRole('group', { name: /^Acteur : DSI du groupement/ }).click();
  const usage = page.getByRole('combobox', { name: 'Usage', exact: true });
  await expect(page.getByRole('combobox', { name: 'Raison de non-usage' })).toHaveCount(0);
  await usage.selectOption({ label: 'Non-utilisateur·rice' });
  await page.getByRole('combobox', { name: 'Raison de non-usage' }).selectOption({ label: 'Déçu·e' });
  await page.getByRole('textbox', { name: "Remarque sur l'usage" }).fill('Les requêtes attendues ne sont pas venues');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();

  const node = page.getByRole('group', { name: /^Acteur : DSI du groupement/ });
  await expect(node).toHaveAccessibleName(/non-utilisateur·rice \(déçu·e\)/);
  await expect(node.locator('.actor-node')).toHaveClass(/is-non-user/);
  await expect(node).toContainText('Non-usage : déçu·e');
  await expect(page.getByRole('region', { name: 'Légende' })).toContainText('Non-utilisateur·rice');
  await page.screenshot({ path: '/tmp/lived-actors.png' });

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText("2 acteurs n'utilisent pas l'outil");
  await expect(panel).toContainText('DSI du groupement (déçu·e : « Les requêtes attendues ne sont pas venues »)');
  // A non-user may still take part in the project's steps: the Synthèse says which.
  await expect(panel).toContainText('DSI du groupement prend part aux étapes 3 et 5');
  await panel.getByRole('heading', { name: "Le projet tel qu'il a été vécu" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/lived-synthesis.png' });
});

test('a step given a planned date shows its slippage in the chronology and on the map, and keeps it after a reload', async ({ page }) => {
  await openDui(page);
  await expect(chronology(page).nth(9)).toContainText('prévu en décembre 2021, fait en avril 2022');
  const bars = page.locator('.slip-bar');
  await expect(bars).toHaveCount(2);

  await chronology(page).nth(1).getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Étape 2' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Date prévue' }).fill('09/2017');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(chronology(page).nth(1)).toContainText('prévu en septembre 2017, fait en 2018');
  await expect(bars).toHaveCount(3);
  await expect(page.getByRole('group', { name: /^Étape 2 : / })).toHaveAccessibleName(/prévue : septembre 2017/);
  await page.screenshot({ path: '/tmp/lived-conduct.png' });

  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.reload();
  await expect(chronology(page).nth(1)).toContainText('prévu en septembre 2017, fait en 2018');
});

test('an unanswered feedback is drawn as an open loop and counted in the Synthèse', async ({ page }) => {
  await openDui(page);
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.locator('.open-loop')).toHaveCount(1);
  await page.getByRole('button', { name: 'Ajouter une relation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle relation' });
  await dialog.getByRole('combobox', { name: 'De', exact: true }).selectOption({ label: 'Professionnel·les' });
  await dialog.getByRole('combobox', { name: 'Vers', exact: true }).selectOption({ label: 'DSI du groupement' });
  await expect(dialog.getByRole('combobox', { name: 'Suite donnée' })).toHaveCount(0);
  await dialog.getByRole('combobox', { name: 'Type de relation' }).selectOption('remonte');
  await dialog.getByRole('combobox', { name: 'Canal' }).selectOption({ label: 'Messagerie' });
  await dialog.getByRole('combobox', { name: 'Formalité' }).selectOption({ label: 'Prescrite' });
  await dialog.getByRole('combobox', { name: 'Suite donnée' }).selectOption({ label: 'Hors périmètre' });
  await dialog.getByRole('button', { name: 'Ajouter la relation' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('group', { name: /^Relation : Professionnel·les remonte à DSI du groupement, canal Messagerie, prescrite, suite donnée : Hors périmètre/ })).toHaveCount(1);
  await expect(page.locator('.open-loop')).toHaveCount(2);

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('2 remontées sans réponse, dont 1 jugée hors périmètre par la DSI.');
});
