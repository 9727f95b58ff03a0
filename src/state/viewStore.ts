/** View state: what is selected, which tab and panels are open. Never saved, never undone. */
import { create } from 'zustand';
import type { SaveStatus } from '../storage/persister';
import { withTheRedraw } from './renderGate';

import type { AuthorRole } from '../domain/enums';

export type MapTab = 'conduite' | 'acteurs' | 'synthese' | 'regards';

/** What the last selection points at, across both maps (cross-highlighting). */
export type Focus = { type: 'step' | 'actor'; id: string } | null;

/** The dialog or full-screen view open over a session page (one at a time). */
export type Dialog =
  | { kind: 'shortcuts' }
  | { kind: 'lane' }
  | { kind: 'note' }
  | { kind: 'link'; from: string }
  | { kind: 'actor' }
  | { kind: 'relation'; from?: string; to?: string }
  /** Deleting actors that took part in steps or stand for a lane: asked first. */
  | { kind: 'delete-actors'; actorIds: string[]; relationIds: string[]; noteIds: string[] }
  | { kind: 'presentation' };

/** Node id of a note on a canvas (notes share the canvas with steps or actors). */
export const noteNodeId = (id: string) => `note:${id}`;
export const noteIdOf = (nodeId: string) => (nodeId.startsWith('note:') ? nodeId.slice(5) : null);

/** What each user chooses to see, remembered by this browser (not part of any session). */
interface Display {
  /** The side panels (chronology, editor, legend) beside the map. */
  panels: boolean;
  /** The mini-map over the map's corner. */
  miniMap: boolean;
  /** The missing steps (domain/gaps.ts) drawn as ghosts on the conduct map, and in its image exports. */
  ghosts: boolean;
}
const DISPLAY_KEY = 'cartographies-acia.affichage';

function readDisplay(): Display {
  // Below 1440 px the mini-map would cover part of a map fitted in the window.
  const wide = typeof window !== 'undefined' && window.innerWidth >= 1440;
  const fallback = { panels: true, miniMap: wide, ghosts: true };
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(DISPLAY_KEY) ?? 'null') as Partial<Display> | null;
    return {
      panels: typeof saved?.panels === 'boolean' ? saved.panels : fallback.panels,
      miniMap: typeof saved?.miniMap === 'boolean' ? saved.miniMap : fallback.miniMap,
      ghosts: typeof saved?.ghosts === 'boolean' ? saved.ghosts : fallback.ghosts,
    };
  } catch {
    return fallback;
  }
}

function saveDisplay(display: Display): void {
  try {
    globalThis.localStorage?.setItem(DISPLAY_KEY, JSON.stringify(display));
  } catch {
    // Not remembered (private browsing, full storage): the choice still holds for this page.
  }
}

export interface ViewState {
  tab: MapTab;
  /** Selected nodes of the current map, by node id: steps or actors, and notes as `note:<id>`. */
  selection: string[];
  /** The step or actor last selected, kept across tabs: its partners are highlighted. */
  focus: Focus;
  /** Note author roles shown on the maps. */
  noteRoles: AuthorRole[];
  /** Selected links between steps, by id. */
  linkSelection: string[];
  /** The step editor is open on a new step. */
  creatingStep: boolean;
  /** A node of a map is being dragged (see useSettledSelection). */
  dragging: boolean;
  saveStatus: SaveStatus;
  dialog: Dialog | null;
  /** The map is shown as an editable list (`Vue liste`) instead of a canvas. */
  outline: boolean;
  /** Asks the map shown to fit its whole content in view: the canvas follows each increment. */
  fitRequests: number;
  /** Asks the conduct map to bring a step into view: centred (`center`), or panned to, without zooming, when outside (`reveal`). */
  viewRequest: { id: string; how: 'center' | 'reveal'; n: number } | null;
  /** The actors are being arranged by category (the layout library is loaded on demand). */
  arranging: boolean;
  panels: boolean;
  miniMap: boolean;
  ghosts: boolean;
  /** Mode salle, for the projector: large type, no editing chrome (styles.css `.is-room`; its keys: roomScope in features/sessions/actions.ts). */
  roomMode: boolean;
  /** Last polite announcement for screen readers (and the visible notice line). */
  announcement: string;
  setTab: (tab: MapTab) => void;
  /** Selects nodes; with `focusType`, a single step or actor also becomes the focus (and none clears it). */
  select: (ids: string[], focusType?: 'step' | 'actor') => void;
  setFocus: (focus: Focus) => void;
  setNoteRoles: (roles: AuthorRole[]) => void;
  selectLinks: (ids: string[]) => void;
  setCreatingStep: (creating: boolean) => void;
  setDragging: (dragging: boolean) => void;
  setSaveStatus: (status: SaveStatus) => void;
  openDialog: (dialog: Dialog | null) => void;
  setOutline: (outline: boolean) => void;
  requestFit: () => void;
  requestView: (id: string, how: 'center' | 'reveal') => void;
  setArranging: (arranging: boolean) => void;
  setDisplay: (display: Partial<Display>) => void;
  setRoomMode: (roomMode: boolean) => void;
  announce: (message: string) => void;
}

export const useViewStore = create<ViewState>()((set, get) => ({
  tab: 'conduite',
  selection: [],
  focus: null,
  noteRoles: ['direction', 'representant-salaries', 'dsi', 'animation', 'autre'],
  linkSelection: [],
  creatingStep: false,
  dragging: false,
  saveStatus: { state: 'saved', at: null },
  dialog: null,
  outline: false,
  fitRequests: 0,
  viewRequest: null,
  arranging: false,
  ...readDisplay(),
  roomMode: false,
  announcement: '',
  setTab: (tab) => set({ tab, selection: [], linkSelection: [], creatingStep: false, dragging: false, dialog: null, outline: false }),
  select: (selection, focusType) =>
    set(
      focusType
        ? {
            selection,
            creatingStep: false,
            focus: selection.length === 1 && !selection[0]!.startsWith('note:') ? { type: focusType, id: selection[0]! } : null,
          }
        : { selection, creatingStep: false },
    ),
  setFocus: (focus) => set({ focus }),
  setNoteRoles: (noteRoles) => set({ noteRoles }),
  selectLinks: (linkSelection) => set({ linkSelection }),
  setCreatingStep: (creatingStep) => set(creatingStep ? { creatingStep, selection: [], linkSelection: [] } : { creatingStep }),
  setDragging: (dragging) => set({ dragging }),
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  openDialog: (dialog) => set({ dialog }),
  setOutline: (outline) => set({ outline }),
  requestFit: () => set((s) => ({ fitRequests: s.fitRequests + 1 })),
  requestView: (id, how) => set((s) => ({ viewRequest: { id, how, n: (s.viewRequest?.n ?? 0) + 1 } })),
  setArranging: (arranging) => set({ arranging }),
  setDisplay: (display) => {
    set(display);
    saveDisplay({ panels: get().panels, miniMap: get().miniMap, ghosts: get().ghosts });
  },
  setRoomMode: (roomMode) => set({ roomMode }),
  // Said with the redraw of the edit it speaks of (see renderGate).
  announce: (announcement) => withTheRedraw(() => set({ announcement })),
}));
