import { describe, expect, it } from 'vitest';
import { addStep } from '../../src/domain/commands/conduct';
import { draftFromStep, emptyStepDraft, stepFromDraft, stepDraftProblems, type StepDraft } from '../../src/domain/commands/stepInput';
import { validateStepDraft } from '../../src/features/conduct-map/messages';
import { parseSessionFile, validateSession } from '../../src/domain/format/file';
import { stepSchema } from '../../src/domain/format/schema';
import type { Session } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const LANES = ['lane-direction', 'lane-pros'];
const DATE_HELP = 'Date invalide : écrivez une année (2022), un mois (2022-04) ou un jour (2022-04-15).';
const draft = (extra: Partial<StepDraft> = {}): StepDraft => ({ ...emptyStepDraft('lane-pros'), title: 'Formation des référent·es', ...extra });
const errorsOf = (extra: Partial<StepDraft>) => validateStepDraft(draft(extra), LANES);

describe('the step editor’s fields', () => {
  it('a new draft is empty, in the chosen lane, of kind « autre »', () => {
    expect(emptyStepDraft('lane-pros')).toEqual({
      title: '', description: '', date: '', endDate: '', dateLabel: '', laneId: 'lane-pros', kind: 'autre', markers: [], participants: [],
      planned: '', documents: [],
    });
  });

  it('an existing step opens with its values, and saving it unchanged gives the same step', () => {
    const s = dui();
    for (const step of s.steps) {
      const d = draftFromStep(step);
      expect(validateStepDraft(d, s.lanes.map((l) => l.id))).toEqual({});
      expect(stepFromDraft(d, step.id)).toEqual(step);
    }
    const d = draftFromStep(s.steps[8]!);
    expect(d).toMatchObject({ title: 'Réorganisation des services', date: '2022', dateLabel: 'Début 2022', endDate: '', kind: 'reorganisation' });
    d.participants.push({ actorId: 'act-cse', role: 'informe' });
    expect(s.steps[8]!.participants).toHaveLength(2); // editing the draft never touches the step
  });
});

describe('validation messages, in French', () => {
  it('a valid draft has no error', () => {
    expect(errorsOf({ date: '2022-04-15', endDate: '2022-06', dateLabel: 'Printemps 2022', description: 'Par l’éditeur.' })).toEqual({});
  });

  it('the title is required and at most 200 characters (an emoji counts as one)', () => {
    expect(errorsOf({ title: '   ' }).title).toBe('Le titre est obligatoire.');
    expect(errorsOf({ title: 'x'.repeat(201) }).title).toBe('Le titre ne doit pas dépasser 200 caractères.');
    expect(errorsOf({ title: 'x'.repeat(200) }).title).toBeUndefined();
    expect(errorsOf({ title: '🙂'.repeat(200) }).title).toBeUndefined();
    expect(errorsOf({ title: `  ${'x'.repeat(200)}  ` }).title).toBeUndefined();
  });

  it('a date must be a year, a month or a day', () => {
    for (const bad of ['2022-13', '18', 'avril 2022', '2022-4', '2022/04/15', '0/2022', '32/01/2022']) {
      expect(errorsOf({ date: bad }).date, bad).toBe(DATE_HELP);
    }
    for (const good of ['2022', '2022-04', '2022-04-15', ' 2022 ']) expect(errorsOf({ date: good }).date, good).toBeUndefined();
  });

  it('an impossible day is named', () => {
    expect(errorsOf({ date: '2023-02-30' }).date).toBe("Ce jour n'existe pas : 2023-02-30.");
    expect(errorsOf({ date: '29/02/2023' }).date).toBe("Ce jour n'existe pas : 29/02/2023.");
    expect(errorsOf({ date: '2024-02-29' }).date).toBeUndefined(); // leap year
    expect(errorsOf({ date: '2022-04-15', endDate: '2022-04-31' }).endDate).toBe("Ce jour n'existe pas : 2022-04-31.");
  });

  it('an end date needs a start date and is not before it (compared at the precision both share)', () => {
    expect(errorsOf({ endDate: '2022' }).endDate).toBe('Une date de fin demande une date de début.');
    expect(errorsOf({ date: '2022-04', endDate: '2021-12' }).endDate).toBe(
      'La date de fin (2021-12) est avant la date de début (2022-04).',
    );
    expect(errorsOf({ date: '2022-04', endDate: '2022' }).endDate).toBeUndefined();
    expect(errorsOf({ date: '2022-04-15', endDate: '2022-04-15' }).endDate).toBeUndefined();
    expect(errorsOf({ date: '2022-04', endDate: '2022-13' }).endDate).toBe(DATE_HELP);
  });

  it('limits the date label and the description', () => {
    expect(errorsOf({ dateLabel: 'x'.repeat(61) }).dateLabel).toBe('Le libellé de date ne doit pas dépasser 60 caractères.');
    expect(errorsOf({ dateLabel: 'x'.repeat(60) }).dateLabel).toBeUndefined();
    expect(errorsOf({ description: 'x'.repeat(5001) }).description).toBe('La description ne doit pas dépasser 5\u202f000 caractères.');
    expect(errorsOf({ description: `${'x'.repeat(5000)}\n\n` }).description).toBeUndefined(); // trimmed when saved
  });

  it('the lane must be one of the map’s lanes', () => {
    expect(validateStepDraft(draft({ laneId: 'lane-supprime' }), LANES).laneId).toBe('Choisissez un couloir.');
    expect(validateStepDraft(draft({ laneId: '' }), LANES).laneId).toBe('Choisissez un couloir.');
  });

  it('an actor takes part in a step only once', () => {
    const participants = [{ actorId: 'act-pros', role: 'pilote' as const }, { actorId: 'act-pros', role: 'informe' as const }];
    expect(errorsOf({ participants }).participants).toBe("Un même acteur ne peut participer qu'une fois à une étape.");
    expect(errorsOf({ participants: participants.slice(0, 1) }).participants).toBeUndefined();
  });

  it('reports every problem at once', () => {
    expect(Object.keys(validateStepDraft(draft({ title: '', date: '18', dateLabel: 'x'.repeat(61), laneId: 'x' }), LANES)).sort()).toEqual(
      ['dateLabel', 'date', 'laneId', 'title'].sort(),
    );
  });
});

