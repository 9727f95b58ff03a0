/**
 * Routing that avoids boxes: on the DUI example and on generated maps of 50 and 200 steps, the
 * routed edges cross no box and no label overlaps a box or another label. libavoid runs here in
 * Node, its WebAssembly read from node_modules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { AvoidLib } from 'libavoid-js';
import { parseSessionFile } from '../../src/domain/format/file';
import { layoutConductMap } from '../../src/domain/layout/conduct';
import { placeGhosts } from '../../src/domain/layout/ghosts';
import { openGaps } from '../../src/domain/gaps';
import { checkLegibility, segmentCrossesRect, type DrawnEdge } from '../../src/domain/layout/geometry';
import { routeKey, routeMap, type AvoidApi, type RouteInput, type RoutedMap } from '../../src/domain/layout/routing';
import { actorRouteInput, conductRouteInput } from '../../src/domain/layout/routeInputs';
import type { Session } from '../../src/domain/types';
import { ACTOR_NODE, relationLabel } from '../../src/canvas/actors/adapter';
import { defaultActorPosition } from '../../src/domain/layout/actors';
import { isUnansweredFeedback } from '../../src/domain/synthesis';
import { generateSession } from '../../bench/generate';
import { buildNoteNodes } from '../../src/canvas/actors/notes';
import { placeBeside, rectsOverlap } from '../../src/domain/layout/geometry';
import { exampleText } from '../formatExamples';

let avoid: AvoidApi;
beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('libavoid-js').replace(/[^/\\]+$/, 'libavoid.wasm');
  await AvoidLib.load(wasm);
  avoid = AvoidLib.getInstance() as unknown as AvoidApi;
});

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const conductInput = (session: Session, ghosts = true): RouteInput => {
  const layout = layoutConductMap(session);
  return conductRouteInput(layout, session.links, ghosts ? placeGhosts(layout, openGaps(session)) : []);
};
const actorInput = (session: Session): RouteInput =>
  actorRouteInput(
    session.actors.map((a, i) => ({ id: a.id, ...(a.position ?? defaultActorPosition(i)) })),
    ACTOR_NODE,
    session.relations,
    (r) => (isUnansweredFeedback(r) ? `${relationLabel(r)} · sans suite` : relationLabel(r)),
  );

const drawn = (input: RouteInput, routed: RoutedMap): DrawnEdge[] =>
  input.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, points: routed.edges[e.id]!.points, label: routed.edges[e.id]!.label }));

/** Every edge routed, its ends on its boxes' borders, and the map legible. */
function expectLegible(input: RouteInput, routed: RoutedMap) {
  const byId = new Map(input.boxes.map((b) => [b.id, b]));
  for (const e of input.edges) {
    const route = routed.edges[e.id];
    expect(route, e.id).toBeDefined();
    expect(route!.points.length).toBeGreaterThanOrEqual(2);
    const onBorder = (p: { x: number; y: number }, id: string) => {
      const b = byId.get(id)!;
      const inX = p.x >= b.x - 0.5 && p.x <= b.x + b.width + 0.5;
      const inY = p.y >= b.y - 0.5 && p.y <= b.y + b.height + 0.5;
      const onEdge = Math.min(Math.abs(p.x - b.x), Math.abs(p.x - b.x - b.width), Math.abs(p.y - b.y), Math.abs(p.y - b.y - b.height)) < 0.5;
      return inX && inY && onEdge;
    };
    expect(onBorder(route!.points[0]!, e.from), `${e.id} starts on its box`).toBe(true);
    expect(onBorder(route!.points.at(-1)!, e.to), `${e.id} ends on its box`).toBe(true);
    if (e.label) expect(route!.label, `${e.id} has its label`).not.toBeNull();
  }
  const report = checkLegibility(input.boxes, drawn(input, routed));
  expect(report.crossings).toEqual([]);
  expect(report.overlaps).toEqual([]);
}

