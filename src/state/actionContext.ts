/**
 * What an action is performed with: the document, the view, the history and the clipboard. The
 * app's context reads the stores; a test makes one the same way and performs actions headless.
 */
import type { ActorClipboard } from '../domain/commands/actors';
import type { StepClipboard } from '../domain/commands/conduct';
import type { Session } from '../domain/types';
import { canRedo, canUndo, redo, undo, useDocumentStore } from './documentStore';
import { useViewStore, type ViewState } from './viewStore';

export interface ActionContext {
  session: () => Session | null;
  /** One command, one undo step. */
  apply: (command: (session: Session) => Session) => void;
  view: () => ViewState;
  announce: (message: string) => void;
  history: { undo: () => void; redo: () => void; canUndo: () => boolean; canRedo: () => boolean };
  /**
   * The system clipboard (it carries copied steps to other tabs and sessions), and what was last
   * copied in this tab (used when the system clipboard cannot be read).
   */
  clipboard: {
    write: (text: string) => Promise<void>;
    read: () => Promise<string | null>;
    tab: { steps: StepClipboard | null; actors: ActorClipboard | null };
  };
  /** Called after any change that may change what an action can do. */
  subscribe: (listener: () => void) => () => void;
}

/** The app's context: the stores of this page. */
export const appContext: ActionContext = {
  session: () => useDocumentStore.getState().session,
  apply: (command) => useDocumentStore.getState().apply(command),
  view: () => useViewStore.getState(),
  announce: (message) => useViewStore.getState().announce(message),
  history: {
    undo,
    redo,
    canUndo,
    canRedo,
  },
  clipboard: {
    write: async (text) => {
      try {
        await navigator.clipboard?.writeText(text);
      } catch {
        // No permission: the tab's own clipboard is enough within this tab.
      }
    },
    read: async () => {
      try {
        return (await navigator.clipboard?.readText()) ?? null;
      } catch {
        return null;
      }
    },
    tab: { steps: null, actors: null },
  },
  subscribe: (listener) => {
    const stops = [useDocumentStore.subscribe(listener), useDocumentStore.temporal.subscribe(listener), useViewStore.subscribe(listener)];
    return () => stops.forEach((stop) => stop());
  },
};
