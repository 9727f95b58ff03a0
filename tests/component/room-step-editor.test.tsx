// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateStep } from '../../src/domain/commands/conduct';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { StepEditor } from '../../src/features/conduct-map/StepEditor';
import { replaceDocument, useDocumentStore } from '../../src/state/documentStore';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const doc = () => useDocumentStore.getState().session!;

/** The editor as the conduct map shows it: it follows the step in the document. */
function Editor({ stepId }: { stepId: string }) {
  const session = useDocumentStore((s) => s.session)!;
  const index = session.steps.findIndex((s) => s.id === stepId);
  return <StepEditor session={session} step={session.steps[index]} number={index + 1} onClose={() => undefined} />;
}

beforeEach(() => useDocumentStore.getState().load(dui()));
afterEach(cleanup);

describe('the step editor in the workshop room', () => {
  it('keeps what is being typed when another laptop saves another field of the step, and saving keeps both', async () => {
    const user = userEvent.setup();
    const id = doc().steps[2]!.id;
    render(<Editor stepId={id} />);
    const description = screen.getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Tapé ici');
    // Another laptop's title arrives, as the room applies it (no undo step).
    act(() => replaceDocument(updateStep(doc(), id, { title: 'Titre venu de la salle' })));
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveValue('Titre venu de la salle');
    expect(description).toHaveValue('Tapé ici');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().steps[2]).toMatchObject({ title: 'Titre venu de la salle', description: 'Tapé ici' });
  });

  it('saves only the fields changed in the form, even when it was drawn with a step behind the document', async () => {
    const user = userEvent.setup();
    const drawn = doc();
    const step = drawn.steps[2]!;
    // The form as drawn before another laptop's title arrived (its redraw held back).
    render(<StepEditor session={drawn} step={step} number={3} onClose={() => undefined} />);
    act(() => replaceDocument(updateStep(doc(), step.id, { title: 'Titre venu de la salle' })));
    const description = screen.getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Tapé ici');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().steps[2]).toMatchObject({ title: 'Titre venu de la salle', description: 'Tapé ici' });
  });
});
