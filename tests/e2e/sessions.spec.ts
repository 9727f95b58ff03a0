import { expect, test, type Page } from '@playwright/test';
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
  await expect(page.getByRole('alert')).toContainText('Atelier : champ obligatoire manquant');

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

/**
 * Records, from the page's first script, each time the home page's hidden drawing of the maps (see
 * warmUpMaps) is put in and taken out, with the steps and actors it held at its first frame; when
 * `openOnWarmUp` is in the tab's storage, follows that link the moment the drawing is put in.
 */
const recordWarmUp = () => {
  const log: (string | number)[][] = [];
  (window as unknown as { warmUpLog: typeof log }).warmUpLog = log;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || !node.classList.contains('warm-up')) continue;
        log.push(['drawn']);
        requestAnimationFrame(() => log.push(['frame', node.querySelectorAll('.react-flow__node-step').length, node.querySelectorAll('.react-flow__node-actor').length]));
        const open = sessionStorage.getItem('openOnWarmUp');
        if (open) window.location.hash = open;
      }
      for (const node of record.removedNodes) if (node instanceof Element && node.classList.contains('warm-up')) log.push(['taken down']);
    }
  }).observe(document, { childList: true, subtree: true });
};
const warmUpLog = (page: Page) => page.evaluate(() => (window as unknown as { warmUpLog: (string | number)[][] }).warmUpLog);

test('once the list is shown, the maps are drawn ahead out of sight and taken down; the session opened next shows only its own steps', async ({ page }) => {
  await page.addInitScript(recordWarmUp);
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await expect(sessionLinks(page)).toHaveCount(1);
  await page.reload();
  await expect(sessionLinks(page)).toHaveCount(1);
  await expect.poll(() => warmUpLog(page)).toContainEqual(['taken down']);
  const log = await warmUpLog(page);
  // Drawn once, with the sample's two steps and two actors at its first frame, then taken down.
  expect(log.filter(([what]) => what === 'drawn')).toHaveLength(1);
  expect(log).toContainEqual(['frame', 2, 2]);
  await expect(page.locator('.warm-up, .react-flow')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Cartographie de la conduite de projet' })).toHaveCount(0);

  await sessionLinks(page).click();
  await expect(page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem')).toHaveCount(12);
  await expect(page.locator('.react-flow__node-step')).toHaveCount(12);
  await expect(page.getByText('Échauffement')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Ajouter une étape' })).toBeVisible();
  await expect(page.locator('.step-editor')).toHaveCount(0);
});

test('a session opened while the maps are being drawn ahead opens whole, and the drawing goes at once', async ({ page }) => {
  await page.addInitScript(recordWarmUp);
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await expect(sessionLinks(page)).toHaveCount(1);
  const href = await sessionLinks(page).getAttribute('href');
  await page.evaluate((link) => sessionStorage.setItem('openOnWarmUp', link!), href);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /DUI du groupement/ })).toBeVisible();
  await expect(page.locator('.react-flow__node-step')).toHaveCount(12);
  await expect(page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem')).toHaveCount(12);
  await expect(page.locator('.warm-up')).toHaveCount(0);
  expect(await warmUpLog(page)).toContainEqual(['taken down']);
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeDisabled();
});

test('an address no session has says so, even one that cannot be decoded, and leads back home', async ({ page }) => {
  for (const address of ['./#/atelier/inconnu', './#/atelier/50%', './#/atelier/%E9t%E9']) {
    await page.goto(address);
    await page.reload(); // a page opened on that address, not the previous one's page changing address
    await expect(page.getByRole('alert')).toHaveText("Cet atelier n'existe pas (ou plus) dans ce navigateur.");
    await page.getByRole('link', { name: 'Tous les ateliers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Cartographies ACIA/ })).toBeVisible();
  }
});
