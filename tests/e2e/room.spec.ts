/**
 * The workshop room, end to end: a real room server (server/room.mjs) on 127.0.0.1 at a free port,
 * started and stopped by each test, serving the built app (ROOM_DIST_DIR, default `dist`), and
 * two or three browser contexts as the laptops and the projector.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startRoom } from '../../server/room.mjs';
import { examplePath, importFile } from './helpers';

interface Room {
  port: number;
  origin: string;
  joinUrl: string;
  projectorUrl: string;
  editToken: string;
  projectorToken: string;
  close: () => Promise<void>;
}

const DIST = process.env.ROOM_DIST_DIR ?? 'dist';
// Within a second: what a laptop sees of another's edit.
const LIVE = { timeout: 1000 };

let dataDir: string;
let room: Room | null = null;
const contexts: BrowserContext[] = [];

async function start(port = 0): Promise<Room> {
  room = (await startRoom({ port, host: '127.0.0.1', dataDir, distDir: DIST, log: () => undefined })) as Room;
  return room;
}

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'salle-e2e-'));
  await start();
});

test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  await room?.close();
  room = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A laptop: its own browser profile; CSP violations are collected. */
async function laptop(browser: Browser): Promise<{ page: Page; context: BrowserContext; csp: string[] }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  contexts.push(context);
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  return { page, context, csp };
}

const chronology = (page: Page) => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem');

/** The first laptop publishes the DUI example in the room and opens it there. */
async function publishDui(page: Page, r: Room) {
  await page.goto(`${r.origin}/`);
  await importFile(page, examplePath('dui-groupement.json'));
  await expect(page.getByRole('link', { name: /DUI du groupement/ })).toBeVisible();
  await page.goto(r.joinUrl);
  await expect(page.getByRole('status').filter({ hasText: 'Connecté à la salle.' })).toBeVisible();
  await page.getByRole('button', { name: /^Publier dans la salle : .*DUI du groupement/ }).click();
  await openFromRoom(page);
}

/** Opens the DUI session from the room's list. */
async function openFromRoom(page: Page) {
  await page.getByRole('region', { name: 'Ateliers de la salle' }).getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(chronology(page)).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'Salle', exact: true })).toBeVisible();
}

async function joinRoom(page: Page, r: Room) {
  await page.goto(r.joinUrl);
  await openFromRoom(page);
}

/** Opens step n's editor from the chronology. */
async function editStep(page: Page, n: number) {
  await chronology(page).nth(n - 1).getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: `Étape ${n}` })).toBeVisible();
}

async function setField(page: Page, name: 'Titre' | 'Description', value: string, submit = true) {
  const field = page.getByRole('textbox', { name, exact: true });
  await field.fill(value);
  if (submit) await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
}

const stepTitle = (page: Page, n: number) => chronology(page).nth(n - 1);

