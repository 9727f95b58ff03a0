/** View state: what is selected, which tab and panels are open. Never saved, never undone. */
import { create } from 'zustand';
import type { SaveStatus } from '../storage/persister';

export type MapTab = 'conduite' | 'acteurs';

export interface ViewState {
  tab: MapTab;
  selection: string[];
  saveStatus: SaveStatus;
  setTab: (tab: MapTab) => void;
  select: (ids: string[]) => void;
  setSaveStatus: (status: SaveStatus) => void;
}

export const useViewStore = create<ViewState>()((set) => ({
  tab: 'conduite',
  selection: [],
  saveStatus: { state: 'saved', at: null },
  setTab: (tab) => set({ tab }),
  select: (selection) => set({ selection }),
  setSaveStatus: (saveStatus) => set({ saveStatus }),
}));
