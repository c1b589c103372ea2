import { afterEach, describe, expect, it } from 'vitest';
import { localTodayIso } from '../../src-core/progress/dates';
import { initialLearnersState } from '../../src-renderer/src/features/learners/learnersStore';

// "Today" for a teacher is their own calendar day, not UTC's: at 9:00 in Sydney UTC is still on the day
// before, and at 17:00 in California UTC is already on the next day. The Record form's date, the pacing
// start and the "dated after today" check use the local day.
const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('today where the user is', () => {
  it('is the calendar day of the machine’s time zone', () => {
    process.env.TZ = 'Australia/Sydney';
    const morning = new Date('2026-09-15T23:00:00Z'); // 09:00 on 16 September in Sydney
    expect(localTodayIso(morning)).toBe('2026-09-16');
    expect(initialLearnersState(morning).today).toBe('2026-09-16');
    expect(initialLearnersState(morning).pacing.startDate).toBe('2026-09-16');
    process.env.TZ = 'America/Los_Angeles';
    const evening = new Date('2026-09-16T01:00:00Z'); // 18:00 on 15 September in California
    expect(localTodayIso(evening)).toBe('2026-09-15');
    expect(initialLearnersState(evening).today).toBe('2026-09-15');
    process.env.TZ = 'UTC';
    expect(localTodayIso(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02');
  });
});
