// Which step of the page the visitor chose (1 Train · 2 Look inside · 3 Compare; kept in the URL
// by client/urlState.ts, not a training setting) and which layer of the network picture was
// clicked, so the inspector shows that layer's maps.

import type { StateCreator } from 'zustand/vanilla';

export const VIEWS = ['train', 'inside', 'compare'] as const;
export type View = (typeof VIEWS)[number];

export function isView(v: string | null): v is View {
  return (VIEWS as readonly string[]).includes(v ?? '');
}

export interface ViewSlice {
  view: View;
  /** The layer picked in the picture; `seq` grows with each pick so picking it again scrolls again. */
  focusedLayer: { name: string; seq: number } | null;
  setView(view: View): void;
  focusLayer(name: string): void;
}

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  view: 'train',
  focusedLayer: null,
  setView: (view) => set({ view }),
  focusLayer: (name) =>
    set((s) => ({ view: 'inside', focusedLayer: { name, seq: (s.focusedLayer?.seq ?? 0) + 1 } })),
});
