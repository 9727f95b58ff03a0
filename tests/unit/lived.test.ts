import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { layoutConductMap } from '../../src/domain/layout/conduct';
import { slipBars } from '../../src/domain/layout/slips';
import { isUnansweredFeedback, livedFacts, slippage } from '../../src/domain/synthesis';
import type { Relation, Session } from '../../src/domain/types';
import { livedSynthesis } from '../../src/features/synthesis/sentences';
import { slippageText, whenText } from '../../src/i18n/dates';
import { relationDetails, usageBadge, usageWords } from '../../src/i18n/lived';
import { renderActorSvg } from '../../src/render/actorSvg';
import { renderConductSvg } from '../../src/render/conductSvg';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const feedback = (id: string, answer: Relation['answer'], to = 'act-dsi'): Relation => ({ id, from: 'act-pros', to, kind: 'remonte', ...(answer ? { answer } : {}) });

describe('slippage: what was planned against what happened', () => {
  it('is computed from both dates, at the precision both share, never from one alone', () => {
    expect(slippage({ planned: '2021-12', date: '2022-03' })).toEqual({ planned: '2021-12', date: '2022-03', months: 3 });
    expect(slippage({ planned: '2022-06', date: '2022-03' })?.months).toBe(-3);
    expect(slippage({ planned: '2022', date: '2022-03' })).toBeNull();
    expect(slippage({ planned: '2022-03', date: '2022-03' })).toBeNull();
    expect(slippage({ planned: '2022-03' })).toBeNull();
    expect(slippage({ date: '2022-03' })).toBeNull();
  });

  it('is said in French: « prévu en décembre 2021, fait en mars 2022 »', () => {
    expect(slippageText('2021-12', '2022-03')).toBe('prévu en décembre 2021, fait en mars 2022');
    expect(slippageText('2021-12-05', '2022')).toBe('prévu le 5 décembre 2021, fait en 2022');
    expect(slippageText('2023-06')).toBe('prévu en juin 2023');
    expect(whenText('2021')).toBe('en 2021');
  });

  it('draws a bar from the planned date to the step, in its lane, for slipped dated steps only', () => {
    const session = dui();
    const layout = layoutConductMap(session);
    const bars = slipBars(layout, session.steps);
    expect(bars.map((b) => b.id)).toEqual(['step-09', 'step-10']);
    for (const bar of bars) {
      const box = layout.byId.get(bar.id)!;
      const lane = layout.lanes.find((l) => l.id === session.steps.find((s) => s.id === bar.id)!.laneId)!;
      expect(bar.late).toBe(true);
      expect(bar.y).toBeGreaterThan(box.y + box.height);
      expect(bar.y).toBeLessThan(lane.y + lane.height);
    }
    // Step 10, planned for December 2021 and done in April 2022: four months wide on a yearly axis.
    expect(bars[1]!.width).toBeCloseTo((260 / 12) * 4, 0);
  });
});

