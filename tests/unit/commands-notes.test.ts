import { describe, expect, it } from 'vitest';
import {
  addNote, deleteNotes, filterNotes, notesByRole, notesOf, noteTextIssue, updateNote,
} from '../../src/domain/commands/notes';
import { noteTextProblem } from '../../src/features/notes/messages';
import { AUTHOR_ROLES } from '../../src/domain/enums';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Note, Session } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}
const ids = (notes: readonly Note[]) => notes.map((n) => n.id);
const note = (id: string, extra: Partial<Note> = {}): Note => ({ id, text: id, authorRole: 'dsi', kind: 'constat', map: 'acteurs', ...extra });
const collections = ['lanes', 'actors', 'steps', 'links', 'relations', 'notes'] as const;
const replaced = (a: Session, b: Session) => collections.filter((k) => a[k] !== b[k]);

// DUI example: note-01 représentant·e des salarié·es / difficulté / conduite / step-09
// note-02 DSI / constat / conduite / step-11; note-03 direction / levier / conduite / step-10
// note-04 animation / question / conduite / free; note-05 représentant·e des salarié·es / constat / acteurs / act-cse

describe('filtering and grouping notes', () => {
  it('filters by author role, by kind and by map, combined; an empty filter keeps everything in order', () => {
    const { notes } = dui();
    expect(ids(filterNotes(notes, {}))).toEqual(['note-01', 'note-02', 'note-03', 'note-04', 'note-05']);
    expect(ids(filterNotes(notes, { roles: new Set(['representant-salaries'] as const) }))).toEqual(['note-01', 'note-05']);
    expect(ids(filterNotes(notes, { roles: new Set(['direction', 'dsi'] as const) }))).toEqual(['note-02', 'note-03']);
    expect(ids(filterNotes(notes, { kinds: new Set(['constat'] as const) }))).toEqual(['note-02', 'note-05']);
    expect(ids(filterNotes(notes, { map: 'acteurs' }))).toEqual(['note-05']);
    expect(ids(filterNotes(notes, { map: 'conduite', kinds: new Set(['constat', 'question'] as const) }))).toEqual(['note-02', 'note-04']);
    expect(ids(filterNotes(notes, { roles: new Set(['representant-salaries'] as const), map: 'conduite' }))).toEqual(['note-01']);
    expect(filterNotes(notes, { roles: new Set() })).toEqual([]);
  });

  it('groups the notes by role, every role present, in their original order', () => {
    const s = addNote(dui(), note('note-06', { authorRole: 'representant-salaries', map: 'conduite' }));
    const byRole = notesByRole(s.notes);
    expect(Object.keys(byRole).sort()).toEqual([...AUTHOR_ROLES].sort());
    expect(ids(byRole['representant-salaries'])).toEqual(['note-01', 'note-05', 'note-06']);
    expect(ids(byRole.dsi)).toEqual(['note-02']);
    expect(ids(byRole.direction)).toEqual(['note-03']);
    expect(ids(byRole.animation)).toEqual(['note-04']);
    expect(byRole.autre).toEqual([]);
    expect(notesByRole([]).direction).toEqual([]);
  });

  it('finds the notes hanging on a step or an actor, not those on an entity of the other type', () => {
    const s = dui();
    expect(ids(notesOf(s, { type: 'step', id: 'step-09' }))).toEqual(['note-01']);
    expect(ids(notesOf(s, { type: 'actor', id: 'act-cse' }))).toEqual(['note-05']);
    expect(notesOf(s, { type: 'step', id: 'act-cse' })).toEqual([]);
    expect(notesOf(s, { type: 'step', id: 'step-01' })).toEqual([]);
    const more = addNote(s, note('note-06', { attachedTo: { type: 'step', id: 'step-09' } }));
    expect(ids(notesOf(more, { type: 'step', id: 'step-09' }))).toEqual(['note-01', 'note-06']);
  });
});

