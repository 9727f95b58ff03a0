import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { rng } from '../fuzz';
import { examplePath, importFile, sessionLinks } from './helpers';

/** The save status line (the page has another status: the service worker's notice). */
const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /enregistr/i });
const chronology = (page: Page) => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem');

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(chronology(page)).toHaveCount(12);
}

async function renameStep1(page: Page, title: string) {
  await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click();
  const field = page.getByRole('textbox', { name: 'Titre', exact: true });
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

test('nothing leaves the machine: every request of a whole scenario, the service worker’s included, goes to the app itself, and no CSP violation', async ({ page, context }) => {
  // Recorded at the context: the service worker's requests (its precache) come here too, not to the page.
  const requests: { url: string; worker: boolean }[] = [];
  context.on('request', (r) => requests.push({ url: r.url(), worker: r.serviceWorker() !== null }));
  const violations: string[] = [];
  await page.exposeBinding('cspViolation', (_source, v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { cspViolation: (v: string) => void }).cspViolation;
      report(`${e.effectiveDirective} bloque ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const exportAs = async (item: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    await downloading;
  };

  await openDui(page);
  await renameStep1(page, 'Demande');
  await exportAs('Image PNG');
  await exportAs('Image SVG');
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await page.getByRole('button', { name: 'Ranger par catégorie' }).click();
  await exportAs('Diaporama (PPTX)');
  await page.getByRole('tab', { name: 'Synthèse' }).click();
  await exportAs('Fichier de session (JSON)');
  const app = new URL(page.url()).origin;
  const outside = () => requests.map((r) => r.url).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== app);
  // The service worker has installed (its precache fetched), or it has tried to fetch from elsewhere.
  const workerState = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none');
  await expect.poll(async () => outside().length > 0 || (await workerState()) === 'activated').toBe(true);
  expect(outside()).toEqual([]);
  expect(requests.filter((r) => r.worker).length, 'no request of the service worker recorded').toBeGreaterThan(0);
  await page.reload();
  await expect(chronology(page).first()).toContainText('Demande');
  expect(outside()).toEqual([]);
  expect(violations).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
  // Scripts from this origin only, and no eval: WebAssembly compilation (the edge router) is the one exception.
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(csp!.replaceAll("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
});

test('an edit followed at once by closing the tab is on disk, 20 times in a row', async ({ context }) => {
  test.setTimeout(180_000); // forty pages opened one after another
  const first = await context.newPage();
  await openDui(first);
  const url = first.url();
  await first.close();
  for (let i = 1; i <= 20; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await expect(chronology(page)).toHaveCount(12);
    await expect(chronology(page).first()).toContainText(i === 1 ? "Demande d'un projet de DUI" : `Essai ${i - 1}`);
    await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click();
    await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(`Essai ${i}`);
    // The tab is closed as soon as the key is pressed: no wait for the save, nor for the page to redraw.
    // Should the browser ask (the write not done yet), the user leaves all the same.
    page.on('dialog', (d) => void d.accept());
    const closed = page.waitForEvent('close');
    await page.getByRole('textbox', { name: 'Titre', exact: true }).press('Enter');
    await page.close({ runBeforeUnload: true });
    await closed;
    const check = await context.newPage();
    await check.goto(url);
    await expect(chronology(check)).toHaveCount(12);
    await expect(chronology(check).first(), `edit ${i} lost`).toContainText(`Essai ${i}`);
    await check.close();
  }
});

test('a renderer crash right after « Enregistré » is shown: the edit is there on reopening', async ({ context }) => {
  const page = await context.newPage();
  await openDui(page);
  const url = page.url();
  await renameStep1(page, 'Écrit avant la panne');
  await expect(saveStatus(page)).toHaveText('Enregistré');
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined); // answered by no one: the renderer is gone
  await crashed;
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(chronology(reopened)).toHaveCount(12);
  await expect(chronology(reopened).first()).toContainText('Écrit avant la panne');
});

/**
 * Holds a write transaction on the app's stores from another tab: the app's next write waits
 * behind it, as behind a slow disk, until `release` is called.
 */
async function holdTheDisk(context: BrowserContext, url: string) {
  const holder = await context.newPage();
  await holder.goto(url);
  await holder.evaluate(() => new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('cartographies-acia');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const w = window as unknown as { releaseTheDisk?: boolean };
      db.onversionchange = () => db.close();
      const tx = db.transaction(['sessions', 'lanes', 'actors', 'steps', 'links', 'relations', 'notes'], 'readwrite');
      const store = tx.objectStore('steps');
      let started = false;
      const spin = () => {
        if (!started) {
          started = true;
          resolve();
        }
        if (w.releaseTheDisk) return;
        store.get(['', '']).onsuccess = spin;
      };
      spin();
      tx.oncomplete = () => db.close();
    };
  }));
  return { release: () => holder.evaluate(() => ((window as unknown as { releaseTheDisk: boolean }).releaseTheDisk = true)) };
}

test('a second edit typed while the first is being written, then the tab closed at once: the browser asks, and both edits are on disk', async ({ context }) => {
  const page = await context.newPage();
  await openDui(page);
  const url = page.url();
  const disk = await holdTheDisk(context, url);
  const steps = page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button');
  await steps.nth(0).click();
  await page.getByRole('textbox', { name: 'Titre', exact: true }).fill('Première modification');
  await page.getByRole('textbox', { name: 'Titre', exact: true }).press('Enter');
  await expect(saveStatus(page)).toHaveText('Enregistrement…');
  await steps.nth(1).click();
  await page.getByRole('textbox', { name: 'Titre', exact: true }).fill('Seconde modification');
  await page.getByRole('textbox', { name: 'Titre', exact: true }).press('Enter');
  await expect(chronology(page).nth(1)).toContainText('Seconde modification');
  await expect(saveStatus(page)).toHaveText('Enregistrement…');
  // Closed at once, with neither edit on disk yet: the browser asks first, and the user stays.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await disk.release();
  await expect(saveStatus(page)).toHaveText('Enregistré');
  // Everything on disk: the tab closes without a question.
  let askedAgain = false;
  page.on('dialog', (d) => {
    askedAgain = true;
    void d.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(askedAgain).toBe(false);
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(chronology(reopened)).toHaveCount(12);
  await expect(chronology(reopened).nth(0)).toContainText('Première modification');
  await expect(chronology(reopened).nth(1)).toContainText('Seconde modification');
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
  await expect(chronology(b)).toHaveCount(12);
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
  await tab.getByRole('textbox', { name: 'Titre', exact: true }).fill('Modifié dans l’autre onglet');
  await tab.getByRole('textbox', { name: 'Titre', exact: true }).press('Enter');
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

/** The id of the stored step whose description is this text, read from the app's database; null when none is. */
const storedStepWith = (page: Page, description: string) =>
  page.evaluate((text) => new Promise<string | null>((resolve, reject) => {
    const req = indexedDB.open('cartographies-acia');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      // A read placed after the app's write waits for it: it sees the edit if, and only if, the write succeeded.
      const all = db.transaction('steps', 'readonly').objectStore('steps').getAll();
      all.onsuccess = () => {
        db.close();
        resolve((all.result as { id: string; description?: string }[]).find((r) => r.description === text)?.id ?? null);
      };
      all.onerror = () => reject(all.error);
    };
  }), description);

async function exportSessionFile(page: Page, from: 'menu' | Locator) {
  const downloading = page.waitForEvent('download');
  if (from === 'menu') {
    await page.getByRole('button', { name: 'Exporter' }).click();
    await page.getByRole('menuitem', { name: 'Fichier de session (JSON)' }).click();
  } else {
    await from.getByRole('button', { name: 'Exporter le fichier de session' }).click();
  }
  const download = await downloading;
  return JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8')) as {
    format: string;
    session: { steps: { id: string; title: string; description?: string }[] };
  };
}

test.describe('a real full disk', () => {
  // No service worker here: what the origin stores is the sessions alone, so the quota can be a few hundred KB.
  test.use({ serviceWorkers: 'block' });

  test('the browser’s quota runs out mid-workshop: the French alert shows, nothing saved is lost, its export holds every edit', async ({ page, context }) => {
    await page.goto('./');
    const origin = new URL(page.url()).origin;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 300 * 1024 });
    await importFile(page, examplePath('dui-groupement.json'));
    await page.getByRole('link', { name: /DUI du groupement/ }).click();
    await expect(chronology(page)).toHaveCount(12);

    // New steps with long descriptions that do not compress, one after another, until the disk refuses one.
    const random = rng(20261204);
    const saved = new Map<string, string>();
    let refused: string | null = null;
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    for (let i = 1; i <= 300 && refused === null; i++) {
      const text = `Essai ${i} ` + Array.from({ length: 4980 }, () => String.fromCharCode(33 + Math.floor(random() * 90))).join('');
      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(`Étape ajoutée ${i}`);
      await page.getByRole('textbox', { name: 'Description' }).fill(text);
      await page.getByRole('button', { name: "Ajouter l'étape" }).click();
      await expect(chronology(page)).toHaveCount(12 + i);
      const id = await storedStepWith(page, text);
      if (id === null) refused = text;
      else saved.set(id, text);
    }
    expect(refused).not.toBeNull();
    expect(saved.size).toBeGreaterThan(0);

    const alert = page.getByRole('alert').filter({
      hasText: "L'espace de stockage du navigateur est plein : les dernières modifications ne sont pas enregistrées. Exportez l'atelier pour ne rien perdre, puis libérez de la place.",
    });
    await expect(alert).toBeVisible();
    await expect(saveStatus(page)).toContainText('Non enregistré');
    await expect(chronology(page).last()).toContainText(`Étape ajoutée ${saved.size + 1}`);
    // The export the alert offers is the session as on screen: the refused edit included.
    const exported = await exportSessionFile(page, alert);
    expect(exported.format).toBe('cartographies-acia');
    expect(exported.session.steps).toHaveLength(12 + saved.size + 1);
    expect(exported.session.steps.map((s) => s.description)).toContain(refused);
    for (const [id, text] of saved) expect(exported.session.steps.find((s) => s.id === id)?.description).toBe(text);

    // Room again: every edit the disk took is still there.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    // The refused edit is not on disk: leaving the page asks first; the user, who has exported, leaves.
    const asked = page.waitForEvent('dialog');
    const reloaded = page.reload();
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.accept();
    await reloaded;
    await expect(chronology(page).nth(11 + saved.size)).toContainText(`Étape ajoutée ${saved.size}`);
    const reopened = await exportSessionFile(page, 'menu');
    for (const [id, text] of saved) expect(reopened.session.steps.find((s) => s.id === id)?.description).toBe(text);
    // The refused step is written again as the page is left, now that there is room; if it made it, it is whole.
    const retried = reopened.session.steps.slice(12 + saved.size);
    expect(retried.map((s) => [s.title, s.description])).toEqual(retried.length ? [[`Étape ajoutée ${saved.size + 1}`, refused]] : []);
  });
});
