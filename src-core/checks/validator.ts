import type { Framework } from '../model/types';
import { validateFramework } from './validateFramework';
import type { ValidateOptions, ValidationResult } from './types';

/** Validation for an editor: one per open document (see {@link createValidator}). */
export interface Validator {
  /**
   * The result of `validateFramework(fw, opts)` — exactly the same value — computed incrementally when
   * `fw` is an immutable (immer) version of the document validated before: only what the edit replaced
   * is looked at again (the edited competencies' own checks; the prerequisite graph, reusing the node
   * ends of unchanged links; alignment findings and coverage only when alignments, standards or the
   * competency ids changed); messages are written afresh, since they name competencies. The same
   * version twice returns the same result object.
   */
  validate(fw: Framework): ValidationResult;
  /** The last version validated and its result, if any. */
  readonly last: { framework: Framework; result: ValidationResult } | undefined;
}

/**
 * A validator for live use (the editor validates on every edit). Results may share objects with
 * earlier results of the same validator: treat them as read-only.
 */
export function createValidator(opts: ValidateOptions = {}): Validator {
  let last: { framework: Framework; result: ValidationResult } | undefined;
  return {
    validate(fw) {
      if (last?.framework === fw) return last.result;
      const result = validateFramework(fw, opts);
      last = { framework: fw, result };
      return result;
    },
    get last() {
      return last;
    },
  };
}
