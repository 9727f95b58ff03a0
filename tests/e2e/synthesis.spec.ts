import { expect, test, type Page } from '@playwright/test';
import { examplePath, importFile } from './helpers';

/** Imports the report's DUI example and opens it. */
async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
}

test('the Synthèse of the DUI example reads the report findings, and a step number leads to the step', async ({ page }) => {
  await openDui(page);
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText("Les utilisateur·rices prennent part au projet pour la première fois à l'étape 3");
  await expect(panel).toContainText('3 étapes sur 12 (25 %) sont attestées par des documents : 2, 3 et 5');
  await expect(panel).toContainText('Les représentant·es du personnel (CSE, IRP) ne prennent part à aucune étape');
  await expect(panel).toContainText("Aucune étape d'évaluation ou de retour d'expérience.");
  await expect(panel).toContainText('CSE');
  // The three viewpoints side by side.
  await expect(panel.getByRole('heading', { name: 'Représentant·e des salarié·es' })).toBeVisible();
  await expect(panel).toContainText("Le CSE n'a été ni informé ni consulté sur le projet.");

  await panel.getByRole('button', { name: "Aller à l'étape 5" }).first().click();
  await expect(page.getByRole('tab', { name: 'Conduite de projet' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Étape 5' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Titre' })).toHaveValue('Choix du logiciel');
});

test('a note by another author (neither the trinôme nor the facilitator) gets its own column in the Synthèse', async ({ page }) => {
  await openDui(page);
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('heading', { name: 'Autre', exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Conduite de projet' }).click();
  await page.getByRole('button', { name: 'Ajouter une note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle note' });
  await dialog.getByRole('textbox', { name: 'Texte de la note' }).fill('La médecine du travail n’a pas été sollicitée.');
  await dialog.getByRole('combobox', { name: "Rôle de l'auteur·rice" }).selectOption('autre');
  await dialog.getByRole('combobox', { name: 'Type de note' }).selectOption('constat');
  // On the conduct map a note hangs on a step (or nothing), never on an actor it could not be drawn beside.
  const target = dialog.getByRole('combobox', { name: 'Attachée à' });
  await expect(target.locator('option', { hasText: 'Étape 3 : Constitution' })).toHaveCount(1);
  await expect(target.locator('option', { hasText: 'Éditeur du logiciel' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Ajouter la note' }).click();
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await expect(panel.getByRole('heading', { name: 'Autre', exact: true })).toBeVisible();
  await expect(panel.locator('.note-column').last()).toContainText('La médecine du travail n’a pas été sollicitée.');
});

test('a guiding question shown large, and its answer kept as a note', async ({ page }) => {
  await openDui(page);
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await page.getByText('Dialogue social', { exact: true }).click();
  await page.getByRole('button', { name: 'Afficher la question « Le CSE a-t-il été informé, consulté ? »' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dialogue social' });
  await expect(dialog).toContainText('Le CSE a-t-il été informé, consulté ?');
  await dialog.getByRole('textbox', { name: 'Réponse (devient une note)' }).fill('Non, jamais.');
  await dialog.getByRole('combobox', { name: 'Qui répond' }).selectOption('representant-salaries');
  await dialog.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Le CSE a-t-il été informé, consulté ? — Non, jamais.');
});

test('the step-by-step replay goes to the whole map with the keyboard, and Échap leaves', async ({ page }) => {
  await openDui(page);
  await page.getByRole('button', { name: 'Présentation' }).click();
  const replay = page.getByRole('dialog', { name: 'Présentation pas à pas' });
  await expect(replay).toContainText('Étape 1 sur 12');
  await expect(replay.getByRole('heading', { level: 2 })).toHaveText("Étape 1 : Demande d'un projet de DUI");
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(replay.getByRole('heading', { level: 2 })).toHaveText("Étape 3 : Constitution d'un groupe de travail");
  await expect(replay).toContainText('Groupe de travail DUI — Contribue');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  // Step 9 comes with the note the employee representative attached to it.
  await expect(replay.getByRole('heading', { level: 2 })).toHaveText('Étape 9 : Réorganisation des services');
  await expect(replay).toContainText("Représentant·e des salarié·es · Difficulté : La formation de départ n'a pas suffi");
  await page.keyboard.press('End');
  await expect(replay).toContainText('Carte complète : 12 étapes');
  await expect(replay.getByRole('img')).toHaveAttribute('alt', 'Cartographie de la conduite de projet, étapes 1 à 12');
  await page.keyboard.press('Escape');
  await expect(replay).toHaveCount(0);
});

test('leaving the browser’s full screen (its own Échap) leaves the replay too', async ({ page }) => {
  await openDui(page);
  await page.getByRole('button', { name: 'Présentation' }).click();
  const replay = page.getByRole('dialog', { name: 'Présentation pas à pas' });
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label') ?? null)).toBe('Présentation pas à pas');
  // The browser handles Échap in full screen itself and the page never sees the key: only the change of state.
  await page.evaluate(() => document.exitFullscreen());
  await expect(replay).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Présentation' })).toBeVisible();
});

test('compare two establishments side by side and export the comparison', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await importFile(page, examplePath('minimal.json'));
  await page.getByRole('button', { name: 'Comparer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Comparer des établissements' });
  await dialog.getByRole('checkbox', { name: /DUI du groupement/ }).check();
  await dialog.getByRole('checkbox', { name: 'Atelier vide' }).check();
  const table = dialog.getByRole('table', { name: 'Indicateurs de la synthèse, côte à côte' });
  await expect(table.getByRole('row', { name: /Première participation/ })).toContainText('étape 3');
  await expect(table.getByRole('row', { name: /CSE \/ IRP associés/ })).toContainText('non');
  await expect(dialog.getByRole('group', { name: 'Cartes de la conduite de projet' }).getByRole('img')).toHaveCount(2);

  const png = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporter la comparaison en PNG' }).click();
  expect((await png).suggestedFilename()).toBe('comparaison des établissements.png');
  const pptx = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporter la comparaison en PPTX' }).click();
  const deck = await pptx;
  expect(deck.suggestedFilename()).toBe('comparaison des établissements.pptx');
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(Buffer.concat(await (await deck.createReadStream()).toArray()));
  // The indicators, the maturity per domain and the radars (the DUI's grid is revealed), then one map each.
  expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(5);
});
