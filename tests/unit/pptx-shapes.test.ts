/**
 * The deck's maps as shapes (src/features/export/pptxShapes.ts): on the DUI example and on a
 * generated map of 50 steps, every step, lane and actor is a shape with its text, every text fits
 * its box, no line passes through a box that is not one of its ends, and no label sits on a box
 * or on another label.
 */
import { createRequire } from 'node:module';
import { AvoidLib } from 'libavoid-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorInput, conductInput } from '../../src/canvas/routing/inputs';
import { routeMap, type AvoidApi } from '../../src/domain/layout/routing';
import { parseSessionFile } from '../../src/domain/format/file';
import { openGaps } from '../../src/domain/gaps';
import { layoutConductMap } from '../../src/domain/layout/conduct';
import { placeGhosts } from '../../src/domain/layout/ghosts';
import type { Session } from '../../src/domain/types';
import {
  actorMapShapes, conductMapShapes, conductPages, fitParagraphs, radarShapes, SLIDE, textFits, type BoxShape, type DeckShape, type MapShapes,
} from '../../src/features/export/pptxShapes';
import { boxesOverlap, routeOrthogonal, segmentCrossesBox, type Box, type Pt } from '../../src/features/export/pptxRoute';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const AREA = { x: 0.25, y: 0.8, w: SLIDE.w - 0.5, h: 6.15 };
const boxes = (shapes: readonly DeckShape[], name: RegExp) => shapes.filter((s): s is BoxShape => s.kind === 'box' && name.test(s.name));
const textOf = (s: BoxShape) => (s.text?.paragraphs ?? []).map((p) => p.map((r) => r.text).join('')).join('\n');
const onEdge = (p: Pt, b: Box) =>
  p.x >= b.x - 1e-6 && p.x <= b.x + b.w + 1e-6 && p.y >= b.y - 1e-6 && p.y <= b.y + b.h + 1e-6 &&
  Math.min(Math.abs(p.x - b.x), Math.abs(p.x - b.x - b.w), Math.abs(p.y - b.y), Math.abs(p.y - b.y - b.h)) < 1e-6;

/** Lines × boxes (a line's own ends excluded) and labels × boxes and labels: what a reader would see as a fault. */
function faults(map: MapShapes, solid: RegExp) {
  const solids = boxes(map.shapes, solid);
  const labels = boxes(map.shapes, /^Libellé/);
  const crossings: string[] = [];
  for (const line of map.shapes) {
    if (line.kind !== 'path' || !/^(Lien|Relation|Rattachement)/.test(line.name)) continue;
    const first = line.points[0]!;
    const last = line.points[line.points.length - 1]!;
    const others = solids.filter((b) => !onEdge(first, b) && !onEdge(last, b));
    for (let i = 1; i < line.points.length; i++) {
      for (const b of others) if (segmentCrossesBox(line.points[i - 1]!, line.points[i]!, b)) crossings.push(`${line.name} × ${b.name}`);
    }
  }
  const overlaps: string[] = [];
  labels.forEach((l, i) => {
    for (const b of solids) if (boxesOverlap(l, b)) overlaps.push(`${l.name} (${textOf(l)}) × ${b.name}`);
    for (const m of labels.slice(i + 1)) if (boxesOverlap(l, m)) overlaps.push(`${textOf(l)} × ${textOf(m)}`);
  });
  const overflowing = map.shapes.filter((s): s is BoxShape => s.kind === 'box' && !textFits(s)).map((s) => s.name);
  const inSlide = (x: number, y: number) => x >= -1e-6 && y >= -1e-6 && x <= SLIDE.w + 1e-6 && y <= SLIDE.h + 1e-6;
  const outside = map.shapes
    .filter((s) => (s.kind === 'box' ? !inSlide(s.x, s.y) || !inSlide(s.x + s.w, s.y + s.h) : s.points.some((p) => !inSlide(p.x, p.y))))
    .map((s) => s.name);
  return { crossings, overlaps, overflowing, outside };
}

