// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { useDocumentStore } from '../../src/state/documentStore';
import { sessionHref } from '../../src/state/routes';
import { openSession, preloadOnLinkClick, preloadSession, preloadSessionsOnNavigation } from '../../src/state/sessionController';
import { getDb } from '../../src/storage/db';
import { saveSession } from '../../src/storage/repository';
import { exampleText } from '../formatExamples';

function dui(id: string, title: string): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { ...parsed.value.session, id, title };
}

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
});

async function open(id: string) {
  const handle = await openSession(id);
  if ('error' in handle) throw new Error(handle.error);
  opened.push(handle);
  return useDocumentStore.getState().session!;
}

const readsOf = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([, mode]) => mode === 'readonly').length;

describe('opening a session whose address was just followed', () => {
  it('takes the read started when the address changed, instead of reading it again', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    preloadSession('atelier-a');
    expect((await open('atelier-a')).title).toBe('Atelier A');
    expect(readsOf(transaction)).toBe(1);
  });

  it('opens the session asked for, not another one read before', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    await saveSession(getDb(), dui('atelier-b', 'Atelier B'));
    preloadSession('atelier-a');
    expect((await open('atelier-b')).title).toBe('Atelier B');
  });

  it('reads again when that read is more than a second old (what it read may have changed)', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    preloadSession('atelier-a');
    await new Promise((r) => setTimeout(r, 20));
    await saveSession(getDb(), dui('atelier-a', 'Atelier A, renommé'));
    now.mockReturnValue(2_500);
    expect((await open('atelier-a')).title).toBe('Atelier A, renommé');
  });

  it('a session that is not there: the French message, read ahead or not', async () => {
    preloadSession('absent');
    const handle = await openSession('absent');
    expect(handle).toEqual({ error: "Cet atelier n'existe pas (ou plus) dans ce navigateur." });
  });
});

describe('following a link to a session', () => {
  beforeAll(() => preloadSessionsOnNavigation());
  afterEach(() => {
    document.body.replaceChildren();
    window.location.hash = '';
  });

  /** A link to a session that reads it ahead at its click, as the home page's links do. */
  function link(id: string): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = sessionHref(id);
    a.textContent = id;
    a.addEventListener('click', (e) => preloadOnLinkClick(e, id));
    document.body.append(a);
    return a;
  }
  const settle = () => new Promise((r) => setTimeout(r, 30));

  it('reads the session at the click, before the address changes', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const a = link('atelier-a');
    // The address does not change: only the click can have started the read.
    a.addEventListener('click', (e) => e.preventDefault());
    a.click();
    await settle();
    expect(window.location.hash).toBe('');
    expect(readsOf(transaction)).toBe(1);
    expect((await open('atelier-a')).title).toBe('Atelier A'); // and the page takes it
    expect(readsOf(transaction)).toBe(1);
  });

  it('reads it once for the click and the change of address, and the page takes that read', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    link('atelier-a').click();
    await settle();
    expect(window.location.hash).toBe('#/atelier/atelier-a');
    expect((await open('atelier-a')).title).toBe('Atelier A');
    expect(readsOf(transaction)).toBe(1);
  });

  it('reads the session when the address changes to its page without a click (a session created, the back button)', async () => {
    await saveSession(getDb(), dui('atelier-b', 'Atelier B'));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    window.location.hash = sessionHref('atelier-b');
    await settle();
    expect(readsOf(transaction)).toBe(1);
    expect((await open('atelier-b')).title).toBe('Atelier B');
    expect(readsOf(transaction)).toBe(1);
  });

  it('reads nothing for a click that opens the link elsewhere (Ctrl, a new tab)', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const a = link('atelier-a');
    a.addEventListener('click', (e) => e.preventDefault());
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    const other = link('atelier-a');
    other.target = '_blank';
    other.addEventListener('click', (e) => e.preventDefault());
    other.click();
    await settle();
    expect(readsOf(transaction)).toBe(0);
  });
});

describe('another tab saving while this tab opens the session', () => {
  it('a save announced while the session is being read is followed: the page shows what that tab saved', async () => {
    await saveSession(getDb(), dui('atelier-a', 'Atelier A'));
    const opening = openSession('atelier-a');
    // The other tab writes and says so while this tab is still reading (its read saw the old title).
    const written = saveSession(getDb(), dui('atelier-a', 'Renommé dans l’autre onglet'));
    const otherTab = new BroadcastChannel('cartographies-acia');
    otherTab.postMessage({ type: 'saved', sessionId: 'atelier-a', tabId: 'autre-onglet' });
    otherTab.close();
    const handle = await opening;
    if ('error' in handle) throw new Error(handle.error);
    opened.push(handle);
    await written;
    await vi.waitFor(() => expect(useDocumentStore.getState().session?.title).toBe('Renommé dans l’autre onglet'));
  });
});
