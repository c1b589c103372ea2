import type { CompetencyId } from '../model/ids';
import { minLevelRank } from '../model/levels';
import { sameList } from '../model/lists';
import type { Competency, Framework } from '../model/types';

/**
 * Compares two strings the way people sort codes: digit runs by value (`M.NF.2` before `M.NF.10`),
 * the rest case-insensitively, then by raw text so the order is total and machine-independent.
 */
export function compareCodes(a: string, b: string): number {
  return compareChunks(chunks(a), chunks(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

type Chunks = readonly (string | number)[];

/** A code split into digit runs (numbers) and the rest (lower-cased), for {@link compareCodes}-like sorting. */
function chunks(code: string): Chunks {
  return (code.match(/\d+|\D+/g) ?? []).map((x) => (/^\d/.test(x) ? Number(x) : x.toLowerCase()));
}

function compareChunks(a: Chunks, b: Chunks): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

interface OrderValue {
  domains: object;
  order: CompetencyId[];
  ranks: Map<string, number>;
  /** The sort keys the order was made from, in record order (copies: a document edited in place cannot change them). */
  keys: readonly SortKey[];
}

interface SortKey {
  id: string;
  code: string;
  domainId: string | null;
  levels: readonly string[];
}

const orderCache = new WeakMap<object, OrderValue>();
/** The last order made or used: an edit that changed no sort key (id, code, domain, grade levels) keeps it. */
let lastOrder: OrderValue | undefined;

/**
 * True when `values` sort exactly as the competencies of `last` did: as many, each with the same id, code,
 * domain and grade levels (what the order is made of) as the one at its place then.
 */
function sameSortKeys(last: OrderValue, values: readonly Competency[]): boolean {
  const old = last.keys;
  if (old.length !== values.length) return false;
  for (let i = 0; i < values.length; i++) {
    const a = old[i]!;
    const b = values[i]!;
    if (a.id !== b.id || a.code !== b.code || a.domainId !== b.domainId || !sameList(a.levels, b.educationLevels)) return false;
  }
  return true;
}

function computeOrder(fw: Pick<Framework, 'competencies' | 'domains'>): OrderValue {
  const hit = orderCache.get(fw.competencies);
  if (hit && hit.domains === fw.domains) return (lastOrder = hit);
  const values = Object.values(fw.competencies) as Competency[];
  // An edit of words (a statement, a descriptor, an indicator) or a move keeps every sort key: the order
  // and ranks are kept as they are (the same arrays), instead of sorting thousands of codes again.
  if (lastOrder && lastOrder.domains === fw.domains && sameSortKeys(lastOrder, values)) {
    orderCache.set(fw.competencies, lastOrder);
    return lastOrder;
  }
  const domainIndex = new Map<string, number>();
  fw.domains.forEach((d, i) => domainIndex.set(d.id, i));
  const list = values.map((c: Competency) => ({
    id: c.id,
    code: c.code,
    chunks: chunks(c.code),
    domain: c.domainId !== null && domainIndex.has(c.domainId) ? domainIndex.get(c.domainId)! : Number.MAX_SAFE_INTEGER,
    level: minLevelRank(c.educationLevels) ?? Number.MAX_SAFE_INTEGER,
  }));
  list.sort(
    (x, y) =>
      x.domain - y.domain ||
      x.level - y.level ||
      compareChunks(x.chunks, y.chunks) ||
      (x.code < y.code ? -1 : x.code > y.code ? 1 : 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const order = list.map((x) => x.id);
  const ranks = new Map<string, number>();
  order.forEach((id, i) => ranks.set(id, i));
  const keys = values.map((c): SortKey => ({ id: c.id, code: c.code, domainId: c.domainId, levels: c.educationLevels.slice() }));
  const value: OrderValue = { domains: fw.domains, order, ranks, keys };
  orderCache.set(fw.competencies, value);
  lastOrder = value;
  return value;
}

/**
 * The display order of a framework's competencies: by domain (the order of `fw.domains`,
 * competencies without a domain last), then by lowest grade level, then by code (digit runs by
 * value, see {@link compareCodes}), then by id. Lists of competencies in learner views and the CLI
 * use it, so output is stable and readable. Cached per (`competencies`, `domains`) objects, like
 * the prerequisite graph: treat the returned array as read-only.
 */
export function competencyOrder(fw: Pick<Framework, 'competencies' | 'domains'>): CompetencyId[] {
  return computeOrder(fw).order;
}

/** Competency id → position in {@link competencyOrder} (cached with it; read-only). */
export function competencyRanks(fw: Pick<Framework, 'competencies' | 'domains'>): ReadonlyMap<string, number> {
  return computeOrder(fw).ranks;
}

/** Sorts ids in place by display order (unknown ids last, by id). Returns the array. */
export function sortByRank<T extends string>(ids: T[], ranks: ReadonlyMap<string, number>): T[] {
  return ids.sort((a, b) => (ranks.get(a) ?? Infinity) - (ranks.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
}