describe('the conduct map as shapes', () => {
  const session = dui();
  const layout = layoutConductMap(session, { today: '2026-11-24' });
  const ghosts = placeGhosts(layout, openGaps(session));
  const map = conductMapShapes({ session, layout, ghosts, notes: session.notes.filter((n) => n.map === 'conduite'), area: AREA });

  it('draws one rounded box per step with its number, date and title, and one per lane with its label', () => {
    const steps = boxes(map.shapes, /^Étape \d+ : /);
    expect(steps).toHaveLength(session.steps.length);
    session.steps.forEach((step, i) => {
      const shape = steps.find((s) => s.name.startsWith(`Étape ${i + 1} : `))!;
      expect(shape.geom).toBe('roundRect');
      expect(textOf(shape)).toMatch(new RegExp(`^${i + 1} `));
      expect(textOf(shape)).toContain(step.title);
    });
    expect(textOf(steps.find((s) => s.name.startsWith('Étape 9 : '))!)).toContain('début 2022'.replace('d', 'D'));
    const lanes = boxes(map.shapes, /^Couloir : /);
    expect(lanes.map(textOf)).toEqual(session.lanes.map((l) => l.label));
    expect(boxes(map.shapes, /^Étape manquante : /)).toHaveLength(ghosts.length);
  });

  it('routes the link with an arrowhead and its label, through no box, and places every note beside its step', () => {
    const links = map.shapes.filter((s) => s.kind === 'path' && s.name.startsWith('Lien'));
    expect(links).toHaveLength(session.links.length);
    expect(links[0]).toMatchObject({ name: 'Lien : étape 9 → étape 10', tail: 'triangle' });
    expect(boxes(map.shapes, /^Libellé du lien/).map(textOf)).toEqual(['Révèle le besoin de formation']);
    expect(map.straightLines).toBe(0);
    expect(boxes(map.shapes, /^Note : /)).toHaveLength(4);
    expect(map.omittedNotes).toEqual([]);
    expect(boxes(map.shapes, /^Note : /).map(textOf).join('\n')).toContain('Représentant·e des salarié·es · Difficulté · étape 9');
    expect(faults(map, /^(Étape|Note|Couloir)/)).toEqual({ crossings: [], overlaps: [], overflowing: [], outside: [] });
  });

  it('draws events with a second border and steps à venir dashed', () => {
    expect(conductPages(layout, ghosts, AREA)).toHaveLength(1);
    const withKinds: Session = {
      ...session,
      steps: session.steps.map((s, i) => (i === 3 ? { ...s, kind: 'incident' as const } : i === 10 ? { ...s, date: undefined, endDate: undefined, dateLabel: undefined, planned: '2023-03' } : s)),
    };
    const l = layoutConductMap(withKinds, { today: '2026-11-24' });
    const m = conductMapShapes({ session: withKinds, layout: l, area: AREA });
    const step = (n: number) => boxes(m.shapes, new RegExp(`^Étape ${n} : `))[0]!;
    expect(step(4).line?.dash).toBe('dash');
    expect(step(12).line?.dash).toBe('dash'); // the example's own event, a workaround
    expect(boxes(m.shapes, /^Événement$/)).toHaveLength(2);
    expect(step(11).line?.dash).toBe('dash');
    expect(textOf(step(11))).toContain('À venir · mars 2023');
    expect(step(1).line?.dash).toBeUndefined();
  });
});

