/**
 * Actions performed headless, as the app performs them: the real stores, a session loaded from
 * an example file, the view reset, and a clipboard of the test's own.
 */
import { parseSessionFile } from '../src/domain/format/file';
import type { Session } from '../src/domain/types';
import { appContext, type ActionContext } from '../src/state/actionContext';
import { useDocumentStore } from '../src/state/documentStore';
import { useViewStore, type MapTab } from '../src/state/viewStore';
import { exampleText } from './formatExamples';

const initialView = useViewStore.getState();

export function exampleSession(name = 'dui-groupement.json'): Session {
  const parsed = parseSessionFile(exampleText(name));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

export interface Harness {
  ctx: ActionContext;
  session: () => Session;
  announced: () => string;
  /** What the clipboard holds, as the system clipboard would. */
  clipboard: { text: string | null };
}

export function openHeadless(session: Session, tab: MapTab = 'conduite'): Harness {
  useViewStore.setState(initialView, true);
  useViewStore.getState().setTab(tab);
  useDocumentStore.getState().load(session);
  const clipboard = { text: null as string | null };
  const ctx: ActionContext = {
    ...appContext,
    clipboard: {
      write: async (text) => void (clipboard.text = text),
      read: async () => clipboard.text,
      tab: { steps: null, actors: null },
    },
  };
  return {
    ctx,
    session: () => useDocumentStore.getState().session!,
    announced: () => useViewStore.getState().announcement,
    clipboard,
  };
}
