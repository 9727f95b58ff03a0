import { expect, test, type Page } from '@playwright/test';
import { examplePath, importFile, sessionLinks } from './helpers';

const chronology = (page: Page) => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem');

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(chronology(page)).toHaveCount(11);
}

async function renameStep1(page: Page, title: string) {
  await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click();
  const field = page.getByRole('textbox', { name: 'Titre' });
  await field.fill(title);
  await field.press('Enter');
  await expect(chronology(page).first()).toContainText(title);
}

test('the app starts and works offline after one visit', async ({ page, context }) => {
  await openDui(page);
  // After the first visit the service worker has precached the app; the next load is controlled by it.
  // (`ready` may resolve while the worker is still activating: wait for it, as a user's next visit would.)
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: /Cartographies ACIA/ })).toBeVisible();
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await renameStep1(page, 'Demande hors connexion');
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitem', { name: 'Fichier de session (JSON)' }).click();
  const json = JSON.parse(Buffer.concat(await (await (await downloading).createReadStream()).toArray()).toString('utf8'));
  expect(json.session.steps[0].title).toBe('Demande hors connexion');
  await context.setOffline(false);
});

test('nothing leaves the machine: every request of a whole scenario goes to the app itself', async ({ page }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await openDui(page);
  await renameStep1(page, 'Demande');
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await page.getByRole('button', { name: 'Réorganiser' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitem', { name: 'Diaporama (PPTX)' }).click();
  await downloading;
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const allowed = new Set([new URL(page.url()).origin, 'null']);
  const outside = [...origins].filter((o) => !allowed.has(o) && !o.startsWith('blob:') && !o.startsWith('data:'));
  expect(outside).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
});

test('an edit followed by closing the tab 100 ms later is on disk, 20 times in a row', async ({ context }) => {
  const first = await context.newPage();
  await openDui(first);
  const url = first.url();
  await first.close();
  let lost = 0;
  for (let i = 1; i <= 20; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await expect(chronology(page)).toHaveCount(11);
    await expect(chronology(page).first()).toContainText(i === 1 ? "Demande d'un projet de DUI" : `Essai ${i - 1}`);
    await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click();
    await page.getByRole('textbox', { name: 'Titre' }).fill(`Essai ${i}`);
    await page.getByRole('textbox', { name: 'Titre' }).press('Enter');
    await page.waitForTimeout(100);
    await page.close({ runBeforeUnload: true });
    const check = await context.newPage();
    await check.goto(url);
    await expect(chronology(check)).toHaveCount(11);
    if (!(await chronology(check).first().textContent())?.includes(`Essai ${i}`)) lost++;
    await check.close();
    if (lost) break;
  }
  expect(lost).toBe(0);
});

test('a newer version of the app opened in another tab: the older tabs stop writing and ask to reload', async ({ context }) => {
  const session = await context.newPage();
  await openDui(session);
  const home = await context.newPage();
  await home.goto('./');
  await expect(sessionLinks(home)).toHaveCount(1);
  // A newer app upgrades the database: what its `versionchange` tells the tabs already open.
  const newer = await context.newPage();
  await newer.goto('./');
  await newer.evaluate(() => new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('cartographies-acia', 1000);
    req.onsuccess = () => { req.result.close(); resolve(); };
    req.onerror = () => reject(req.error);
  }));
  await expect(session.getByRole('alert')).toContainText("Une version plus récente de l'application a été ouverte dans un autre onglet : cet onglet n'enregistre plus.");
  await expect(session.getByRole('alert').getByRole('button', { name: 'Exporter le fichier de session' })).toBeVisible();
  await expect(home.getByRole('alert')).toContainText('Une version plus récente de l\'application a été ouverte dans un autre onglet');
  await expect(home.getByRole('alert').getByRole('button', { name: 'Recharger' })).toBeVisible();
});

test('two tabs on the same session see each other’s edits', async ({ context }) => {
  const a = await context.newPage();
  await openDui(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(chronology(b)).toHaveCount(11);
  await renameStep1(a, 'Écrit dans l’onglet A');
  await expect(chronology(b).first()).toContainText('Écrit dans l’onglet A', { timeout: 2000 });
  await renameStep1(b, 'Puis dans l’onglet B');
  await expect(chronology(a).first()).toContainText('Puis dans l’onglet B', { timeout: 2000 });
  await a.reload();
  await expect(chronology(a).first()).toContainText('Puis dans l’onglet B');
});

test('the home page in another tab follows the edits saved in a session', async ({ context }) => {
  const home = await context.newPage();
  await home.goto('./');
  await importFile(home, examplePath('dui-groupement.json'));
  await importFile(home, examplePath('minimal.json'));
  await expect(sessionLinks(home)).toHaveCount(2);
  const [first, second] = await sessionLinks(home).allTextContents();
  const tab = await context.newPage();
  await tab.goto('./');
  await tab.getByRole('link', { name: second! }).click();
  await tab.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click();
  await tab.getByRole('textbox', { name: 'Titre' }).fill('Modifié dans l’autre onglet');
  await tab.getByRole('textbox', { name: 'Titre' }).press('Enter');
  await expect(tab.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  // The session just edited comes first in the list of the tab left open on the home page.
  await expect.poll(() => sessionLinks(home).allTextContents()).toEqual([second, first]);
});

test('a backup of everything restores every session, and a damaged backup changes nothing', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await importFile(page, examplePath('minimal.json'));
  await expect(sessionLinks(page)).toHaveCount(2);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sauvegarder tout' }).click();
  const download = await downloading;
  const buffer = Buffer.concat(await (await download.createReadStream()).toArray());
  const backup = JSON.parse(buffer.toString('utf8'));
  expect(backup.sessions).toHaveLength(2);

  await page.evaluate(() => indexedDB.deleteDatabase('cartographies-acia'));
  await page.reload();
  await expect(sessionLinks(page)).toHaveCount(0);

  const damaged = structuredClone(backup);
  damaged.sessions[1].session.steps = [{ id: 'x', title: '', laneId: 'nowhere', kind: 'autre', markers: [], participants: [] }];
  await importFile(page, { name: 'abimee.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect(page.getByRole('alert')).toContainText('de la sauvegarde');
  await expect(sessionLinks(page)).toHaveCount(0);

  await importFile(page, { name: download.suggestedFilename(), mimeType: 'application/json', buffer });
  await expect(sessionLinks(page)).toHaveCount(2);
  await expect(page.getByText('Sauvegarde restaurée : 2 atelier(s) ajouté(s)')).toBeVisible();
});

test('a full disk: an alert says so, the edit stays on screen, and the session can be exported at once', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openDui(page);
  await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
  await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click();
  await page.getByRole('textbox', { name: 'Titre' }).fill('Modifié disque plein');
  await page.getByRole('textbox', { name: 'Titre' }).press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'stockage du navigateur est plein' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Non enregistré' })).toBeVisible();
  await expect(chronology(page).first()).toContainText('Modifié disque plein');
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Exporter le fichier de session' }).click();
  const json = JSON.parse(Buffer.concat(await (await (await downloading).createReadStream()).toArray()).toString('utf8'));
  expect(json.session.steps[0].title).toBe('Modifié disque plein');
});