describe('the actor map as shapes', () => {
  const session = dui();
  const map = actorMapShapes({ session, notes: session.notes.filter((n) => n.map === 'acteurs'), area: AREA });

  it('draws every actor with its name and every relation with its arrow and label, through no box', () => {
    const actors = boxes(map.shapes, /^Acteur : /);
    expect(actors.map((a) => textOf(a).split('\n')[0])).toEqual(session.actors.map((a) => a.name));
    const relations = map.shapes.filter((s) => s.kind === 'path' && s.name.startsWith('Relation'));
    expect(relations).toHaveLength(session.relations.length);
    expect(boxes(map.shapes, /^Libellé de la relation/)).toHaveLength(session.relations.length);
    expect(boxes(map.shapes, /^Libellé de la relation/).map(textOf)).toContainEqual(expect.stringMatching(/^Fournit\s:\sLogiciel DUI$/));
    expect(map.straightLines).toBe(0);
    expect(faults(map, /^(Acteur|Note)/)).toEqual({ crossings: [], overlaps: [], overflowing: [], outside: [] });
  });

  it('draws a relation and its reverse apart, and the unanswered feedback as an open loop', () => {
    const relations = map.shapes.filter((s): s is Extract<DeckShape, { kind: 'path' }> => s.kind === 'path' && s.name.startsWith('Relation'));
    const forme = relations.find((r) => r.name === 'Relation : Référent·es DUI → Professionnel·les')!;
    const remonte = relations.find((r) => r.name === 'Relation : Professionnel·les → Référent·es DUI')!;
    const sharedLength = (a: Pt[], b: Pt[]) => {
      let shared = 0;
      for (let i = 1; i < a.length; i++) for (let j = 1; j < b.length; j++) {
        const [p, q, r, s] = [a[i - 1]!, a[i]!, b[j - 1]!, b[j]!];
        if (Math.abs(p.y - q.y) < 1e-6 && Math.abs(r.y - s.y) < 1e-6 && Math.abs(p.y - r.y) < 0.03) shared += Math.max(0, Math.min(Math.max(p.x, q.x), Math.max(r.x, s.x)) - Math.max(Math.min(p.x, q.x), Math.min(r.x, s.x)));
        if (Math.abs(p.x - q.x) < 1e-6 && Math.abs(r.x - s.x) < 1e-6 && Math.abs(p.x - r.x) < 0.03) shared += Math.max(0, Math.min(Math.max(p.y, q.y), Math.max(r.y, s.y)) - Math.max(Math.min(p.y, q.y), Math.min(r.y, s.y)));
      }
      return shared;
    };
    expect(sharedLength(forme.points, remonte.points)).toBe(0);
    expect(remonte.tail).toBe('oval');
    expect(forme.tail).toBe('triangle');
    expect(boxes(map.shapes, /^Note : /).map(textOf)).toEqual([expect.stringContaining("Le CSE n'a été ni informé ni consulté")]);
  });
});