describe('the geometric check', () => {
  it('sees a segment through a box, not one along its border or beside it', () => {
    const box = { x: 0, y: 0, width: 100, height: 50 };
    expect(segmentCrossesRect({ x: -10, y: 25 }, { x: 110, y: 25 }, box)).toBe(true);
    expect(segmentCrossesRect({ x: -10, y: 0 }, { x: 110, y: 0 }, box)).toBe(false);
    expect(segmentCrossesRect({ x: -10, y: 60 }, { x: 110, y: 60 }, box)).toBe(false);
    expect(segmentCrossesRect({ x: 50, y: 25 }, { x: 50, y: 200 }, box)).toBe(true);
  });

  it('counts a straight link through a step, and two labels on one another', () => {
    const boxes = [
      { id: 'a', x: 0, y: 0, width: 100, height: 50 },
      { id: 'b', x: 200, y: 0, width: 100, height: 50 },
      { id: 'c', x: 400, y: 0, width: 100, height: 50 },
    ];
    const label = { x: 140, y: 60, width: 40, height: 18 };
    const report = checkLegibility(boxes, [
      { id: 'ac', from: 'a', to: 'c', points: [{ x: 100, y: 25 }, { x: 400, y: 25 }], label },
      { id: 'ab', from: 'a', to: 'b', points: [{ x: 100, y: 25 }, { x: 200, y: 25 }], label: { ...label, x: 150 } },
    ]);
    expect(report.crossings).toEqual([{ edge: 'ac', box: 'b' }]);
    expect(report.overlaps).toEqual([{ label: 'ac', other: 'ab' }]);
  });
});

describe('notes beside what they hang on', () => {
  it('a note goes beside its box, on no other box', () => {
    const target = { x: 100, y: 100, width: 200, height: 88 };
    const taken = [target, { x: 316, y: -20, width: 200, height: 88 }];
    const p = placeBeside(target, { width: 200, height: 96 }, taken, 16);
    const note = { ...p, width: 200, height: 96 };
    expect(taken.some((t) => rectsOverlap(note, t))).toBe(false);
    expect(Math.hypot(p.x - target.x, p.y - target.y)).toBeLessThan(400);
  });

  it('on the DUI conduct map, the notes attached to steps cover no step, no missing step and no other note', () => {
    const session = dui();
    const layout = layoutConductMap(session);
    const ghosts = placeGhosts(layout, openGaps(session));
    const boxes = [...layout.steps, ...ghosts];
    const notes = buildNoteNodes(
      session.notes.filter((n) => n.map === 'conduite'),
      (n) => {
        const b = n.attachedTo?.type === 'step' ? layout.byId.get(n.attachedTo.id) : undefined;
        return b ? { name: '', x: b.x, y: b.y, width: b.width, height: b.height } : null;
      },
      new Set(),
      { x: 200, y: layout.height + 40 },
      boxes,
    ).map((n) => ({ x: n.position.x, y: n.position.y, width: n.width!, height: n.height! }));
    expect(notes.length).toBeGreaterThan(0);
    notes.forEach((note, i) => {
      expect(boxes.filter((b) => rectsOverlap(note, b))).toEqual([]);
      expect(notes.filter((o, j) => j !== i && rectsOverlap(note, o))).toEqual([]);
    });
  });
});

