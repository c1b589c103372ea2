/**
 * Calendar dates as `YYYY-MM-DD` strings (what progress files, CSVs and pacing plans use). All
 * arithmetic is in UTC days, so results never depend on the machine's time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `s` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isIsoDate(s: string): boolean {
  return toDayNumber(s) !== undefined;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function toDayNumber(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(t / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number (see {@link toDayNumber}). */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` (may be negative). Throws on a malformed date: callers validate first. */
export function addDays(date: string, days: number): string {
  const n = toDayNumber(date);
  if (n === undefined) throw new Error(`addDays: not a date: ${date}`);
  return fromDayNumber(n + days);
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Today's date where the user is (the machine's own time zone) as `YYYY-MM-DD`: what a teacher means by
 * "today" when recording what a student showed. (UTC's date is the day before in Sydney on a school
 * morning, and the day after in California in the evening.)
 */
export function localTodayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