/** A Node client of the room (a third laptop, or the test's look at what the server holds). */
async function nodeClient(r: Room, name: string, token: string) {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${r.port}/salle/sync`, WebSocketPolyfill: WebSocket });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced')), 10_000);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const sessionIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace('#/atelier/', ''));

test('two laptops on one session see each other’s edits within a second, with no CSP violation', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  const b = await laptop(browser);
  await publishDui(a.page, r);
  await joinRoom(b.page, r);

  await editStep(a.page, 2);
  await setField(a.page, 'Titre', 'Titre venu de A');
  await expect(stepTitle(b.page, 2)).toContainText('Titre venu de A', LIVE);

  // B gives its name in the Salle dialog.
  await b.page.getByRole('button', { name: 'Salle', exact: true }).click();
  await b.page.getByRole('textbox', { name: 'Votre nom dans la salle' }).fill('Trinôme B');
  await b.page.getByRole('button', { name: 'Fermer' }).click();
  await editStep(b.page, 5);
  await setField(b.page, 'Titre', 'Titre venu de B');
  await expect(stepTitle(a.page, 5)).toContainText('Titre venu de B', LIVE);

  // Presence: A sees that B is on step 5, beside the Salle button and on the step in the chronology.
  await expect(a.page.getByRole('status').filter({ hasText: /: étape 5/ })).toBeVisible();
  await expect(stepTitle(a.page, 5)).toContainText('Trinôme B');
  await expect(stepTitle(a.page, 4)).not.toContainText('Trinôme B');
  await a.page.screenshot({ path: test.info().outputPath('salle-presence.png') });

  // Undo on A undoes A's title only.
  await a.page.getByRole('button', { name: 'Annuler' }).click();
  await expect(stepTitle(a.page, 2)).not.toContainText('Titre venu de A');
  await expect(stepTitle(a.page, 5)).toContainText('Titre venu de B');
  await expect(stepTitle(b.page, 2)).not.toContainText('Titre venu de A', LIVE);
  expect([...a.csp, ...b.csp]).toEqual([]);
});

test('two fields of one step edited at once on two laptops are both kept; the same field converges', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  const b = await laptop(browser);
  await publishDui(a.page, r);
  await joinRoom(b.page, r);

  await editStep(a.page, 3);
  await editStep(b.page, 3);
  // Both type before either saves.
  await setField(a.page, 'Titre', 'Titre de A', false);
  await setField(b.page, 'Description', 'Description de B', false);
  await Promise.all([a.page.getByRole('button', { name: 'Enregistrer', exact: true }).click(), b.page.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
  for (const page of [a.page, b.page]) {
    await expect(stepTitle(page, 3)).toContainText('Titre de A', LIVE);
    await expect(page.getByRole('textbox', { name: 'Description', exact: true })).toHaveValue('Description de B', LIVE);
  }

  // The same field at once: both laptops end with one and the same value.
  await setField(a.page, 'Titre', 'Même champ A', false);
  await setField(b.page, 'Titre', 'Même champ B', false);
  await Promise.all([a.page.getByRole('button', { name: 'Enregistrer', exact: true }).click(), b.page.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
  await expect(async () => {
    // The title as each laptop shows it (the line also names who else is on the step).
    const [ta, tb] = [await stepTitle(a.page, 3).innerText(), await stepTitle(b.page, 3).innerText()].map((t) => /Même champ [AB]/.exec(t)?.[0]);
    expect(ta).toMatch(/Même champ [AB]/);
    expect(ta).toBe(tb);
  }).toPass({ timeout: 2000 });
});

test('a laptop offline edits three things, comes back: everything is merged, nothing lost', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  const b = await laptop(browser);
  await publishDui(a.page, r);
  await joinRoom(b.page, r);

  await b.context.setOffline(true);
  await expect(b.page.getByRole('button', { name: 'Salle', exact: true })).toHaveAttribute('title', /hors ligne/);
  for (const n of [1, 4, 7]) {
    await editStep(b.page, n);
    await setField(b.page, 'Titre', `Hors ligne ${n}`);
  }
  // Meanwhile A edits another step.
  await editStep(a.page, 9);
  await setField(a.page, 'Titre', 'Pendant ce temps, A');
  await expect(stepTitle(a.page, 1)).not.toContainText('Hors ligne 1');
  await b.context.setOffline(false);
  for (const n of [1, 4, 7]) await expect(stepTitle(a.page, n)).toContainText(`Hors ligne ${n}`);
  for (const n of [1, 4, 7]) await expect(stepTitle(b.page, n)).toContainText(`Hors ligne ${n}`);
  await expect(stepTitle(b.page, 9)).toContainText('Pendant ce temps, A');
});

test('edits made offline survive a reload of the page and reach the room when back', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  const b = await laptop(browser);
  await publishDui(a.page, r);
  await joinRoom(b.page, r);
  const id = sessionIdOf(b.page);
  // The app is precached: an offline reload still opens it.
  await expect.poll(() => b.page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');

  await b.context.setOffline(true);
  await editStep(b.page, 2);
  await setField(b.page, 'Titre', 'Gardé au rechargement');
  await expect(b.page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await b.page.reload();
  await expect(stepTitle(b.page, 2)).toContainText('Gardé au rechargement');
  await b.context.setOffline(false);
  await expect(stepTitle(a.page, 2)).toContainText('Gardé au rechargement');
  expect(sessionIdOf(a.page)).toBe(id);
});

test('the server closed and restarted on the same data and port: no edit lost, the laptops reconnect by themselves', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  const b = await laptop(browser);
  await publishDui(a.page, r);
  await joinRoom(b.page, r);
  await editStep(a.page, 1);
  await setField(a.page, 'Titre', 'Avant la coupure');
  await expect(stepTitle(b.page, 1)).toContainText('Avant la coupure', LIVE);

  const port = r.port;
  await r.close();
  room = null;
  await expect(a.page.getByRole('button', { name: 'Salle', exact: true })).toHaveAttribute('title', /hors ligne|connexion/);
  await editStep(a.page, 6);
  await setField(a.page, 'Titre', 'Pendant la coupure');
  await start(port);

  await expect(stepTitle(b.page, 6)).toContainText('Pendant la coupure', { timeout: 20_000 });
  await expect(stepTitle(b.page, 1)).toContainText('Avant la coupure');
  await editStep(b.page, 8);
  await setField(b.page, 'Titre', 'Après le retour');
  await expect(stepTitle(a.page, 8)).toContainText('Après le retour', LIVE);
});

test('two tabs of one browser on one session, offline, both keep their edit of one step (no last write wins)', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  await publishDui(a.page, r);
  const second = await a.context.newPage();
  await second.goto(a.page.url());
  await expect(chronology(second)).toHaveCount(12);
  // No room to relay: what one tab does reaches the other through the browser alone.
  await a.context.setOffline(true);
  await editStep(a.page, 2);
  await editStep(second, 2);
  await setField(a.page, 'Titre', 'Titre du premier onglet', false);
  await setField(second, 'Description', 'Description du second onglet', false);
  await Promise.all([a.page.getByRole('button', { name: 'Enregistrer', exact: true }).click(), second.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
  for (const page of [a.page, second]) {
    await expect(stepTitle(page, 2)).toContainText('Titre du premier onglet', LIVE);
    await expect(page.getByRole('textbox', { name: 'Description', exact: true })).toHaveValue('Description du second onglet', LIVE);
  }
  // And both reach the room when the network is back.
  await a.context.setOffline(false);
  const id = sessionIdOf(a.page);
  const look = await nodeClient(r, `session/${id}`, r.editToken);
  await expect
    .poll(() => {
      const step = [...look.doc.getMap<Y.Map<unknown>>('steps').values()].find((s) => s.get('title') === 'Titre du premier onglet');
      return step?.get('description');
    })
    .toBe('Description du second onglet');
  look.close();
});

test('a session created in the room appears on the other laptops’ list, and opens there', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  const b = await laptop(browser);
  await b.page.goto(r.joinUrl);
  await expect(b.page.getByText("Aucun atelier dans la salle pour l'instant", { exact: false })).toBeVisible();
  await a.page.goto(r.joinUrl);
  await a.page.getByRole('button', { name: 'Nouvel atelier' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Nouvel atelier' });
  await dialog.getByRole('textbox', { name: "Titre de l'atelier" }).fill('Atelier de la clinique');
  await dialog.getByRole('textbox', { name: 'Établissement' }).fill('Clinique des Lilas');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: 'Atelier de la clinique' })).toBeVisible();
  const listed = b.page.getByRole('region', { name: 'Ateliers de la salle' }).getByRole('link', { name: 'Atelier de la clinique' });
  await expect(listed).toBeVisible(LIVE);
  // Take it home: B keeps every session of the room; its home page lists it.
  await b.page.getByRole('button', { name: 'Garder tous les ateliers dans ce navigateur' }).click();
  await expect(b.page.getByRole('status').filter({ hasText: '1 atelier gardé dans ce navigateur.' })).toBeVisible();
  await b.page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await expect(b.page.getByRole('link', { name: 'Atelier de la clinique' })).toBeVisible();
  await b.page.getByRole('link', { name: 'Ateliers de la salle' }).click();
  await listed.click();
  await expect(b.page.getByRole('heading', { level: 1, name: 'Atelier de la clinique' })).toBeVisible();
  await b.page.getByRole('button', { name: 'Ajouter un couloir' }).click();
  const lane = b.page.getByRole('dialog', { name: 'Nouveau couloir' });
  await lane.getByRole('textbox', { name: 'Nom du couloir' }).fill('Direction des soins');
  await lane.getByRole('button', { name: 'Ajouter le couloir' }).click();
  await expect(a.page.getByText('Couloirs (1)')).toBeVisible(LIVE);
});

test('a wrong token is refused, in French', async ({ browser }) => {
  const r = room!;
  const { page } = await laptop(browser);
  await page.goto(`${r.origin}/#/salle?jeton=${'x'.repeat(32)}`);
  await expect(page.getByRole('alert')).toContainText('Jeton de salle refusé');
  await expect(page.getByRole('region', { name: 'Ateliers de la salle' })).toHaveCount(0);
});

