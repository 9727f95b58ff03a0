// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HomePage } from '../../src/features/sessions/HomePage';
import { parseSessionFile } from '../../src/domain/format/file';
import { listSessions, loadSession, saveSession } from '../../src/storage/repository';
import { sessionHref } from '../../src/state/routes';
import { openSession } from '../../src/state/sessionController';
import { renderAt, freshDbPerTest } from './render';

import { exampleText as example } from '../formatExamples';
import { mutate, rng, type Json } from '../fuzz';

const db = freshDbPerTest();

async function storeExample(name: string) {
  const parsed = parseSessionFile(example(name));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  await saveSession(db(), parsed.value.session);
  return parsed.value.session;
}

describe('the creation form', () => {
  it('refuses an empty title with a French reason and creates nothing', async () => {
    const user = userEvent.setup();
    renderAt(<HomePage />);
    await user.click(screen.getByRole('button', { name: 'Nouvel atelier' }));
    const dialog = screen.getByRole('dialog', { name: 'Nouvel atelier' });
    expect(within(dialog).getByRole('textbox', { name: "Titre de l'atelier" })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Créer' }));
    expect(within(dialog).getByText("Le titre de l'atelier est obligatoire.")).toBeVisible();
    expect(within(dialog).getByRole('textbox', { name: "Titre de l'atelier" })).toHaveAttribute('aria-invalid', 'true');
    expect(await listSessions(db())).toEqual([]);
  });

  it('creates a session with its establishment, project, date and trinôme, then opens it', async () => {
    const user = userEvent.setup();
    const { location } = renderAt(<HomePage />);
    await user.click(screen.getByRole('button', { name: 'Nouvel atelier' }));
    const dialog = screen.getByRole('dialog', { name: 'Nouvel atelier' });
    await user.type(within(dialog).getByRole('textbox', { name: "Titre de l'atelier" }), '  Atelier DPI  ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Établissement' }), 'Centre hospitalier de Laval');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: "Type d'établissement" }), 'sanitaire');
    await user.type(within(dialog).getByRole('textbox', { name: 'Région' }), 'Pays de la Loire');
    await user.type(within(dialog).getByRole('textbox', { name: 'Projet numérique' }), 'DPI');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Statut du projet' }), 'en-cours');
    await user.type(within(dialog).getByLabelText("Date de l'atelier"), '2026-03-12');
    await user.type(within(dialog).getByRole('textbox', { name: 'Fonction (DSI)' }), 'Responsable SI');
    await user.type(within(dialog).getByRole('textbox', { name: 'Nom (Représentant·e des salarié·es)' }), 'Awa');
    await user.click(within(dialog).getByRole('button', { name: 'Créer' }));

    await waitFor(() => expect(location.history?.at(-1)).toMatch(/^\/atelier\//));
    const [row] = await listSessions(db());
    expect(row).toBeDefined();
    const loaded = await loadSession(db(), row!.id);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
    expect(loaded.value).toMatchObject({
      title: 'Atelier DPI',
      establishment: { name: 'Centre hospitalier de Laval', kind: 'sanitaire', region: 'Pays de la Loire' },
      project: { name: 'DPI', status: 'en-cours' },
      workshop: { date: '2026-03-12' },
      trinome: [
        { role: 'representant-salaries', name: 'Awa' },
        { role: 'dsi', position: 'Responsable SI' },
      ],
    });
  });
});

describe("a session's link", () => {
  afterEach(() => {
    window.location.hash = '';
    vi.restoreAllMocks();
  });
  const readsOf = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([, mode]) => mode === 'readonly').length;

  it('points at its page, and a click reads the session at once: the page opened then takes that read', async () => {
    const session = await storeExample('minimal.json');
    const user = userEvent.setup();
    renderAt(<HomePage />);
    const link = await screen.findByRole('link', { name: 'Atelier vide' });
    expect(link).toHaveAttribute('href', sessionHref(session.id));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await user.click(link);
    expect(readsOf(transaction)).toBe(1);
    const handle = await openSession(session.id);
    if ('error' in handle) throw new Error(handle.error);
    await handle.close();
    expect(readsOf(transaction)).toBe(1);
  });

  it('a click that opens it elsewhere (Ctrl) reads nothing', async () => {
    await storeExample('minimal.json');
    renderAt(<HomePage />);
    const link = await screen.findByRole('link', { name: 'Atelier vide' });
    link.addEventListener('click', (e) => e.preventDefault()); // the browser would open another tab
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    await new Promise((r) => setTimeout(r, 30));
    expect(readsOf(transaction)).toBe(0);
  });
});

