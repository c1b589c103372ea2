import { useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * "Select several" (the button under the zoom buttons): while it is on, a tap (or click) on a competency adds it to
 * the selection or takes it out, as Shift / Ctrl+click does — the only other ways to select several were those keys
 * and Shift+drag, none of them at hand on a touch screen with no keyboard. It holds React Flow's own
 * multi-selection flag on (a Shift press and release would drop it: it is set again), and goes off with a new
 * document.
 */
export function useSelectSeveral(docKey: string): { on: boolean; toggle: () => void } {
  const flowStore = useStoreApi();
  const [on, setOn] = useState(false);
  const onRef = useRef(on);
  onRef.current = on;
  useEffect(() => {
    flowStore.setState({ multiSelectionActive: on });
    if (!on) return;
    return flowStore.subscribe((s) => {
      if (onRef.current && !s.multiSelectionActive) flowStore.setState({ multiSelectionActive: true });
    });
  }, [on, flowStore]);
  useEffect(() => setOn(false), [docKey]);
  const toggle = useCallback(() => setOn((v) => !v), []);
  return { on, toggle };
}