describe('the facts of the project as it was lived (DUI example)', () => {
  const facts = livedFacts(dui());

  it('steps 9 and 10 slipped', () => {
    expect(facts.slipped).toEqual([
      { number: 9, planned: '2021', date: '2022', months: 12 },
      { number: 10, planned: '2021-12', date: '2022-04', months: 4 },
    ]);
  });

  it('the coordinators do not use the tool (disappointed) though they pilot the reorganisation (step 9); the professionals use it partly', () => {
    expect(facts.nonUsers).toEqual([
      { id: 'act-coord', name: 'Coordinateurs et coordinatrices de services', reason: 'decu', note: 'Les tableaux de suivi attendus ne sont pas arrivés.', steps: [9] },
    ]);
    expect(facts.partialUsers.map((a) => a.id)).toEqual(['act-pros']);
  });

  it('one feedback without an answer', () => {
    expect(facts.feedback).toMatchObject({ total: 1, outOfScope: 0, judge: null });
    expect(facts.feedback.unanswered).toEqual([{ id: 'rel-08', from: 'act-pros', to: 'act-referents', outOfScope: false }]);
  });

  it('documents by kind, in the order of the kinds, each with its step', () => {
    expect(facts.documents.map((d) => [d.kind, d.items.map((i) => i.number)])).toEqual([
      ['appel-a-projets', [2]], ['cahier-des-charges', [5]], ['devis', [5]], ['compte-rendu', [3]],
    ]);
  });

  it('notes by aspect', () => {
    expect(facts.aspects).toEqual([
      { aspect: 'conditions', notes: ['note-05'] },
      { aspect: 'contenu', notes: ['note-01'] },
      { aspect: 'expression', notes: ['note-02', 'note-05'] },
      { aspect: 'qualite-travail', notes: ['note-01'] },
    ]);
  });

  it('events are the event kinds', () => {
    const session = dui();
    expect(livedFacts(session).events).toEqual([{ number: 12, kind: 'contournement' }]);
    const steps = session.steps.map((s, i) => (i === 10 ? { ...s, kind: 'incident' as const } : s));
    expect(livedFacts({ ...session, steps }).events).toEqual([{ number: 11, kind: 'incident' }, { number: 12, kind: 'contournement' }]);
    expect(livedFacts({ ...session, steps: session.steps.slice(0, 11) }).events).toEqual([]);
  });

  it('a non-user who takes part in a step is said to', () => {
    const session = dui();
    const steps = session.steps.map((s, i) => (i === 7 ? { ...s, participants: [...s.participants, { actorId: 'act-coord', role: 'informe' as const }] } : s));
    expect(livedFacts({ ...session, steps }).nonUsers[0]!.steps).toEqual([8, 9]);
    expect(livedSynthesis({ ...session, steps }).nonUse.text).toContain('Coordinateurs et coordinatrices de services prend part aux étapes 8 et 9');
    const apart = session.steps.map((s) => ({ ...s, participants: s.participants.filter((p) => p.actorId !== 'act-coord') }));
    expect(livedSynthesis({ ...session, steps: apart }).nonUse.text).toContain('Il ne prend part à aucune étape du projet.');
  });
});

describe('unanswered feedback', () => {
  it('counts those without an answer, out of scope included, and who judged them when it is one actor', () => {
    const session = dui();
    const relations = [...session.relations, feedback('f1', 'hors-perimetre'), feedback('f2', 'hors-perimetre'), feedback('f3', 'repondu'), feedback('f4', undefined)];
    const facts = livedFacts({ ...session, relations });
    expect(facts.feedback.total).toBe(5);
    expect(facts.feedback.unanswered.map((r) => r.id)).toEqual(['rel-08', 'f1', 'f2']);
    expect(facts.feedback.outOfScope).toBe(2);
    expect(facts.feedback.judge).toEqual({ id: 'act-dsi', name: 'DSI du groupement', category: 'dsi' });
    expect(livedSynthesis({ ...session, relations }).feedback.text).toBe('3 remontées sans réponse sur 5, dont 2 jugées hors périmètre par la DSI.');
  });

  it('leaves the judge out when several actors judged', () => {
    const session = dui();
    const relations = [feedback('f1', 'hors-perimetre'), feedback('f2', 'hors-perimetre', 'act-editeur'), feedback('f3', 'sans-reponse')];
    expect(livedSynthesis({ ...session, relations }).feedback.text).toBe('3 remontées sans réponse, dont 2 jugées hors périmètre.');
    expect(livedSynthesis({ ...session, relations: [feedback('f1', 'hors-perimetre', 'act-editeur')] }).feedback.text).toBe(
      '1 remontée sans réponse, jugée hors périmètre par Éditeur du logiciel.',
    );
    expect(livedSynthesis({ ...session, relations: [feedback('f1', 'repondu')] }).feedback.text).toBe('Aucune remontée sans réponse (1 remontée).');
  });

  it('only feedback is a broken loop', () => {
    expect(isUnansweredFeedback({ kind: 'remonte', answer: 'sans-reponse' })).toBe(true);
    expect(isUnansweredFeedback({ kind: 'remonte', answer: 'partiel' })).toBe(false);
    expect(isUnansweredFeedback({ kind: 'informe', answer: 'sans-reponse' })).toBe(false);
  });
});

