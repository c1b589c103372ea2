import { useSyncExternalStore } from 'react';
import type { EditorStore } from '../../store/editorStore';

/** What the standards browser shows, shared with the coverage and problems panels. */
export interface StandardsUiState {
  /** The set shown (null = the first set). */
  setId: string | null;
  /** A standard to scroll to and highlight; `seq` lets the same one be revealed again. */
  reveal: { setId: string | null; id: string; seq: number } | null;
  /** The browser's search and grade filter (kept while other panels are shown). */
  query: string;
  grade: string;
}

let state: StandardsUiState = { setId: null, reveal: null, query: '', grade: '' };
const listeners = new Set<() => void>();

export const standardsUi = {
  get: (): StandardsUiState => state,
  set(patch: Partial<StandardsUiState>): void {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useStandardsUi(): StandardsUiState {
  return useSyncExternalStore(standardsUi.subscribe, standardsUi.get, standardsUi.get);
}

/** Opens the standards browser on a standard (from coverage, problems, the inspector). */
export function revealStandard(store: EditorStore, id: string, setId?: string | null): void {
  const sets = store.getSnapshot().doc.framework.standardsSets;
  const owner = setId ?? Object.values(sets).find((s) => Object.prototype.hasOwnProperty.call(s.items, id))?.id ?? null;
  standardsUi.set({ setId: owner ?? state.setId, reveal: { setId: owner, id, seq: (state.reveal?.seq ?? 0) + 1 } });
  store.setSession({ panel: 'standards' });
}
