// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateActor, updateRelation } from '../../src/domain/commands/actors';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { ActorEditor, RelationEditor } from '../../src/features/actor-map/ActorDialogs';
import { NoteEditor } from '../../src/features/notes/NoteForm';
import { updateNote } from '../../src/domain/commands/notes';
import { replaceDocument, useDocumentStore } from '../../src/state/documentStore';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const doc = () => useDocumentStore.getState().session!;

/** The editors as the actor map shows them: they follow the object in the document. */
function Actor({ id }: { id: string }) {
  const session = useDocumentStore((s) => s.session)!;
  return <ActorEditor session={session} actor={session.actors.find((a) => a.id === id)!} />;
}
function Relation({ id }: { id: string }) {
  const session = useDocumentStore((s) => s.session)!;
  return <RelationEditor session={session} relation={session.relations.find((r) => r.id === id)!} />;
}

function NoteOf({ id }: { id: string }) {
  const session = useDocumentStore((s) => s.session)!;
  return <NoteEditor session={session} note={session.notes.find((n) => n.id === id)!} />;
}

beforeEach(() => useDocumentStore.getState().load(dui()));
afterEach(cleanup);

describe('the actor and relation editors in the workshop room', () => {
  it('an actor: another laptop saves its name while its description is typed here; saving keeps both', async () => {
    const user = userEvent.setup();
    const id = doc().actors[0]!.id;
    render(<Actor id={id} />);
    const description = screen.getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Tapé ici');
    act(() => replaceDocument(updateActor(doc(), id, { name: 'Nom venu de la salle' })));
    expect(screen.getByRole('textbox', { name: 'Nom' })).toHaveValue('Nom venu de la salle');
    expect(description).toHaveValue('Tapé ici');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().actors[0]).toMatchObject({ name: 'Nom venu de la salle', description: 'Tapé ici' });
    // Saved: the description follows the room again.
    act(() => replaceDocument(updateActor(doc(), id, { description: 'Reprise par la salle' })));
    expect(description).toHaveValue('Reprise par la salle');
  });

  it('a relation: another laptop saves its label while its channel is chosen here; saving keeps both', async () => {
    const user = userEvent.setup();
    const id = doc().relations[0]!.id;
    render(<Relation id={id} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Canal' }), 'messagerie');
    act(() => replaceDocument(updateRelation(doc(), id, { label: 'Libellé venu de la salle' })));
    expect(screen.getByRole('textbox', { name: 'Libellé' })).toHaveValue('Libellé venu de la salle');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().relations[0]).toMatchObject({ label: 'Libellé venu de la salle', channel: 'messagerie' });
  });

  it('a note: another laptop saves its kind while its text is typed here; saving keeps both', async () => {
    const user = userEvent.setup();
    const note = doc().notes[0]!;
    const otherKind = note.kind === 'constat' ? 'question' : 'constat';
    render(<NoteOf id={note.id} />);
    const text = screen.getByRole('textbox', { name: 'Texte de la note' });
    await user.clear(text);
    await user.type(text, 'Texte tapé ici');
    act(() => replaceDocument(updateNote(doc(), note.id, { kind: otherKind })));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().notes[0]).toMatchObject({ text: 'Texte tapé ici', kind: otherKind });
  });
});