describe('editing notes', () => {
  it('adds a note at the end; refuses a taken id or a target that does not exist', () => {
    const s = dui();
    const n = note('note-06', { attachedTo: { type: 'actor', id: 'act-dsi' } });
    const next = addNote(s, n);
    expect(next.notes.at(-1)).toBe(n);
    expect(replaced(s, next)).toEqual(['notes']);
    next.notes.slice(0, -1).forEach((x, i) => expect(x).toBe(s.notes[i]));
    expect(addNote(s, note('note-01'))).toBe(s);
    expect(addNote(s, note('note-06', { attachedTo: { type: 'actor', id: 'step-09' } }))).toBe(s);
    expect(addNote(s, note('note-06', { attachedTo: { type: 'step', id: 'step-99' } }))).toBe(s);
  });

  it('updates one note, leaving the others as they were; undefined frees it; no change gives the same session', () => {
    const s = dui();
    const next = updateNote(s, 'note-05', { text: 'Le CSE n’a pas été consulté.', kind: 'difficulte' });
    expect(next.notes.find((n) => n.id === 'note-05')).toMatchObject({ text: 'Le CSE n’a pas été consulté.', kind: 'difficulte', authorRole: 'representant-salaries' });
    expect(replaced(s, next)).toEqual(['notes']);
    next.notes.forEach((n, i) => (n.id === 'note-05' ? expect(n).not.toBe(s.notes[i]) : expect(n).toBe(s.notes[i])));

    const free = updateNote(s, 'note-05', { attachedTo: undefined });
    expect('attachedTo' in free.notes.find((n) => n.id === 'note-05')!).toBe(false);
    expect(notesOf(free, { type: 'actor', id: 'act-cse' })).toEqual([]);

    const moved = updateNote(s, 'note-04', { attachedTo: { type: 'step', id: 'step-01' } });
    expect(ids(notesOf(moved, { type: 'step', id: 'step-01' }))).toEqual(['note-04']);

    expect(updateNote(s, 'note-05', { attachedTo: { type: 'actor', id: 'act-cse' } })).toBe(s);
    expect(updateNote(s, 'note-05', { kind: 'constat' })).toBe(s);
    expect(updateNote(s, 'note-05', { attachedTo: { type: 'actor', id: 'act-nobody' } })).toBe(s);
    expect(updateNote(s, 'note-99', { kind: 'levier' })).toBe(s);
  });

  it('a note moved on the canvas keeps the same object when it lands where it was', () => {
    const s = updateNote(dui(), 'note-04', { position: { x: 100, y: 200 } });
    expect(s.notes.find((n) => n.id === 'note-04')!.position).toEqual({ x: 100, y: 200 });
    expect(updateNote(s, 'note-04', { position: { x: 100, y: 200 } })).toBe(s);
  });

  it('deletes several notes at once; unknown ids give the same session', () => {
    const s = dui();
    const next = deleteNotes(s, ['note-01', 'note-05', 'note-99']);
    expect(ids(next.notes)).toEqual(['note-02', 'note-03', 'note-04']);
    expect(replaced(s, next)).toEqual(['notes']);
    expect(deleteNotes(s, ['note-99'])).toBe(s);
    expect(deleteNotes(s, [])).toBe(s);
  });

  it('a note is not empty and at most 5000 characters', () => {
    expect(noteTextProblem('')).toBe('La note est vide.');
    expect(noteTextProblem(' \n\t ')).toBe('La note est vide.');
    expect(noteTextProblem('x'.repeat(5001))).toBe('La note ne doit pas dépasser 5\u202f000 caractères.');
    expect(noteTextProblem('é'.repeat(5000))).toBeNull();
    expect(noteTextProblem('Les cadres ont porté le projet.')).toBeNull();
    expect([noteTextIssue(' '), noteTextIssue('x'.repeat(5001)), noteTextIssue('Oui')]).toEqual(['empty', 'too-long', null]);
  });
});
