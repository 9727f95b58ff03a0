import { expect, test } from '@playwright/test';
import { examplePath, importFile } from './helpers';

test('the Synthèse of the DUI example reads the report findings, and a step number leads to the step', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText("Les utilisateur·rices prennent part au projet pour la première fois à l'étape 3");
  await expect(panel).toContainText('3 étapes sur 11 (27 %) sont attestées par des documents : 2, 3 et 5');
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

test('a guiding question shown large, and its answer kept as a note', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
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
