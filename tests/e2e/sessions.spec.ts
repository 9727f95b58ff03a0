import { expect, test } from '@playwright/test';
import { createSession, examplePath, importFile, sessionLinks } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: /Cartographies ACIA/ })).toBeVisible();
});

test('a session created is still there after a reload, on its own address too', async ({ page }) => {
  await createSession(page, 'Atelier messagerie sécurisée', { establishment: 'EHPAD Les Tilleuls', project: 'Messagerie sécurisée' });
  await expect(page.getByRole('tab', { name: 'Conduite de projet' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Acteurs' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier messagerie sécurisée' })).toBeVisible();

  await page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await expect(sessionLinks(page)).toHaveText(['Atelier messagerie sécurisée']);
  await expect(page.getByText('EHPAD Les Tilleuls · Messagerie sécurisée')).toBeVisible();
  await page.reload();
  await expect(sessionLinks(page)).toHaveText(['Atelier messagerie sécurisée']);
});

test('the DUI example imports, is listed and opens', async ({ page }) => {
  await importFile(page, examplePath('dui-groupement.json'));
  const link = page.getByRole('link', { name: "DUI du groupement — retour d'expérience" });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: "DUI du groupement — retour d'expérience" })).toBeVisible();
  await expect(page.getByText('Groupement médico-social (exemple) · Dossier usager informatisé (DUI)')).toBeVisible();
});

test('a broken file is refused with an alert and adds no session', async ({ page }) => {
  await importFile(page, examplePath('minimal.json'));
  await expect(sessionLinks(page)).toHaveCount(1);

  const broken = JSON.parse(JSON.stringify({ format: 'cartographies-acia', version: 1, exportedAt: '2026-11-21T08:00:00.000Z' }));
  await importFile(page, { name: 'casse.acia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert')).toContainText('Import refusé');
  await expect(page.getByRole('alert')).toContainText('session');

  await importFile(page, { name: 'pas-du-json.json', mimeType: 'application/json', buffer: Buffer.from('{ pas du json') });
  await expect(page.getByRole('alert')).toContainText("n'est pas un fichier JSON valide");
  await page.reload();
  await expect(sessionLinks(page)).toHaveCount(1);
});

test('rename, duplicate, export and delete from the list', async ({ page }) => {
  await importFile(page, examplePath('minimal.json'));
  await page.getByRole('button', { name: 'Actions pour Atelier vide' }).click();
  await page.getByRole('menuitem', { name: 'Renommer' }).click();
  const rename = page.getByRole('dialog', { name: "Renommer l'atelier" });
  await rename.getByRole('textbox', { name: "Titre de l'atelier" }).fill('Atelier du 12 mars');
  await rename.getByRole('button', { name: 'Renommer' }).click();
  await expect(sessionLinks(page)).toHaveText(['Atelier du 12 mars']);

  await page.getByRole('button', { name: 'Actions pour Atelier du 12 mars' }).click();
  await page.getByRole('menuitem', { name: 'Dupliquer' }).click();
  await expect(sessionLinks(page)).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Atelier du 12 mars (copie)' })).toBeVisible();

  await page.getByRole('button', { name: 'Actions pour Atelier du 12 mars (copie)' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Exporter' }).click();
  await page.getByRole('dialog', { name: /^Exporter/ }).getByRole('button', { name: 'Fichier de session (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Atelier du 12 mars (copie).acia.json');
  const text = await (await download.createReadStream()).toArray();
  const file = JSON.parse(Buffer.concat(text).toString('utf8'));
  expect(file.format).toBe('cartographies-acia');
  expect(file.session.title).toBe('Atelier du 12 mars (copie)');

  await page.getByRole('button', { name: 'Actions pour Atelier du 12 mars (copie)' }).click();
  await page.getByRole('menuitem', { name: 'Supprimer' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Supprimer « Atelier du 12 mars (copie) » ?');
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await expect(sessionLinks(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Actions pour Atelier du 12 mars (copie)' }).click();
  await page.getByRole('menuitem', { name: 'Supprimer' }).click();
  await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(sessionLinks(page)).toHaveText(['Atelier du 12 mars']);
  await page.reload();
  await expect(sessionLinks(page)).toHaveText(['Atelier du 12 mars']);
});

test('importing a session that exists asks: replace, or keep both', async ({ page }) => {
  await importFile(page, examplePath('minimal.json'));
  await expect(sessionLinks(page)).toHaveCount(1);
  await importFile(page, examplePath('minimal.json'));
  const ask = page.getByRole('alertdialog', { name: 'Cet atelier existe déjà' });
  await ask.getByRole('button', { name: 'Garder les deux' }).click();
  await expect(sessionLinks(page)).toHaveText(['Atelier vide (copie)', 'Atelier vide']);

  await importFile(page, examplePath('minimal.json'));
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remplacer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'remplacé' })).toBeVisible();
  await expect(sessionLinks(page)).toHaveCount(2);
});