describe('routing the DUI example', () => {
  it('draws the conduct map without a link through a step or a missing step', () => {
    const input = conductInput(dui());
    expect(input.boxes.some((b) => b.id.startsWith('gap:'))).toBe(true);
    // Drawn straight, the map has the crossings the routing is for (9 → 10 through step 8).
    const straight = input.edges.map((e) => {
      const a = input.boxes.find((b) => b.id === e.from)!;
      const b = input.boxes.find((x) => x.id === e.to)!;
      return { id: e.id, from: e.from, to: e.to, points: [{ x: a.x + a.width, y: a.y + a.height / 2 }, { x: b.x, y: b.y + b.height / 2 }], label: null };
    });
    expect(checkLegibility(input.boxes, straight).crossings.length).toBeGreaterThan(0);
    expectLegible(input, routeMap(avoid, input));
  });

  it('draws the actor map with every label visible, reciprocal relations apart', () => {
    const session = dui();
    const input = actorInput(session);
    const routed = routeMap(avoid, input);
    expectLegible(input, routed);
    // Référent·es → Professionnel·les (forme) and its reciprocal: two paths that share no segment.
    const pairs = session.relations.filter((r) => session.relations.some((q) => q.from === r.to && q.to === r.from));
    expect(pairs.length).toBeGreaterThan(0);
    for (const r of pairs) {
      const back = session.relations.find((q) => q.from === r.to && q.to === r.from)!;
      const a = routed.edges[r.id]!.points;
      const b = routed.edges[back.id]!.points;
      const shared = a.slice(1).some((p, i) => b.slice(1).some((q, j) => sameSegment(a[i]!, p, b[j]!, q)));
      expect(shared, `${r.id} and ${back.id} share a segment`).toBe(false);
    }
  });

  it('draws two relations between boxes face to face apart, each with its label', () => {
    const input: RouteInput = {
      boxes: [
        { id: 'a', x: 0, y: 0, width: 210, height: 64 },
        { id: 'b', x: 400, y: 0, width: 210, height: 64 },
      ],
      edges: [
        { id: 'ab', from: 'a', to: 'b', label: { width: 60, height: 18 } },
        { id: 'ba', from: 'b', to: 'a', label: { width: 90, height: 18 } },
      ],
    };
    const routed = routeMap(avoid, input);
    expectLegible(input, routed);
    const a = routed.edges.ab!.points;
    const b = routed.edges.ba!.points;
    expect(a.slice(1).some((p, i) => b.slice(1).some((q, j) => sameSegment(a[i]!, p, b[j]!, q)))).toBe(false);
  });

  it('routes the same map the same way every time (the app, its images and a reload agree)', () => {
    const input = actorInput(dui());
    const first = routeMap(avoid, input);
    for (let i = 0; i < 3; i++) expect(routeMap(avoid, input)).toEqual(first);
  });

  it('gives the same key to the same geometry, another to a moved box', () => {
    const input = actorInput(dui());
    expect(routeKey(actorInput(dui()))).toBe(routeKey(input));
    const moved = { ...input, boxes: input.boxes.map((b, i) => (i === 0 ? { ...b, x: b.x + 40 } : b)) };
    expect(routeKey(moved)).not.toBe(routeKey(input));
  });
});

/** Two segments on one line that overlap over more than a point. */
function sameSegment(a1: { x: number; y: number }, a2: { x: number; y: number }, b1: { x: number; y: number }, b2: { x: number; y: number }): boolean {
  const eq = (u: number, v: number) => Math.abs(u - v) < 0.5;
  if (eq(a1.y, a2.y) && eq(b1.y, b2.y) && eq(a1.y, b1.y)) {
    return Math.min(Math.max(a1.x, a2.x), Math.max(b1.x, b2.x)) - Math.max(Math.min(a1.x, a2.x), Math.min(b1.x, b2.x)) > 1;
  }
  if (eq(a1.x, a2.x) && eq(b1.x, b2.x) && eq(a1.x, b1.x)) {
    return Math.min(Math.max(a1.y, a2.y), Math.max(b1.y, b2.y)) - Math.max(Math.min(a1.y, a2.y), Math.min(b1.y, b2.y)) > 1;
  }
  return false;
}

describe.each([50, 200])('routing a generated map of %i steps', (steps) => {
  it('crosses no box on the conduct map', () => {
    const session = generateSession(steps);
    const input = conductInput(session);
    expectLegible(input, routeMap(avoid, input));
  });

  it('crosses no box and hides no label on the actor map', () => {
    const session = generateSession(steps);
    const input = actorInput(session);
    expectLegible(input, routeMap(avoid, input));
  });
});
