import { useRef } from 'react';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { sameStanding } from '../../../../src-core/progress/structure';

/** `status`, or the status of the last render while it stands the same (see `sameStanding`). */
export function useSameStanding(status: LearnerStatus | null): LearnerStatus | null {
  const kept = useRef(status);
  if (!sameStanding(kept.current, status)) kept.current = status;
  return kept.current;
}