describe('the delete confirmation', () => {
  it('deletes nothing on Annuler, and the session on Supprimer définitivement', async () => {
    await storeExample('minimal.json');
    const user = userEvent.setup();
    renderAt(<HomePage />);
    await user.click(await screen.findByRole('button', { name: 'Actions pour Atelier vide' }));
    await user.click(screen.getByRole('menuitem', { name: 'Supprimer' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Supprimer « Atelier vide » ?' });
    expect(confirm).toHaveTextContent('ne peut pas être annulée');
    await user.click(within(confirm).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await listSessions(db())).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Actions pour Atelier vide' }));
    await user.click(screen.getByRole('menuitem', { name: 'Supprimer' }));
    await user.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));
    await waitFor(async () => expect(await listSessions(db())).toHaveLength(0));
    expect(await screen.findByText(/Aucun atelier pour l'instant/)).toBeVisible();
  });

  it('Échap closes the confirmation without deleting', async () => {
    await storeExample('minimal.json');
    const user = userEvent.setup();
    renderAt(<HomePage />);
    await user.click(await screen.findByRole('button', { name: 'Actions pour Atelier vide' }));
    await user.click(screen.getByRole('menuitem', { name: 'Supprimer' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await listSessions(db())).toHaveLength(1);
  });
});

describe('the import error alert', () => {
  it('names the problem in French and changes nothing', async () => {
    const kept = await storeExample('minimal.json');
    const user = userEvent.setup();
    renderAt(<HomePage />);
    const broken = JSON.parse(example('dui-groupement.json'));
    broken.session.steps[2].laneId = 'couloir-fantome';
    const file = new File([JSON.stringify(broken)], 'dui.acia.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Fichier à importer'), file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Import refusé');
    expect(alert).toHaveTextContent('couloir-fantome');
    const rows = await listSessions(db());
    expect(rows.map((r) => r.id)).toEqual([kept.id]);
  });

  it('refuses a file of a newer version, saying so', async () => {
    const user = userEvent.setup();
    renderAt(<HomePage />);
    const newer = { ...JSON.parse(example('minimal.json')), version: 7 };
    await user.upload(screen.getByLabelText('Fichier à importer'), new File([JSON.stringify(newer)], 'n.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('version plus récente');
    expect(await listSessions(db())).toEqual([]);
  });

  it('imports a valid file and lists it', async () => {
    const user = userEvent.setup();
    renderAt(<HomePage />);
    await user.upload(screen.getByLabelText('Fichier à importer'), new File([example('dui-groupement.json')], 'dui.acia.json', { type: 'application/json' }));
    expect(await screen.findByRole('link', { name: "DUI du groupement — retour d'expérience" })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('an import that ends while Comparer is open imports the session and leaves Comparer open', async () => {
    await storeExample('minimal.json');
    await storeExample('dui-groupement.json');
    const user = userEvent.setup();
    renderAt(<HomePage />);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const file = new File([example('dui-groupement.json').replace('"id": "exemple-dui-groupement"', '"id": "dui-copie"').replace("DUI du groupement — retour d'expérience", 'DUI, seconde lecture')], 'dui.acia.json', { type: 'application/json' });
    const read = file.arrayBuffer.bind(file);
    file.arrayBuffer = async () => (await held, read());
    await user.upload(screen.getByLabelText('Fichier à importer'), file);
    await user.click(await screen.findByRole('button', { name: 'Comparer' }));
    expect(screen.getByRole('dialog', { name: 'Comparer des établissements' })).toBeVisible();
    release();
    expect(await screen.findByRole('link', { name: 'DUI, seconde lecture' })).toBeVisible();
    expect(screen.getByRole('dialog', { name: 'Comparer des établissements' })).toBeVisible();
    expect(within(screen.getByRole('dialog', { name: 'Comparer des établissements' })).getByRole('checkbox', { name: 'DUI, seconde lecture' })).toBeVisible();
  });
});

describe('hostile files through the import button', () => {
  it('40 refused mutations of the example files: each says why in French, and the database keeps exactly what it had', async () => {
    const kept = await storeExample('minimal.json');
    const rowsBefore = await Promise.all([db().sessions.count(), db().steps.count(), db().actors.count(), db().lanes.count(), db().notes.count()]);
    const user = userEvent.setup();
    renderAt(<HomePage />);
    const random = rng(424242);
    const base = JSON.parse(example('dui-groupement.json')) as Json;
    let tried = 0;
    while (tried < 40) {
      const text = JSON.stringify(mutate(mutate(base, random), random));
      const parsed = parseSessionFile(text);
      if (parsed.ok) continue; // a mutation that is still a valid file is not what this test is about
      tried++;
      await user.upload(screen.getByLabelText('Fichier à importer'), new File([text], `mutation-${tried}.acia.json`, { type: 'application/json' }));
      // toHaveTextContent collapses the page's white space, not the expected text's: collapse both.
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(parsed.errors[0]!.message.replace(/\s+/g, ' ')));
      expect(screen.getByRole('alert')).toHaveTextContent('Import refusé');
    }
    const rowsAfter = await Promise.all([db().sessions.count(), db().steps.count(), db().actors.count(), db().lanes.count(), db().notes.count()]);
    expect(rowsAfter).toEqual(rowsBefore);
    expect((await listSessions(db())).map((r) => r.id)).toEqual([kept.id]);
  });
});
