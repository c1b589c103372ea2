import { useEffect } from 'react';
import type { EditorStore } from '../../store/editorStore';
import { alignCompetencies, STANDARD_MIME, type DraggedStandard } from './standardsModel';

const HOVER = 'std-drop-over';

/** The competency node under a drag event, by React Flow's `data-id` on the node wrapper. */
function nodeUnder(e: DragEvent): HTMLElement | null {
  const el = e.target instanceof Element ? e.target : null;
  return (el?.closest('.react-flow__node-competency') as HTMLElement | null) ?? null;
}

/**
 * Lets a standard dragged from the standards browser (HTML5 drag, custom MIME type) be dropped on a
 * competency node of the canvas: hit-tests the node under the pointer, so the canvas code needs no
 * hook. The drop aligns the competency (exact; the whole selection when dropped on one of several
 * selected competencies), one undo step per competency. Active while the browser is mounted.
 */
export function useStandardDrop(store: EditorStore): void {
  useEffect(() => {
    let over: HTMLElement | null = null;
    const setOver = (el: HTMLElement | null) => {
      if (over === el) return;
      over?.classList.remove(HOVER);
      over = el;
      over?.classList.add(HOVER);
    };
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes(STANDARD_MIME)) return;
      const node = nodeUnder(e);
      setOver(node);
      if (!node) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes(STANDARD_MIME)) return;
      const node = nodeUnder(e);
      setOver(null);
      const id = node?.dataset.id;
      if (!id) return;
      e.preventDefault();
      let data: DraggedStandard;
      try {
        data = JSON.parse(e.dataTransfer.getData(STANDARD_MIME)) as DraggedStandard;
      } catch {
        return;
      }
      if (typeof data?.setId !== 'string' || typeof data.standardId !== 'string') return;
      // Dropped on one of several selected competencies: align the whole selection.
      const sel = store.getSnapshot().session.selection.competencies;
      alignCompetencies(store, sel.length > 1 && sel.includes(id as never) ? sel : [id], data.setId, data.standardId, 'exact');
    };
    const onEnd = () => setOver(null);
    document.addEventListener('dragover', onOver);
    document.addEventListener('drop', onDrop);
    document.addEventListener('dragend', onEnd);
    return () => {
      document.removeEventListener('dragover', onOver);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('dragend', onEnd);
      setOver(null);
    };
  }, [store]);
}
