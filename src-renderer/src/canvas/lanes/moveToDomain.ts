import { assignDomains, type Command } from '../../../../src-core/commands';
import type { CompetencyId, DomainId } from '../../../../src-core/model/ids';
import type { EditorStore, RunResult } from '../../store/editorStore';
import { canvasBridge } from '../canvasBridge';

/**
 * The command that moves competencies to a domain (null: no domain) and, while lanes are drawn, their
 * cards into its lane (core `assignDomains`: a free spot near where they were; a new lane past the
 * others for a domain without cards), as one undo step.
 */
export function moveToDomainCommand(store: EditorStore, ids: readonly CompetencyId[], domainId: DomainId | null): Command {
  const orientation = store.getSnapshot().session.laneOrientation;
  return assignDomains(Object.fromEntries(ids.map((id) => [id, domainId])), { orientation });
}

/**
 * Runs a domain change from the inspector (or a batch holding one) and keeps the moved card in view: it
 * may have gone to a lane off screen. A refusal (a locked framework, an unknown domain) is shown.
 */
export function runDomainChange(store: EditorStore, cmd: Command, shown?: CompetencyId): RunResult {
  const before = shown ? store.getSnapshot().doc.framework.competencies[shown]?.position : undefined;
  const r = store.run(cmd);
  if (!r.ok) store.notify('error', r.error.message);
  const after = shown ? store.getSnapshot().doc.framework.competencies[shown]?.position : undefined;
  // After the next paint: the map's first domain brings in the lane headers, which narrow the canvas,
  // and a pan measured before that would leave the card under the inspector.
  if (r.ok && after && after !== before) requestAnimationFrame(() => requestAnimationFrame(() => canvasBridge.ensureVisible(after)));
  return r;
}