test('the Salle dialog gives the address and its QR code; the projector shows the sessions live and cannot write', async ({ browser }) => {
  const r = room!;
  const a = await laptop(browser);
  await publishDui(a.page, r);
  const id = sessionIdOf(a.page);

  await a.page.getByRole('button', { name: 'Salle', exact: true }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Salle' });
  await expect(dialog).toContainText(r.joinUrl);
  await expect(dialog.getByRole('img', { name: 'QR code de la salle' })).toBeVisible();
  // The projector's read-only link, as the server gives it to an editor's dialog.
  const projectorLink = dialog.getByRole('link', { name: 'Vue projecteur' });
  await expect(projectorLink).toHaveAttribute('href', r.projectorUrl);
  const projectorUrl = (await projectorLink.getAttribute('href'))!;
  await a.page.screenshot({ path: test.info().outputPath('salle-dialog.png') });
  expect(await seriousViolations(a.page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  const p = await laptop(browser);
  await p.page.goto(projectorUrl);
  const card = p.page.getByRole('listitem', { name: /DUI du groupement/ });
  await expect(card).toBeVisible();
  await editStep(a.page, 4);
  await setField(a.page, 'Titre', 'Vu au projecteur');
  await expect(card.getByRole('list').getByRole('listitem').nth(3)).toHaveText('Vu au projecteur', LIVE);
  await p.page.screenshot({ path: test.info().outputPath('salle-projecteur.png'), fullPage: true });
  expect(await seriousViolations(p.page)).toEqual([]);

  // The projector's token writing anyway (as a tampered page would): the server refuses it.
  const projector = await nodeClient(r, `session/${id}`, r.projectorToken);
  projector.doc.getMap<Y.Map<unknown>>('steps').forEach((step) => step.set('title', 'Écrit par le projecteur'));
  projector.doc.getMap('header').set('title', 'Écrit par le projecteur');
  // An edit made after those writes were sent reaches the projector: the server has handled them.
  await editStep(a.page, 5);
  await setField(a.page, 'Description', 'Après la tentative');
  await expect
    .poll(() => [...projector.doc.getMap<Y.Map<unknown>>('steps').values()].some((s) => s.get('description') === 'Après la tentative'))
    .toBe(true);
  projector.close();
  const look = await nodeClient(r, `session/${id}`, r.editToken);
  const titles = [...look.doc.getMap<Y.Map<unknown>>('steps').values()].map((s) => s.get('title'));
  expect(titles).toHaveLength(12);
  expect(titles).not.toContain('Écrit par le projecteur');
  expect(look.doc.getMap('header').get('title')).not.toBe('Écrit par le projecteur');
  look.close();
  await expect(stepTitle(a.page, 4)).toContainText('Vu au projecteur');
  // The home page of a tab in the room: Salle, and the way back to the room's sessions.
  await a.page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await expect(a.page.getByRole('button', { name: 'Salle', exact: true })).toBeVisible();
  await a.page.getByRole('link', { name: 'Ateliers de la salle' }).click();
  await expect(a.page.getByRole('region', { name: 'Ateliers de la salle' }).getByRole('link', { name: /DUI du groupement/ })).toBeVisible();
  await a.page.screenshot({ path: test.info().outputPath('salle-page.png') });
  expect(await seriousViolations(a.page)).toEqual([]);
});
