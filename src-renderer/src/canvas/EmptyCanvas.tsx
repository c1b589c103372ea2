import { useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { createCompetency } from './actions';

/** Shown on an empty framework: how to start. */
export function EmptyCanvas() {
  const store = useStore();
  return (
    <div className="empty-canvas" data-testid="empty-canvas">
      <div className="empty-card">
        <h2>Start your progression</h2>
        <p>Add a competency for each skill students must master, then drag from the dot on its right edge to the competency it unlocks.</p>
        <button className="btn btn-primary" onClick={() => createCompetency(store, { x: 0, y: 0 })}>
          <Icon name="plus" /> Add the first competency
        </button>
        <p className="muted small">Or double-click anywhere on the canvas, or press N.</p>
      </div>
    </div>
  );
}
