import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { createSession } from '../../src/domain/session';
import { delayText, synthesize } from '../../src/features/synthesis/sentences';
import type { Session } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

describe('the Synthèse of the DUI example', () => {
  const s = synthesize(dui());

  it('users first take part at step 3', () => {
    expect(s.figures.firstUserStep).toBe(3);
    expect(s.users.text).toContain("pour la première fois à l'étape 3");
    expect(s.users.steps[0]).toBe(3);
    expect(s.users.text).toContain('formation');
  });

  it('steps 2, 3 and 5 carry documents', () => {
    expect(s.documents.steps).toEqual([2, 3, 5]);
    expect(s.documents.text).toContain('3 étapes sur 12 (25\u202f%)');
    expect(s.documents.text).toContain('Sans document\u00a0: 1, 4, 6, 7, 8, 9, 10, 11 et 12');
  });

  it('the CSE takes part in no step', () => {
    expect(s.figures.staffRepresentativesInvolved).toBe(false);
    expect(s.staffRepresentatives.text).toContain('ne prennent part à aucune étape');
    expect(s.uninvolvedActors.actors).toContain('act-cse');
    expect(s.uninvolvedActors.text).toContain('CSE');
    expect(s.uninvolvedActors.text).toMatch(/^1 acteur de la cartographie ne prend part à aucune étape\s:\sCSE\.$/);
    const two = synthesize({ ...dui(), actors: [...dui().actors, { id: 'act-x', name: 'Médecin coordonnateur', category: 'encadrement' }] });
    expect(two.uninvolvedActors.text).toMatch(/^2 acteurs de la cartographie ne prennent part à aucune étape\s:\sCSE et Médecin coordonnateur\.$/);
  });

  it('has no evaluation step, and says what follows the last training', () => {
    expect(s.evaluation.steps).toEqual([]);
    expect(s.evaluation.text).toBe("Aucune étape d'évaluation ou de retour d'expérience.");
    expect(s.afterTraining.text).toContain('dernière formation (étape 10)');
    expect(s.afterTraining.steps).toEqual([11, 12]);
  });
});

describe('edge cases', () => {
  const empty = createSession({ title: 'Vide', establishment: { name: '' }, project: { name: '' } });

  it('a session without steps says so', () => {
    const s = synthesize(empty);
    expect(s.users.text).toContain('Aucune étape');
    expect(s.figures.firstUserStep).toBeNull();
    expect(s.afterTraining.text).toBe('Aucune étape de formation.');
  });

  it('no users and no dates', () => {
    const session: Session = {
      ...empty,
      lanes: [{ id: 'l', label: 'Direction' }],
      steps: [
        { id: 'a', title: 'Décision', laneId: 'l', kind: 'lancement', markers: [], participants: [] },
        { id: 'b', title: 'Choix', laneId: 'l', kind: 'choix-solution', markers: [], participants: [] },
      ],
    };
    const s = synthesize(session);
    expect(s.users.text).toBe('Les utilisateur·rices ne prennent part à aucune étape.');
    expect(s.documents.text).toContain('0 étape sur 2');
  });

  it('a CSE consulted counts as staff representatives informed', () => {
    const d = dui();
    const session = { ...d, steps: d.steps.map((st, i) => (i === 8 ? { ...st, markers: [...st.markers, 'irp-consultees' as const] } : st)) };
    expect(synthesize(session).staffRepresentatives.steps).toEqual([9]);
    expect(synthesize(session).staffRepresentatives.text).toBe(
      'Les représentant·es du personnel (CSE, IRP) ne prennent part à aucune étape et sont informé·es ou consulté·es à 1 étape (9).',
    );
  });

  it('says when users first took part as a person would write the date', () => {
    const d = dui();
    const session = { ...d, steps: d.steps.map((st, i) => (i === 2 ? { ...st, date: '2019-05' } : st)) };
    expect(synthesize(session).users.text).toContain("pour la première fois à l'étape 3 (mai 2019)");
  });

  it('taking part and being informed are told apart', () => {
    const d = dui();
    const cse = d.actors.find((a) => a.category === 'representants-personnel')!.id;
    const session = {
      ...d,
      steps: d.steps.map((st, i) =>
        i === 3 ? { ...st, participants: [...st.participants, { actorId: cse, role: 'contribue' as const }] }
        : i === 6 ? { ...st, participants: [...st.participants, { actorId: cse, role: 'informe' as const }] }
        : st),
    };
    const s = synthesize(session);
    expect(s.staffRepresentatives.text).toBe(
      'Les représentant·es du personnel (CSE, IRP) prennent part à 1 étape (4) et sont informé·es ou consulté·es à 1 étape (7).',
    );
    expect(s.staffRepresentatives.steps).toEqual([4, 7]);
  });

  it('delays between partial dates', () => {
    expect(delayText('2018', '2022-04')).toBe('environ 4 ans');
    expect(delayText('2022-01', '2022-04')).toBe('environ 3 mois');
    expect(delayText(undefined, '2022')).toBeNull();
  });
});

describe('users are the end users, not their relays', () => {
  it('a step where only the référent·es and management take part does not count as users taking part', async () => {
    const { synthesisFacts } = await import('../../src/domain/synthesis');
    const s = dui();
    const relaysOnly = {
      ...s,
      steps: s.steps.map((step) => ({
        ...step,
        markers: step.markers.filter((m) => m !== 'utilisateurs-impliques'),
        participants: step.participants.filter((p) => ['act-referents', 'act-coord'].includes(p.actorId)),
      })),
    };
    expect(relaysOnly.steps.some((step) => step.participants.length > 0)).toBe(true);
    expect(synthesisFacts(relaysOnly).users.steps).toEqual([]);
    const withPros = { ...relaysOnly, steps: relaysOnly.steps.map((step, i) => (i === 6 ? { ...step, participants: [{ actorId: 'act-pros', role: 'contribue' as const }] } : step)) };
    expect(synthesisFacts(withPros).users.steps).toEqual([7]);
  });
});
