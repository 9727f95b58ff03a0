import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand';
import { heldApi, holdRendersUntil, withTheRedraw } from '../../src/state/renderGate';

const make = () => {
  const store = createStore<{ n: number }>()(() => ({ n: 0 }));
  const first: number[] = [];
  store.subscribe((s) => first.push(s.n)); // subscribed to the store itself: never held
  const api = heldApi(store);
  const seen: [number, number][] = [];
  api.subscribe((s, prev) => seen.push([s.n, prev.n]));
  return { store, api, first, seen };
};

afterEach(() => vi.useRealTimers());

describe('written before drawn (holdRendersUntil)', () => {
  it('tells the components nothing until the write is on disk, then once, with the latest state', async () => {
    const { store, api, first, seen } = make();
    let written!: () => void;
    holdRendersUntil(new Promise<void>((resolve) => (written = resolve)));
    store.setState({ n: 1 });
    store.setState({ n: 2 });
    expect(first).toEqual([1, 2]);
    expect(api.getState().n).toBe(2);
    expect(seen).toEqual([]);
    written();
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([[2, 0]]);
    store.setState({ n: 3 });
    expect(seen).toEqual([[2, 0], [3, 2]]);
  });

  it('a write that fails releases the components too', async () => {
    const { store, seen } = make();
    holdRendersUntil(Promise.reject(new Error('disque plein')));
    store.setState({ n: 1 });
    expect(seen).toEqual([]);
    await vi.waitFor(() => expect(seen).toEqual([[1, 0]]));
  });

  it('a write that hangs holds them 50 ms at most', () => {
    vi.useFakeTimers();
    const { store, seen } = make();
    holdRendersUntil(new Promise(() => undefined));
    store.setState({ n: 1 });
    vi.advanceTimersByTime(49);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([[1, 0]]);
  });

  it('while two writes are under way, the components wait for both', async () => {
    const { store, seen } = make();
    let a!: () => void;
    let b!: () => void;
    holdRendersUntil(new Promise<void>((resolve) => (a = resolve)));
    store.setState({ n: 1 });
    holdRendersUntil(new Promise<void>((resolve) => (b = resolve)));
    store.setState({ n: 2 });
    a();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
    b();
    await vi.waitFor(() => expect(seen).toEqual([[2, 0]]));
  });

  it('nothing held when nothing changed', async () => {
    const { seen } = make();
    holdRendersUntil(Promise.resolve());
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
  });
});

describe('withTheRedraw', () => {
  it('runs at once when nothing is held, and with the redraw when it is', async () => {
    const { store, seen } = make();
    const said: string[] = [];
    withTheRedraw(() => said.push('now'));
    expect(said).toEqual(['now']);
    let written!: () => void;
    holdRendersUntil(new Promise<void>((resolve) => (written = resolve)));
    store.setState({ n: 1 });
    withTheRedraw(() => said.push(`with ${seen.length}`));
    expect(said).toEqual(['now']);
    written();
    await vi.waitFor(() => expect(said).toEqual(['now', 'with 1']));
  });
});
