import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { EditorSnapshot, EditorStore } from './editorStore';

export const EditorContext = createContext<EditorStore | null>(null);

/** The editor store of the surrounding <EditorContext.Provider>. */
export function useStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useStore outside EditorContext');
  return store;
}

/**
 * Subscribes to a slice of the editor snapshot. The component re-renders only when the selected
 * value changes (`Object.is`, or the given equality), so selectors may build arrays/objects
 * when they pass `equal` (e.g. `shallowEqual`).
 */
export function useEditor<T>(selector: (s: EditorSnapshot) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const store = useStore();
  const cache = useRef<{ snap: EditorSnapshot; selector: unknown; value: T } | null>(null);
  const get = useCallback(() => {
    const snap = store.getSnapshot();
    const c = cache.current;
    if (c && c.snap === snap && c.selector === selector) return c.value;
    const value = selector(snap);
    if (c && equal(c.value, value)) {
      cache.current = { snap, selector, value: c.value };
      return c.value;
    }
    cache.current = { snap, selector, value };
    return value;
  }, [store, selector]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Shallow equality of arrays / plain objects (for selectors returning fresh containers). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (a instanceof Map || b instanceof Map) return false; // Object.keys of a Map is [] (two Maps would look equal)
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
