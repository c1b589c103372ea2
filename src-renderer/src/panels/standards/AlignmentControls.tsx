import { removeAlignments, setAlignmentKind } from '../../../../src-core/commands';
import type { AlignmentId } from '../../../../src-core/model/ids';
import { ALIGNMENT_KINDS, type AlignmentKind } from '../../../../src-core/model/types';
import { useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';

/** The kind picker and remove button of one alignment (standards browser and inspector alike). */
export function AlignmentControls({ id, kind }: { id: string; kind: AlignmentKind }) {
  const store = useStore();
  const run = (r: ReturnType<typeof store.run>) => {
    if (!r.ok) store.notify('error', r.error.message);
  };
  return (
    <>
      <select
        className="input std-kind"
        aria-label="Alignment kind"
        value={kind}
        onChange={(e) => run(store.run(setAlignmentKind(id as AlignmentId, e.target.value as AlignmentKind)))}
      >
        {ALIGNMENT_KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <button className="icon-btn danger" title="Remove this alignment" aria-label="Remove alignment" onClick={() => run(store.run(removeAlignments([id as AlignmentId])))}>
        <Icon name="close" size={14} />
      </button>
    </>
  );
}
