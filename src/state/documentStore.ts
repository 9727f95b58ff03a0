/**
 * The document: the open session, saved and undoable. One user intent is one `apply` call,
 * hence one undo step. Selection, viewport and panels live in the view store, never here.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand';
import type { Session } from '../domain/types';
import { boundHook, heldApi } from './renderGate';

export const UNDO_LIMIT = 200;

export interface DocumentState {
  session: Session | null;
  /** Applies one command (a pure function of the session). */
  apply: (command: (session: Session) => Session) => void;
  /** Replaces the document without an undo step (opening a session, another tab's edit). */
  load: (session: Session | null) => void;
}

const store = createStore<DocumentState>()(
  temporal(
    (set, get) => ({
      session: null,
      apply: (command) => {
        const current = get().session;
        if (!current) return;
        const next = command(current);
        if (next !== current) set({ session: next });
      },
      load: (session) => {
        const temporalStore = store.temporal.getState();
        temporalStore.pause();
        set({ session });
        temporalStore.resume();
        temporalStore.clear();
      },
    }),
    {
      limit: UNDO_LIMIT,
      partialize: (state) => ({ session: state.session }),
      equality: (a, b) => a.session === b.session,
    },
  ),
);

type DocumentListener = (session: Session | null, previous: Session | null) => void;
const firstListeners = new Set<DocumentListener>();

// Subscribed when the store is made, hence before any component: these listeners hear of a change
// before React schedules its re-render (a save starts before the page draws the edit).
store.subscribe((state, prev) => {
  if (state.session !== prev.session) for (const listener of firstListeners) listener(state.session, prev.session);
});

/** Listens to every change of the document (edits, undo, redo, loads), ahead of the components. */
export function onDocumentChange(listener: DocumentListener): () => void {
  firstListeners.add(listener);
  return () => firstListeners.delete(listener);
}

/** The document store: `useDocumentStore(selector)` in components, its API (getState, temporal…) outside. */
export const useDocumentStore = boundHook(heldApi(store));

/**
 * Who undoes: zundo's history, or, in the workshop room, the room's own history, which undoes
 * only this laptop's changes (see state/roomSession.ts).
 */
export interface HistoryDelegate {
  undo: () => void;
  redo: () => void;
  canUndo: () => boolean;
  canRedo: () => boolean;
}
let historyDelegate: HistoryDelegate | null = null;

export function setHistoryDelegate(delegate: HistoryDelegate | null): void {
  historyDelegate = delegate;
}

export const undo = () => (historyDelegate ? historyDelegate.undo() : useDocumentStore.temporal.getState().undo());
export const redo = () => (historyDelegate ? historyDelegate.redo() : useDocumentStore.temporal.getState().redo());
export const canUndo = () => (historyDelegate ? historyDelegate.canUndo() : useDocumentStore.temporal.getState().pastStates.length > 0);
export const canRedo = () => (historyDelegate ? historyDelegate.canRedo() : useDocumentStore.temporal.getState().futureStates.length > 0);

/** Replaces the document without an undo step and keeps the history (an edit that came from the room). */
export function replaceDocument(session: Session): void {
  const temporalStore = store.temporal.getState();
  temporalStore.pause();
  store.setState({ session });
  temporalStore.resume();
}

/** Applies one command to the open session (one undo step), from outside React. */
export const applyCommand = (command: (session: Session) => Session) => useDocumentStore.getState().apply(command);
