/**
 * Deterministic sessions for the benchmark: `steps` steps, a third as many actors, lanes by
 * tens, relations, links and notes in proportion, dated in order; valid per the format.
 */
import { ACTOR_CATEGORIES, MARKERS, RELATION_KINDS, STEP_KINDS } from '../src/domain/enums';
import { validateSession } from '../src/domain/format/file';
import type { Session } from '../src/domain/types';

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSession(steps: number, seed = 42): Session {
  const r = rng(seed + steps);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const actorCount = Math.max(3, Math.round(steps / 3));
  const laneCount = Math.min(100, Math.max(2, Math.ceil(steps / 10)));
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    id: `a${i}`,
    name: `Acteur ${i + 1}`,
    category: ACTOR_CATEGORIES[i % ACTOR_CATEGORIES.length]!,
    position: { x: (i % 12) * 280, y: Math.floor(i / 12) * 160 },
  }));
  const lanes = Array.from({ length: laneCount }, (_, i) => ({ id: `l${i}`, label: `Couloir ${i + 1}`, actorId: `a${i % actorCount}` }));
  const years = Math.max(2, Math.ceil(steps / 40));
  const stepList = Array.from({ length: steps }, (_, i) => {
    const monthIndex = Math.floor((i / steps) * years * 12);
    const date = r() < 0.8 ? `${2015 + Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}` : undefined;
    const participants = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(actors).id);
    return {
      id: `s${i}`,
      title: `Étape générée ${i + 1} : ${pick(['réunion', 'décision', 'formation', 'paramétrage', 'bilan'])}`,
      ...(date ? { date } : {}),
      laneId: `l${Math.floor(r() * laneCount)}`,
      kind: pick(STEP_KINDS),
      markers: MARKERS.filter(() => r() < 0.2),
      participants: [...new Set(participants)].map((actorId, k) => ({ actorId, role: k === 0 ? ('pilote' as const) : ('contribue' as const) })),
    };
  });
  const links = Array.from({ length: Math.floor(steps / 5) }, (_, i) => {
    const from = Math.floor(r() * (steps - 1));
    return { id: `k${i}`, from: `s${from}`, to: `s${from + 1 + Math.floor(r() * Math.min(5, steps - from - 1))}` };
  }).filter((l, i, all) => l.from !== l.to && all.findIndex((m) => m.from === l.from && m.to === l.to) === i);
  const relations = Array.from({ length: Math.floor(actorCount * 1.5) }, (_, i) => {
    const from = Math.floor(r() * actorCount);
    const to = (from + 1 + Math.floor(r() * (actorCount - 1))) % actorCount;
    return { id: `r${i}`, from: `a${from}`, to: `a${to}`, kind: pick(RELATION_KINDS) };
  }).filter((x, i, all) => all.findIndex((y) => y.from === x.from && y.to === x.to && y.kind === x.kind) === i);
  const notes = Array.from({ length: Math.floor(steps / 10) }, (_, i) => ({
    id: `n${i}`,
    text: `Note ${i + 1}`,
    authorRole: pick(['direction', 'representant-salaries', 'dsi', 'animation'] as const),
    kind: pick(['constat', 'difficulte', 'levier', 'question'] as const),
    map: i % 2 ? ('acteurs' as const) : ('conduite' as const),
    attachedTo: i % 2 ? { type: 'actor' as const, id: pick(actors).id } : { type: 'step' as const, id: `s${Math.floor(r() * steps)}` },
  }));
  const session: Session = {
    id: `bench-${steps}`,
    title: `Banc d'essai ${steps} étapes`,
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    establishment: { name: 'Établissement de test' },
    project: { name: 'Projet généré' },
    trinome: [],
    timeline: { scale: 'annee' },
    lanes,
    actors,
    steps: stepList,
    links,
    relations,
    notes,
  };
  const checked = validateSession(session);
  if (!checked.ok) throw new Error(`Session générée invalide : ${checked.errors[0]!.message}`);
  return session;
}
