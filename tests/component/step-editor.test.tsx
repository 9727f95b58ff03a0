// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { StepEditor } from '../../src/features/conduct-map/StepEditor';
import { undo, useDocumentStore } from '../../src/state/documentStore';
import { useViewStore } from '../../src/state/viewStore';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const doc = () => useDocumentStore.getState().session!;

function renderEditor(props: { stepId?: string } = {}) {
  const session = doc();
  const index = props.stepId ? session.steps.findIndex((s) => s.id === props.stepId) : -1;
  return render(
    <StepEditor session={session} step={index >= 0 ? session.steps[index] : undefined} number={index + 1} onClose={() => undefined} />,
  );
}

beforeEach(() => {
  useDocumentStore.getState().load(dui());
  useViewStore.setState({ announcement: '', selection: [] });
});
afterEach(cleanup);

describe('the step editor', () => {
  it('a new step: the title has the focus, Entrée saves it at its place in the chronology, and the form starts the next one', async () => {
    const user = userEvent.setup();
    renderEditor();
    const title = screen.getByRole('textbox', { name: 'Titre' });
    expect(title).toHaveFocus();
    await user.type(title, 'Consultation du CSE');
    await user.type(screen.getByRole('textbox', { name: 'Date' }), '2019');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Couloir' }), 'CSE / représentant·es du personnel');
    await user.selectOptions(screen.getByRole('combobox', { name: "Type d'étape" }), 'dialogue-social');
    await user.click(screen.getByRole('checkbox', { name: 'IRP consultées' }));
    await user.type(screen.getByRole('textbox', { name: 'Titre' }), '{Enter}');

    const steps = doc().steps;
    expect(steps).toHaveLength(13);
    // 2019 goes after the 2018 steps and before the first step dated later (2022): here after step 8.
    const added = steps.find((s) => s.title === 'Consultation du CSE')!;
    expect(added).toMatchObject({ date: '2019', laneId: 'lane-cse', kind: 'dialogue-social', markers: ['irp-consultees'] });
    expect(steps.indexOf(added)).toBe(8);
    expect(useViewStore.getState().announcement).toBe('Étape 9 ajoutée au couloir CSE / représentant·es du personnel.');
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveFocus();
  });

  it('refuses an empty title, a month 13 and an end before the start, in French, and saves nothing', async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.click(screen.getByRole('button', { name: "Ajouter l'étape" }));
    expect(screen.getByText('Le titre est obligatoire.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByRole('textbox', { name: 'Titre' }), 'Mise à jour');
    await user.type(screen.getByRole('textbox', { name: 'Date' }), '2022-13');
    await user.click(screen.getByRole('button', { name: "Ajouter l'étape" }));
    expect(screen.getByText(/^Date invalide/)).toBeVisible();

    await user.clear(screen.getByRole('textbox', { name: 'Date' }));
    await user.type(screen.getByRole('textbox', { name: 'Date' }), '2022-05');
    await user.type(screen.getByRole('textbox', { name: 'Date de fin' }), '2021');
    await user.click(screen.getByRole('button', { name: "Ajouter l'étape" }));
    expect(screen.getByText('La date de fin (2021) est avant la date de début (2022-05).')).toBeVisible();
    expect(doc().steps).toHaveLength(12);
  });

  it('editing a step is one command: saving changes it, one undo restores it', async () => {
    const user = userEvent.setup();
    renderEditor({ stepId: 'step-03' });
    expect(screen.getByRole('textbox', { name: 'Titre' })).toHaveValue("Constitution d'un groupe de travail");
    expect(screen.getByRole('checkbox', { name: "Documents attestant l'étape" })).toBeChecked();
    await user.clear(screen.getByRole('textbox', { name: 'Titre' }));
    await user.type(screen.getByRole('textbox', { name: 'Titre' }), 'Groupe de travail DUI');
    await user.type(screen.getByRole('textbox', { name: 'Date' }), '2019');
    // (Its documents are listed: the step stays attested, so another marker is unticked.)
    await user.click(screen.getByRole('checkbox', { name: 'Utilisateur·rices impliqué·es' }));
    const participants = screen.getByRole('group', { name: 'Participants' });
    await user.click(within(participants).getByRole('button', { name: /Retirer Directrice/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const step = doc().steps[2]!;
    expect(step).toMatchObject({ title: 'Groupe de travail DUI', date: '2019', markers: ['documents'] });
    expect(step.participants.map((p) => p.actorId)).toEqual(['act-groupement', 'act-gt', 'act-dsi']);
    undo();
    expect(doc().steps[2]!.title).toBe("Constitution d'un groupe de travail");
    expect(doc().steps[2]!.participants).toHaveLength(4);
  });

  it('a step changed under the open form (saved, then undone) shows in the same fields, where the focus stays', async () => {
    const user = userEvent.setup();
    const { rerender } = renderEditor({ stepId: 'step-03' });
    const show = () => rerender(<StepEditor session={doc()} step={doc().steps[2]} number={3} onClose={() => undefined} />);
    const title = screen.getByRole('textbox', { name: 'Titre' });
    await user.clear(title);
    await user.type(title, 'Groupe de travail DUI{Enter}');
    show();
    expect(screen.getByRole('textbox', { name: 'Titre' })).toBe(title);
    expect(title).toHaveFocus();
    expect(title).toHaveValue('Groupe de travail DUI');
    undo();
    show();
    expect(title).toHaveValue("Constitution d'un groupe de travail");
    expect(title).toHaveFocus();
  });

  it('a participant can be added with a role', async () => {
    const user = userEvent.setup();
    renderEditor({ stepId: 'step-01' });
    await user.click(screen.getByRole('button', { name: 'Ajouter un participant' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Acteur du participant 2' }), 'CSE');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rôle de CSE' }), 'informe');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(doc().steps[0]!.participants).toEqual([
      { actorId: 'act-direction', role: 'pilote' },
      { actorId: 'act-cse', role: 'informe' },
    ]);
  });
});