describe('French-style dates', () => {
  it('accepts 04/2022 and 15/04/2022 and saves them as 2022-04 and 2022-04-15', () => {
    expect(errorsOf({ date: '15/04/2022', endDate: '04/2022' })).toEqual({});
    const step = stepFromDraft(draft({ date: '15/04/2022', endDate: '5/5/2022' }), 'x');
    expect(step.date).toBe('2022-04-15');
    expect(step.endDate).toBe('2022-05-05');
    expect(stepFromDraft(draft({ date: '04/2022' }), 'x').date).toBe('2022-04');
  });

  it('compares them as dates, and quotes them as typed', () => {
    expect(errorsOf({ date: '15/04/2022', endDate: '01/2022' }).endDate).toBe(
      'La date de fin (01/2022) est avant la date de début (15/04/2022).',
    );
  });
});

describe('turning a draft into a step', () => {
  it('trims, omits empty optional fields, and gives a step the format accepts', () => {
    const step = stepFromDraft(
      draft({ title: '  Formation  ', description: '   ', date: '', endDate: ' ', dateLabel: '  ', markers: ['documents', 'documents'] }),
      'etape-1',
    );
    expect(step).toEqual({ id: 'etape-1', title: 'Formation', laneId: 'lane-pros', kind: 'autre', markers: ['documents'], participants: [] });
    expect(Object.keys(step)).not.toContain('description');
    expect(stepSchema.safeParse(step).success).toBe(true);
  });

  it('a step typed in the editor joins the DUI map at its date and the session stays valid', () => {
    const s = dui();
    const d = draft({
      title: 'Information du CSE', date: '03/2022', dateLabel: 'Mars 2022', kind: 'dialogue-social', markers: ['irp-consultees'],
      participants: [{ actorId: 'act-cse', role: 'informe' }],
    });
    expect(validateStepDraft(d, s.lanes.map((l) => l.id))).toEqual({});
    const next = addStep(s, stepFromDraft(d, 'etape-cse'));
    expect(next.steps.findIndex((x) => x.id === 'etape-cse') + 1).toBe(10); // after « Début 2022 », before April 2022
    expect(validateSession(next).ok).toBe(true);
  });
});

describe('the domain gives codes, the words come from i18n', () => {
  it('problems are codes with their values', () => {
    expect(stepDraftProblems(draft({ title: ' ', date: '2022-02-30', endDate: '2021-13' }), LANES)).toEqual({
      title: { code: 'required' },
      date: { code: 'no-such-day', value: '2022-02-30' },
      endDate: { code: 'bad-date' },
    });
    expect(stepDraftProblems(draft({ date: '2022', endDate: '2021', laneId: 'x' }), LANES)).toEqual({
      endDate: { code: 'end-before-start', end: '2021', start: '2022' },
      laneId: { code: 'unknown-lane' },
    });
  });
});

describe('what was planned and the documents (format 2)', () => {
  it('a planned date is checked like a date and kept; documents listed make the step attested', () => {
    const draft = { ...emptyStepDraft('lane-pros'), title: 'Nouvelle session de formation', date: '04/2022', planned: '12/2021' };
    expect(stepDraftProblems({ ...draft, planned: '31/02/2021' }, ['lane-pros'])).toEqual({ planned: { code: 'no-such-day', value: '31/02/2021' } });
    const step = stepFromDraft({ ...draft, documents: [{ title: ' Support de formation ', kind: 'support-formation' }, { title: ' ', kind: 'autre' }] }, 's1');
    expect(step).toMatchObject({ date: '2022-04', planned: '2021-12', documents: [{ title: 'Support de formation', kind: 'support-formation' }], markers: ['documents'] });
    expect('documents' in stepFromDraft(draft, 's2')).toBe(false);
  });
});
