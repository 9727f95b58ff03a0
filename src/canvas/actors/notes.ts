/** Notes on a map canvas, as React Flow nodes: free where they were put, attached ones beside their target. */
import type { Edge } from '@xyflow/react';
import type { Note } from '../../domain/types';
import type { NoteNodeType } from './NoteNode';
import { noteAriaLabel, NOTE_NODE } from './adapter';
import { knownSize, NOTE_SIDES } from '../knownSize';
import { placeBeside, type Rect } from '../../domain/layout/geometry';

export interface NoteTarget {
  name: string;
  x: number;
  y: number;
  width: number;
  height?: number;
}

/**
 * The places of the attached notes, kept for the same notes and boxes (by identity): a selection
 * rebuilds the nodes, not their places.
 */
const placed = new WeakMap<readonly Note[], { boxes: readonly Rect[]; places: Map<string, { x: number; y: number }> }>();

function attachedPlaces(notes: readonly Note[], targets: (note: Note) => NoteTarget | null, boxes: readonly Rect[]): Map<string, { x: number; y: number }> {
  const known = placed.get(notes);
  if (known && known.boxes === boxes) return known.places;
  // Notes with a place of their own stay there; the others go around them too.
  const taken: Rect[] = [...boxes, ...notes.flatMap((n) => (n.position ? [{ ...n.position, ...NOTE_NODE }] : []))];
  const places = new Map<string, { x: number; y: number }>();
  for (const note of notes) {
    const target = !note.position && note.attachedTo ? targets(note) : null;
    if (!target) continue;
    const p = placeBeside({ x: target.x, y: target.y, width: target.width, height: target.height ?? NOTE_NODE.height }, NOTE_NODE, taken, 16);
    taken.push({ ...p, ...NOTE_NODE });
    places.set(note.id, p);
  }
  placed.set(notes, { boxes, places });
  return places;
}

export function buildNoteNodes(
  notes: readonly Note[],
  targets: (note: Note) => NoteTarget | null,
  selected: ReadonlySet<string>,
  origin: { x: number; y: number },
  /**
   * The map's boxes (steps, missing steps, actors): an attached note is placed beside its target,
   * on none of them. Give the same array while they do not move (the places are kept for it).
   */
  boxes: readonly Rect[] = [],
): NoteNodeType[] {
  const places = attachedPlaces(notes, targets, boxes);
  return notes.map((note, i) => {
    const target = note.attachedTo ? targets(note) : null;
    let position = note.position;
    if (!position && target) position = places.get(note.id);
    position ??= { x: origin.x + (i % 5) * (NOTE_NODE.width + 20), y: origin.y };
    return {
      id: `note:${note.id}`,
      type: 'note',
      position,
      width: NOTE_NODE.width,
      height: NOTE_NODE.height,
      ...knownSize(NOTE_NODE.width, NOTE_NODE.height, NOTE_SIDES),
      selected: selected.has(`note:${note.id}`),
      ariaLabel: noteAriaLabel(note, target?.name ?? null),
      data: { note, targetName: target?.name ?? null },
    };
  });
}

const NOTE_EDGE_STYLE = { stroke: '#94a3b8', strokeDasharray: '3 3', strokeWidth: 1.5 };

/** A thin dashed line from an attached note to what it hangs on. */
export function buildNoteEdges(notes: readonly Note[], exists: (note: Note) => boolean): Edge[] {
  return notes
    .filter((n) => n.attachedTo && exists(n))
    .map((n) => ({
      id: `note-edge:${n.id}`,
      source: `note:${n.id}`,
      target: n.attachedTo!.id,
      type: 'straight',
      selectable: false,
      focusable: false,
      ariaLabel: 'Rattachement de la note',
      style: NOTE_EDGE_STYLE,
    }));
}
