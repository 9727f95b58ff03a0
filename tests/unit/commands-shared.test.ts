import { describe, expect, it } from 'vitest';
import { patch, samePlain } from '../../src/domain/commands/shared';

interface Item {
  id: string;
  title: string;
  label?: string;
  position?: { x: number; y: number };
  tags?: string[];
}

const item: Item = { id: 'a', title: 'Titre', label: 'Libellé', position: { x: 1, y: 2 }, tags: ['x', 'y'] };

describe('patch', () => {
  it('sets the keys given and keeps the others', () => {
    const next = patch(item, { title: 'Autre' });
    expect(next).toEqual({ ...item, title: 'Autre' });
    expect(next.position).toBe(item.position);
    expect(item.title).toBe('Titre');
  });

  it('removes an optional key set to undefined, and keeps a required one', () => {
    const next = patch(item, { label: undefined, title: undefined }, ['title']);
    expect(next).not.toHaveProperty('label');
    expect(next.title).toBe('Titre');
  });

  it('returns the same object when nothing changes, equal plain values included', () => {
    expect(patch(item, {})).toBe(item);
    expect(patch(item, { title: 'Titre' })).toBe(item);
    expect(patch(item, { position: { y: 2, x: 1 }, tags: ['x', 'y'] })).toBe(item);
    expect(patch({ id: 'b', title: 't' } as Item, { label: undefined })).toEqual({ id: 'b', title: 't' });
    expect(patch(item, { title: undefined }, ['title'])).toBe(item);
  });

  it('replaces a plain value that differs', () => {
    expect(patch(item, { position: { x: 1, y: 3 } }).position).toEqual({ x: 1, y: 3 });
    expect(patch(item, { tags: ['y', 'x'] }).tags).toEqual(['y', 'x']);
  });
});

describe('samePlain', () => {
  it('compares plain data by value; undefined keys count as absent', () => {
    expect(samePlain({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(samePlain({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(samePlain([1, 2], [2, 1])).toBe(false);
    expect(samePlain([1], { 0: 1 })).toBe(false);
    expect(samePlain(null, {})).toBe(false);
    expect(samePlain('1', 1)).toBe(false);
  });
});
