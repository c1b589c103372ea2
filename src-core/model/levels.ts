/**
 * CEDS grade-level codes as used by CASE `educationLevel` (2-digit, zero-padded), in learner order.
 * Source: the CEDS / OpenSALT US grades vocabulary.
 */
export const EDUCATION_LEVELS = [
  { code: 'IT', title: 'Infant/toddler' },
  { code: 'PR', title: 'Preschool' },
  { code: 'PK', title: 'Prekindergarten' },
  { code: 'TK', title: 'Transitional Kindergarten' },
  { code: 'KG', title: 'Kindergarten' },
  { code: '01', title: 'Grade 1' },
  { code: '02', title: 'Grade 2' },
  { code: '03', title: 'Grade 3' },
  { code: '04', title: 'Grade 4' },
  { code: '05', title: 'Grade 5' },
  { code: '06', title: 'Grade 6' },
  { code: '07', title: 'Grade 7' },
  { code: '08', title: 'Grade 8' },
  { code: '09', title: 'Grade 9' },
  { code: '10', title: 'Grade 10' },
  { code: '11', title: 'Grade 11' },
  { code: '12', title: 'Grade 12' },
  { code: '13', title: 'Grade 13' },
  { code: 'AS', title: "Associate's degree" },
  { code: 'BA', title: "Bachelor's degree" },
  { code: 'PB', title: 'Post-baccalaureate certificate' },
  { code: 'MD', title: "Master's degree" },
  { code: 'PM', title: "Post-master's certificate" },
  { code: 'DO', title: 'Doctoral degree' },
  { code: 'PD', title: 'Post-doctoral certificate' },
  { code: 'AE', title: 'Adult Education' },
  { code: 'PT', title: 'Professional or technical credential' },
  { code: 'OT', title: 'Other' },
] as const;

export type EducationLevelCode = (typeof EDUCATION_LEVELS)[number]['code'];

const RANK = new Map<string, number>(EDUCATION_LEVELS.map((l, i) => [l.code, i]));

/**
 * Rank by a code's two character codes (`a * 128 + b`), -1 for none: every code is two ASCII
 * characters, so a table read stands in for a map lookup in the checks' per-competency loop.
 */
const RANK_OF_PAIR = new Int8Array(128 * 128).fill(-1);
for (const [code, i] of RANK) RANK_OF_PAIR[code.charCodeAt(0) * 128 + code.charCodeAt(1)] = i;

/** True for a known CEDS grade-level code. */
export function isEducationLevel(code: string): code is EducationLevelCode {
  return levelRank(code) !== undefined;
}

/** Position of a level on the learner continuum, or undefined for an unknown code. */
export function levelRank(code: string): number | undefined {
  if (typeof code !== 'string' || code.length !== 2) return undefined;
  const a = code.charCodeAt(0);
  const b = code.charCodeAt(1);
  if (a >= 128 || b >= 128) return undefined;
  const r = RANK_OF_PAIR[a * 128 + b]!;
  return r === -1 ? undefined : r;
}

/**
 * Normalises the spellings seen in the wild (`K`, `k`, `1`, `"6"`, `Grade 3`, `PreK`) to CEDS codes.
 * Returns the input trimmed when it cannot be normalised, so the caller can report it.
 */
export function normalizeEducationLevel(raw: string): string {
  const s = raw.trim();
  const up = s.toUpperCase();
  if (RANK.has(up)) return up;
  if (up === 'K' || up === 'KINDERGARTEN') return 'KG';
  if (up === 'PREK' || up === 'PRE-K') return 'PK';
  const m = /^(?:GRADE\s*)?(\d{1,2})$/.exec(up);
  if (m) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 13) return String(n).padStart(2, '0');
  }
  return s;
}

/** The lowest rank among the given levels (unknown codes ignored), or undefined. */
export function minLevelRank(levels: readonly string[]): number | undefined {
  let min: number | undefined;
  for (const l of levels) {
    const r = RANK.get(l);
    if (r !== undefined && (min === undefined || r < min)) min = r;
  }
  return min;
}

/** A short human label for a set of levels: `Gr 3–5`, `KG`, `Gr 9–12`. */
export function formatLevels(levels: readonly string[]): string {
  const known = levels.filter((l) => RANK.has(l)).sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  if (known.length === 0) return levels.join(', ');
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const lab = (c: string) => (/^\d\d$/.test(c) ? String(Number(c)) : c);
  const numeric = /^\d\d$/.test(first) && /^\d\d$/.test(last);
  if (first === last) return numeric ? `Gr ${lab(first)}` : first;
  return numeric ? `Gr ${lab(first)}–${lab(last)}` : `${lab(first)}–${lab(last)}`;
}
