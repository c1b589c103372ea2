import { assignDomains, type Command } from '../../../../src-core/commands';
import type { CompetencyId, DomainId } from '../../../../src-core/model/ids';
import type { EditorStore } from '../../store/editorStore';
import { NODE_H, NODE_W } from '../geometry';

/**
 * The command that moves competencies to a domain (null: no domain) and, while lanes are drawn, their
 * cards into its lane (core `assignDomains`: a free spot near where they were; a new lane past the
 * others for a domain without cards), as one undo step.
 */
export function moveToDomainCommand(store: EditorStore, ids: readonly CompetencyId[], domainId: DomainId | null): Command {
  const orientation = store.getSnapshot().session.laneOrientation;
  return assignDomains(Object.fromEntries(ids.map((id) => [id, domainId])), { orientation, size: { width: NODE_W, height: NODE_H } });
}
