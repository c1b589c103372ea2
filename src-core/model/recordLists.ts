import type { Alignment, Competency, PrerequisiteLink } from './types';

/** Keys and values of a record, enumerated once (enumerating a large record is the costly part of reading it). */
export interface RecordList<T> {
  keys: string[];
  values: T[];
}

/**
 * A framework's three large records as someone already enumerated them, in Object.keys order: the
 * schema check of a file just loaded hands these over (`LoadedFramework.lists`), so the prerequisite
 * graph, coverage and validation of the same document do not enumerate them again.
 *
 * Valid only while the framework's records are unchanged since they were taken: pass them on with the
 * document they came from, straight after loading it, never after an edit.
 */
export interface FrameworkRecordLists {
  competencies: RecordList<Competency>;
  prerequisites: RecordList<PrerequisiteLink>;
  alignments: RecordList<Alignment>;
}