describe.each([50, 200])('a generated conduct map of %i steps', (count) => {
  // Six lanes, a step every other month (on a monthly axis), a link from every fifth step to one in another lane.
  const base = dui();
  const lanes = base.lanes.slice(0, 6);
  const steps = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`, title: `Étape générée numéro ${i + 1} avec un titre assez long`, laneId: lanes[(i * 7) % 6]!.id,
    kind: 'autre' as const, date: `${1990 + Math.floor((2 * i) / 12)}-${String(((2 * i) % 12) + 1).padStart(2, '0')}`, markers: [], participants: [],
  }));
  const links = Array.from({ length: count / 5 }, (_, k) => ({ id: `l${k}`, from: `s${k * 5}`, to: `s${k * 5 + 3}`, label: `lien ${k + 1}` }));
  const session: Session = { ...base, lanes, steps, links, notes: [], timeline: { ...base.timeline, scale: 'mois' } };
  const layout = layoutConductMap(session, { today: '2026-11-24' });
  const pages = conductPages(layout, [], AREA);
  const maps = pages.map((window) => conductMapShapes({ session, layout, area: AREA, window }));

  it('is cut into slides where every step is drawn once, readable, each link drawn or said', () => {
    expect(pages.length).toBeGreaterThan(count / 40);
    // No slide of empty years (the example's time line runs to 2026, the steps stop long before).
    expect(maps.every((m) => boxes(m.shapes, /^Étape \d+ : /).length > 0)).toBe(true);
    const drawn = maps.flatMap((m) => boxes(m.shapes, /^Étape \d+ : /));
    expect(drawn.map((b) => b.name).sort()).toEqual(steps.map((s, i) => `Étape ${i + 1} : ${s.title}`).sort());
    expect(Math.min(...drawn.map((b) => b.w))).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...drawn.map((b) => b.text!.fontSize))).toBeGreaterThanOrEqual(6);
    const lines = maps.reduce((n, m) => n + m.shapes.filter((s) => s.kind === 'path' && s.name.startsWith('Lien')).length, 0);
    const said = new Set(maps.flatMap((m) => m.cutLinks ?? []));
    expect(lines + said.size).toBe(links.length);
  });

  it('routes every link around the boxes, with no label on a box, and every text fits', () => {
    for (const map of maps) {
      expect(map.straightLines).toBe(0);
      expect(faults(map, /^(Étape|Couloir)/)).toEqual({ crossings: [], overlaps: [], overflowing: [], outside: [] });
    }
  });
});

describe('with the app\'s router (libavoid) giving the paths', () => {
  let avoid: AvoidApi;
  beforeAll(async () => {
    await AvoidLib.load(createRequire(import.meta.url).resolve('libavoid-js').replace(/[^/\\]+$/, 'libavoid.wasm'));
    avoid = AvoidLib.getInstance() as unknown as AvoidApi;
  });
  const session = dui();

  it('the conduct map draws the routed link, and the notes still hide no line and cross no box', () => {
    const layout = layoutConductMap(session, { today: '2026-11-24' });
    const ghosts = placeGhosts(layout, openGaps(session));
    const routes = routeMap(avoid, conductInput(layout, session.links, ghosts));
    expect(Object.keys(routes.edges)).toEqual(['link-01']);
    const map = conductMapShapes({ session, layout, ghosts, routes, notes: session.notes.filter((n) => n.map === 'conduite'), area: AREA });
    const link = map.shapes.find((s) => s.kind === 'path' && s.name.startsWith('Lien'))!;
    expect(link.kind === 'path' && link.points.length).toBe(routes.edges['link-01']!.points.length);
    expect(map.omittedNotes).toEqual([]);
    expect(faults(map, /^(Étape|Note|Couloir)/)).toEqual({ crossings: [], overlaps: [], overflowing: [], outside: [] });
  });

  it('the actor map draws the routed relations, all labelled, through no box', () => {
    const routes = routeMap(avoid, actorInput(session.actors, session.relations));
    const map = actorMapShapes({ session, routes, notes: session.notes.filter((n) => n.map === 'acteurs'), area: AREA });
    expect(boxes(map.shapes, /^Libellé de la relation/)).toHaveLength(session.relations.length);
    expect(faults(map, /^(Acteur|Note)/)).toEqual({ crossings: [], overlaps: [], overflowing: [], outside: [] });
  });
});

describe('geometry', () => {
  it('a route from one box to another goes around a box between them', () => {
    const a = { x: 0, y: 1, w: 1, h: 0.5 };
    const b = { x: 4, y: 1, w: 1, h: 0.5 };
    const wall = { x: 2, y: 0.5, w: 1, h: 1.5 };
    const route = routeOrthogonal(a, b, [a, b, wall], { x: -1, y: -1, w: 7, h: 4 })!;
    expect(route.length).toBeGreaterThan(2);
    for (let i = 1; i < route.length; i++) expect(segmentCrossesBox(route[i - 1]!, route[i]!, wall)).toBe(false);
    // Horizontal and vertical segments only.
    for (let i = 1; i < route.length; i++) expect(route[i - 1]!.x === route[i]!.x || route[i - 1]!.y === route[i]!.y).toBe(true);
  });

  it('a text gets the largest size that fits, and is cut with an ellipsis only when the smallest does not', () => {
    expect(fitParagraphs([{ text: 'Court' }], 2, 1, { max: 14, min: 6 }).fontSize).toBe(14);
    const long = fitParagraphs([{ text: 'mot '.repeat(400) }], 1, 0.5, { max: 14, min: 6 });
    expect(long.fontSize).toBe(6);
    expect(long.paras[0]!.text.endsWith('…')).toBe(true);
  });

  it('the radar has one polygon per role that rated, and its seven domain labels', () => {
    const vp = dui().viewpoints!;
    const shapes = radarShapes(vp.maturity, { x: 0.3, y: 1.1, w: 7.9, h: 5.6 });
    expect(shapes.filter((s) => s.name.startsWith('Regard : '))).toHaveLength(3);
    expect(boxes(shapes, /^Domaine$/)).toHaveLength(7);
  });
});
