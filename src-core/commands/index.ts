/**
 * Every edit of a framework is one of these named commands (immer recipes). The editor store runs
 * them with `applyCommand` and keeps their patches for undo/redo.
 */
export { applyCommand, base, command, isProblem, refuse, type Command, type CommandOutcome } from './command';
export {
  addCompetency,
  addIndicator,
  deleteCompetencies,
  duplicateCompetencies,
  moveCompetencies,
  moveIndicator,
  pasteCompetencies,
  removeIndicator,
  setPhaseDescriptor,
  setPinned,
  updateCompetency,
  updateIndicator,
  type CompetencyClip,
  type CompetencyPatch,
} from './competencies';
export { linkPrerequisite, linkRefusal, reconnectPrerequisite, unlinkPrerequisites, updatePrerequisiteNote } from './links';
export { addPhase, movePhase, removePhase, setThresholdPhase, updatePhase } from './phases';
export { addDomain, moveDomain, removeDomain, updateDomain } from './domains';
export { assignDomains, type AssignDomainsOptions } from './assignDomains';
export { nextVersion, startNewDraft, updateFrameworkMeta, type FrameworkMetaPatch } from './framework';
export { addAlignment, addStandardsSet, removeAlignments, removeStandardsSet, setAlignmentKind } from './standards';
export { addComment, removeComment, updateComment } from './comments';
export { competencyName } from './labels';
