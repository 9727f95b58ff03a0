import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { generateSession } from '../../bench/generate';
import { AUTHOR_ROLES } from '../../src/domain/enums';
import { parseSessionFile } from '../../src/domain/format/file';
import { openGaps } from '../../src/domain/gaps';
import { layoutConductMap } from '../../src/domain/layout/conduct';
import { placeGhosts } from '../../src/domain/layout/ghosts';
import type { Note, Session } from '../../src/domain/types';
import { hiddenNoteRoles, imageNotes, rolesWithNotes, toggleNoteRole } from '../../src/features/export/noteChoice';
import { ACTOR_BOX, renderActorSvg } from '../../src/render/actorSvg';
import { actorPosition } from '../../src/domain/layout/actors';
import { renderConductSvg } from '../../src/render/conductSvg';
import { NOTE_WIDTH, noteContent, placeConductNotes, segmentMeetsBox, type Box } from '../../src/render/notesSvg';
import { textWidth } from '../../src/render/svgText';
import { exampleText } from '../formatExamples';

const TODAY = '2026-11-24';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}

/** The notes drawn in an SVG: their box (in the coordinates of the map's group) and their words. */
function drawnNotes(svg: string) {
  const { doc } = parse(svg);
  return Array.from(doc.getElementsByTagName('g'))
    .filter((g) => g.getAttribute('class') === 'note')
    .map((g) => {
      const rect = g.getElementsByTagName('rect')[0]!;
      const box = { x: Number(rect.getAttribute('x')), y: Number(rect.getAttribute('y')), width: Number(rect.getAttribute('width')), height: Number(rect.getAttribute('height')) };
      const lines = (t: XmlElement) => Array.from(t.getElementsByTagName('tspan')).map((s) => s.textContent ?? '');
      const [label, text] = Array.from(g.getElementsByTagName('text')).map(lines);
      return { role: g.getAttribute('data-role'), box, label: label!, text: text!.join(' ') };
    });
}

/** The translation of the map's group (`<g transform="translate(x y)">`). */
function mapOffset(svg: string): { x: number; y: number } {
  const m = /<g transform="translate\(([\d.]+) ([\d.]+)\)">/.exec(svg)!;
  return { x: Number(m[1]), y: Number(m[2]) };
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const gapBetween = (a: Box, b: Box) =>
  Math.hypot(Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width)), Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height)));

describe('the notes on the conduct map image (DUI example)', () => {
  const session = dui();
  const layout = layoutConductMap(session, { today: TODAY });

  for (const ghosts of [false, true]) {
    it(`draws every note of the map in its role's words, inside the image, over no step${ghosts ? ' nor missing step' : ''} and no other note`, () => {
      const rendered = renderConductSvg(session, { today: TODAY, ghosts });
      const { errors } = parse(rendered.svg);
      expect(errors).toEqual([]);
      expect(rendered.svg).not.toContain('foreignObject');
      const notes = drawnNotes(rendered.svg);
      const expected = session.notes.filter((n) => n.map === 'conduite');
      expect(notes).toHaveLength(expected.length);
      const off = mapOffset(rendered.svg);
      const obstacles: Box[] = [...layout.steps, ...(ghosts ? placeGhosts(layout, openGaps(session)) : [])];
      for (const note of expected) {
        const drawn = notes.find((d) => d.text.startsWith(note.text.slice(0, 30)))!;
        expect(drawn, note.id).toBeDefined();
        expect(drawn.role).toBe(note.authorRole);
        expect(drawn.label.join(' ')).toContain({ direction: 'Direction', 'representant-salaries': 'Représentant·e des', dsi: 'DSI', animation: 'Animation', autre: 'Autre' }[note.authorRole]);
        // Inside the image.
        expect(drawn.box.x + off.x).toBeGreaterThanOrEqual(0);
        expect(drawn.box.y + off.y).toBeGreaterThanOrEqual(0);
        expect(drawn.box.x + off.x + drawn.box.width).toBeLessThanOrEqual(rendered.width);
        expect(drawn.box.y + off.y + drawn.box.height).toBeLessThanOrEqual(rendered.height);
        // Inside the map, right of the lane headers, left of the chronology.
        expect(drawn.box.x).toBeGreaterThanOrEqual(240);
        expect(drawn.box.x + drawn.box.width).toBeLessThanOrEqual(layout.width);
        for (const o of obstacles) expect(overlap(drawn.box, o), `${note.id} over a box at ${o.x},${o.y}`).toBe(false);
        for (const other of notes) if (other !== drawn) expect(overlap(drawn.box, other.box)).toBe(false);
        // Beside the step it is attached to.
        if (note.attachedTo) expect(gapBetween(drawn.box, layout.byId.get(note.attachedTo.id)!)).toBeLessThanOrEqual(40);
      }
    });
  }

  it('wraps a long role label inside the box (Représentant·e des salarié·es)', () => {
    const note = session.notes.find((n) => n.authorRole === 'representant-salaries')!;
    const { label, lines, height } = noteContent(note);
    expect(label.length).toBe(2);
    expect(label.join(' ')).toBe('Représentant·e des salarié·es · Difficulté');
    // Bold letters, measured as in DejaVu Sans Bold (wider than Inter): within the box's inner width.
    for (const line of label) expect(textWidth(line, 11) * 1.1).toBeLessThanOrEqual(NOTE_WIDTH - 20);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(NOTE_WIDTH - 20);
    // The box is as tall as its lines.
    expect(height).toBeGreaterThanOrEqual(8 + 2 * 13.2 + 6 + lines.length * 14.4);
  });

  it('draws no note of an unticked role, and none when the list is empty', () => {
    const hidden = ['representant-salaries'] as const;
    const svg = renderConductSvg(session, { today: TODAY, notes: imageNotes(session, 'conduite', hidden) }).svg;
    const notes = drawnNotes(svg);
    expect(notes.map((n) => n.role).sort()).toEqual(['animation', 'direction', 'dsi']);
    expect(svg).not.toContain('La formation de départ');
    expect(drawnNotes(renderConductSvg(session, { today: TODAY, notes: [] }).svg)).toEqual([]);
  });
});