describe('the Synthèse in words', () => {
  const s = livedSynthesis(dui());

  it('says what slipped', () => {
    expect(s.time.text).toContain('étape 10 (prévu en décembre 2021, fait en avril 2022, environ 4 mois de retard)');
    expect(s.time.text).toContain('Événements\u00a0: étape 12 (contournement).');
    expect(s.time.steps).toEqual([9, 10, 12]);
  });

  it('says who does not use the tool, why, and the steps they took part in', () => {
    expect(s.nonUse.text).toContain("Un acteur n'utilise pas l'outil\u00a0: Coordinateurs et coordinatrices de services (déçu·e\u00a0: «\u202fLes tableaux de suivi attendus ne sont pas arrivés.\u202f»).");
    expect(s.nonUse.text).toContain("Coordinateurs et coordinatrices de services prend part à l'étape 9.");
    expect(s.nonUse.steps).toEqual([9]);
    expect(s.nonUse.text).toContain('Usage partiel\u00a0: Professionnel·les');
  });

  it('lists the documents by kind and the notes by aspect, in French', () => {
    expect(s.documents[0]).toEqual({ kind: 'Appel à projets', items: [{ title: "Dossier de réponse à l'appel à projets ARS", number: 2 }] });
    expect(s.aspects.map((a) => a.aspect)).toEqual(['Conditions de travail', 'Contenu du travail', "Capacité d'expression et d'action", 'Qualité du travail']);
  });
});

describe('use and relations in words', () => {
  it('names the use, its reason and the details of a relation', () => {
    expect(usageWords({ usage: 'non-utilisateur', nonUsage: 'decu' })).toBe('Non-utilisateur·rice (déçu·e)');
    expect(usageWords({})).toBe('');
    expect(usageBadge({ usage: 'non-utilisateur', nonUsage: 'exclu' })).toBe('Non-usage : exclu·e');
    expect(usageBadge({ usage: 'utilisateur' })).toBeNull();
    expect(relationDetails({ kind: 'remonte', channel: 'oral', formality: 'observee', answer: 'sans-reponse' })).toBe('canal Oral, observée (informelle), suite donnée : Sans réponse');
  });
});

describe('the SVG renderers draw what was lived', () => {
  it('the conduct map: a bar for each slipped step, events hatched with a double border, the slippage in the chronology', () => {
    const session = dui();
    const steps = session.steps.map((s, i) => (i === 10 ? { ...s, kind: 'incident' as const } : s));
    const { svg } = renderConductSvg({ ...session, steps });
    expect(svg.match(/<g class="slip">/g)).toHaveLength(2);
    expect(svg.match(/<g class="step event"/g)).toHaveLength(2);
    expect(svg).toContain('url(#event-hatch)');
    expect(svg.match(/class="event-border"/g)).toHaveLength(2);
    // The chronology's lines are wrapped: read its words without the markup.
    expect(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('prévu en décembre 2021, fait en avril 2022');
  });

  it('the actor map: the non-user hatched with its badge, the unanswered feedback an open loop, both in the legend', () => {
    const { svg } = renderActorSvg(dui());
    expect(svg).toContain('<g class="actor non-user">');
    expect(svg).toContain('<g class="actor partial-user">');
    expect(svg).toContain('Non-usage : déçu·e');
    expect(svg.match(/class="open-loop"/g)).toHaveLength(1);
    expect(svg).toContain('Remontée sans réponse');
    expect(svg).toContain('<desc>canal Oral, observée (informelle), suite donnée : Sans réponse</desc>');
  });
});
