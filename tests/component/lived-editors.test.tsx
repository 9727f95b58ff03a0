// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { ActorEditor, RelationEditor } from '../../src/features/actor-map/ActorDialogs';
import { StepEditor } from '../../src/features/conduct-map/StepEditor';
import { NoteEditor } from '../../src/features/notes/NoteForm';
import { useDocumentStore } from '../../src/state/documentStore';
import { useViewStore } from '../../src/state/viewStore';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const doc = () => useDocumentStore.getState().session!;
const stepNumbered = (id: string) => doc().steps.findIndex((s) => s.id === id) + 1;

beforeEach(() => {
  useDocumentStore.getState().load(dui());
  useViewStore.setState({ announcement: '', selection: [] });
});
afterEach(cleanup);

describe('the step editor, format 2', () => {
  it('offers the event kinds, grouped as events', () => {
    render(<StepEditor session={doc()} step={doc().steps[10]} number={11} onClose={() => undefined} />);
    const kinds = screen.getByRole('combobox', { name: "Type d'étape" });
    const events = within(kinds).getByRole('group', { name: 'Événements' });
    expect(within(events).getAllByRole('option').map((o) => o.textContent?.replace(/^\S+ /, ''))).toEqual(['Incident', 'Report', 'Contournement', 'Refus']);
    for (const name of ['Incident', 'Report', 'Contournement', 'Refus']) expect(within(kinds).getByRole('option', { name: new RegExp(`${name}$`) })).toBeTruthy();
  });

  it('saves a planned date beside the date, and clears it', async () => {
    const user = userEvent.setup();
    const step = doc().steps[10]!;
    render(<StepEditor session={doc()} step={step} number={11} onClose={() => undefined} />);
    await user.type(screen.getByRole('textbox', { name: 'Date prévue' }), '12/2021');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().steps.find((s) => s.id === step.id)!.planned).toBe('2021-12');

    cleanup();
    render(<StepEditor session={doc()} step={doc().steps.find((s) => s.id === step.id)} number={11} onClose={() => undefined} />);
    expect(screen.getByRole('textbox', { name: 'Date prévue' })).toHaveValue('2021-12');
    await user.clear(screen.getByRole('textbox', { name: 'Date prévue' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().steps.find((s) => s.id === step.id)!.planned).toBeUndefined();
  });

  it('refuses a planned date that is not one, in French', async () => {
    const user = userEvent.setup();
    render(<StepEditor session={doc()} step={doc().steps[10]} number={11} onClose={() => undefined} />);
    await user.type(screen.getByRole('textbox', { name: 'Date prévue' }), 'bientôt');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByRole('textbox', { name: 'Date prévue' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Date prévue' })).toHaveAccessibleDescription(/Date invalide/);
    expect(doc().steps[10]!.planned).toBeUndefined();
  });

  it('adds and removes named documents with a kind; a listed document marks the step attested', async () => {
    const user = userEvent.setup();
    const step = doc().steps[10]!;
    render(<StepEditor session={doc()} step={step} number={11} onClose={() => undefined} />);
    const group = screen.getByRole('group', { name: 'Documents' });
    await user.click(within(group).getByRole('button', { name: 'Ajouter un document' }));
    await user.type(within(group).getByRole('textbox', { name: 'Intitulé du document 1' }), 'Tickets des remontées');
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Type du document 1' }), 'Autre document');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const saved = doc().steps.find((s) => s.id === step.id)!;
    expect(saved.documents).toEqual([{ title: 'Tickets des remontées', kind: 'autre' }]);
    expect(saved.markers).toContain('documents');

    await user.click(within(group).getByRole('button', { name: 'Retirer le document « Tickets des remontées »' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().steps.find((s) => s.id === step.id)!.documents).toBeUndefined();
    expect(stepNumbered(step.id)).toBe(11);
  });
});

describe('the actor editor: use and non-use', () => {
  it('sets a non-user with a reason and a remark; the reason goes when the actor becomes a user', async () => {
    const user = userEvent.setup();
    const actor = () => doc().actors.find((a) => a.id === 'act-dsi')!;
    render(<ActorEditor session={doc()} actor={actor()} />);
    expect(screen.queryByRole('combobox', { name: 'Raison de non-usage' })).toBeNull();
    const usage = screen.getByRole('combobox', { name: 'Usage' });
    expect(within(usage).getAllByRole('option').map((o) => o.textContent)).toEqual(['Non renseigné', 'Utilisateur·rice', 'Usage partiel', 'Non-utilisateur·rice']);
    await user.selectOptions(usage, 'Non-utilisateur·rice');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Raison de non-usage' }), 'Résistant·e');
    await user.type(screen.getByRole('textbox', { name: "Remarque sur l'usage" }), 'Préfère ses tableurs');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(actor()).toMatchObject({ usage: 'non-utilisateur', nonUsage: 'resistant', usageNote: 'Préfère ses tableurs' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Usage' }), 'Utilisateur·rice');
    expect(screen.queryByRole('combobox', { name: 'Raison de non-usage' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(actor().usage).toBe('utilisateur');
    expect(actor().nonUsage).toBeUndefined();
    expect(actor().usageNote).toBe('Préfère ses tableurs');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Usage' }), 'Non renseigné');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(actor().usage).toBeUndefined();
    expect(actor().usageNote).toBeUndefined();
  });
});

describe('the relation editor: channel, formality, answer', () => {
  it('sets them; Suite donnée only for feedback', async () => {
    const user = userEvent.setup();
    const relation = (id: string) => doc().relations.find((r) => r.id === id)!;
    render(<RelationEditor session={doc()} relation={relation('rel-04')} />);
    expect(screen.queryByRole('combobox', { name: 'Suite donnée' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Canal' }), 'Téléphone');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Formalité' }), 'Observée (informelle)');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(relation('rel-04')).toMatchObject({ channel: 'telephone', formality: 'observee' });
    cleanup();

    render(<RelationEditor session={doc()} relation={relation('rel-08')} />);
    const answer = screen.getByRole('combobox', { name: 'Suite donnée' });
    expect(within(answer).getAllByRole('option').map((o) => o.textContent)).toEqual(['Non renseignée', 'Répondu', 'Réponse partielle', 'Sans réponse', 'Hors périmètre']);
    expect(answer).toHaveValue('sans-reponse');
    await user.selectOptions(answer, 'Hors périmètre');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(relation('rel-08').answer).toBe('hors-perimetre');
    // No longer feedback: the answer goes.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type de relation' }), 'informe');
    expect(screen.queryByRole('combobox', { name: 'Suite donnée' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(relation('rel-08').kind).toBe('informe');
    expect(relation('rel-08').answer).toBeUndefined();
  });
});

describe('the note editor: aspects', () => {
  it('ticks and unticks the aspects of working life and the qualities', async () => {
    const user = userEvent.setup();
    const note = () => doc().notes.find((n) => n.id === 'note-03')!;
    render(<NoteEditor session={doc()} note={note()} />);
    const group = screen.getByRole('group', { name: 'Aspects' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(6);
    await user.click(within(group).getByRole('checkbox', { name: 'Qualité des données' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Conditions de travail' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(note().aspects).toEqual(['conditions', 'qualite-donnees']);
    await user.click(within(group).getByRole('checkbox', { name: 'Conditions de travail' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Qualité des données' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(note().aspects).toBeUndefined();
  });
});