describe('the notes on the actor map image (DUI example)', () => {
  it('draws the CSE note in its role colour beside the CSE, over no actor', () => {
    const session = dui();
    const rendered = renderActorSvg(session);
    expect(parse(rendered.svg).errors).toEqual([]);
    expect(rendered.svg).not.toContain('foreignObject');
    const [note, ...rest] = drawnNotes(rendered.svg);
    expect(rest).toEqual([]);
    expect(note!.role).toBe('representant-salaries');
    expect(note!.text).toContain("Le CSE n'a été ni informé");
    expect(rendered.svg).toMatch(/<rect [^>]*fill="#fce7f3" stroke="#be185d"/);
    const boxes = session.actors.map((a, i) => ({ id: a.id, ...actorPosition(a, i), ...ACTOR_BOX }));
    for (const b of boxes) expect(overlap(note!.box, b), b.id).toBe(false);
    expect(gapBetween(note!.box, boxes.find((b) => b.id === 'act-cse')!)).toBeLessThanOrEqual(40);
    const off = mapOffset(rendered.svg);
    expect(note!.box.x + off.x).toBeGreaterThanOrEqual(0);
    expect(note!.box.y + off.y).toBeGreaterThanOrEqual(0);
    expect(note!.box.x + off.x + note!.box.width).toBeLessThanOrEqual(rendered.width);
  });
});

describe('placing many notes', () => {
  for (const steps of [50, 200]) {
    it(`on a generated map of ${steps} steps, eight notes on one step and one on every fifth: no note over a step or a note`, () => {
      const session = generateSession(steps);
      const layout = layoutConductMap(session, { today: TODAY });
      const notes: Note[] = [
        ...Array.from({ length: 8 }, (_, i) => ({ id: `crowd${i}`, text: `Une note assez longue pour prendre trois lignes dans sa boîte, numéro ${i}`, authorRole: AUTHOR_ROLES[i % 5]!, kind: 'constat' as const, map: 'conduite' as const, attachedTo: { type: 'step' as const, id: session.steps[3]!.id } })),
        ...session.steps.filter((_, i) => i % 5 === 0).map((s, i) => ({ id: `each${i}`, text: 'Constat', authorRole: 'dsi' as const, kind: 'constat' as const, map: 'conduite' as const, attachedTo: { type: 'step' as const, id: s.id } })),
        { id: 'free', text: 'Sans rattachement', authorRole: 'animation', kind: 'question', map: 'conduite' },
      ];
      const placed = placeConductNotes(session, layout, notes);
      expect(placed).toHaveLength(notes.length);
      for (const p of placed) {
        for (const s of layout.steps) expect(overlap(p.box, s)).toBe(false);
        for (const q of placed) if (q !== p) expect(overlap(p.box, q.box)).toBe(false);
        expect(p.box.x).toBeGreaterThanOrEqual(240);
        expect(p.box.x + p.box.width).toBeLessThanOrEqual(layout.width);
      }
      // Unattached, it goes in the row under the map.
      expect(placed.at(-1)!.box.y).toBeGreaterThanOrEqual(layout.height);
    });
  }

  it('keeps notes off the edges drawn on the map', () => {
    const edge = { points: [{ x: 0, y: 50 }, { x: 1000, y: 50 }] };
    expect(segmentMeetsBox(edge.points[0]!, edge.points[1]!, { x: 100, y: 40, width: 50, height: 50 }, 0)).toBe(true);
    expect(segmentMeetsBox(edge.points[0]!, edge.points[1]!, { x: 100, y: 60, width: 50, height: 50 }, 0)).toBe(false);
    expect(segmentMeetsBox(edge.points[0]!, edge.points[1]!, { x: 100, y: 60, width: 50, height: 50 }, 12)).toBe(true);
  });
});

describe("Notes sur l'image: the roles chosen", () => {
  it('offers the roles that wrote notes, hides and shows one, per session', () => {
    const session = dui();
    expect(rolesWithNotes(session)).toEqual(['direction', 'representant-salaries', 'dsi', 'animation']);
    expect(hiddenNoteRoles(session.id)).toEqual([]);
    toggleNoteRole(session.id, 'dsi');
    expect(hiddenNoteRoles(session.id)).toEqual(['dsi']);
    expect(hiddenNoteRoles('another-session')).toEqual([]);
    expect(imageNotes(session, 'conduite', hiddenNoteRoles(session.id)).map((n) => n.id)).toEqual(['note-01', 'note-03', 'note-04']);
    expect(imageNotes(session, 'acteurs', hiddenNoteRoles(session.id)).map((n) => n.id)).toEqual(['note-05']);
    toggleNoteRole(session.id, 'dsi');
    expect(hiddenNoteRoles(session.id)).toEqual([]);
  });
});
