import { isEducationLevel, levelRank, normalizeEducationLevel } from '../model/levels';
import type { Competency, Domain, MasteryPhase, PhaseDescription } from '../model/types';
import { IdIndex } from '../graph/prerequisiteGraph';
import type { CheckContext } from './context';
import { groupEqual, isBlank, stringHash, trimmed } from './text';
import { CHECKS, type CheckCode, type Diagnostic } from './types';

/** True when a phase description says something: a descriptor or an indicator with text. */
function described(pd: PhaseDescription | undefined): boolean {
  if (!pd) return false;
  if (!isBlank(pd.descriptor)) return true;
  for (const i of pd.indicators) if (!isBlank(i.text)) return true;
  return false;
}

/** What one competency's own record shows, given the scale and the domains. */
interface LocalFindings {
  /** `empty-statement`, `dangling-domain`, `unknown-education-level`, `unknown-phase`, `phase-order`. */
  diagnostics: Diagnostic[];
  code: string;
  noDomain: boolean;
  /** What is missing at the threshold phase, or '' when it is described (or there is no single threshold). */
  thresholdMissing: string;
}

/** The inputs besides the competency that local findings depend on. */
interface Env {
  phases: readonly MasteryPhase[];
  domains: readonly Domain[];
  /** Domain id → position of the first domain with it in `domains`. */
  domainIndex: Map<string, number>;
  phaseIndex: Record<string, number>;
  thresholdId: string | undefined;
}

function add(out: Diagnostic[], c: Competency, code: CheckCode, message: string): void {
  out.push({ severity: CHECKS[code].severity, code, message, ids: [c.id], target: 'competency' });
}

/**
 * Looks at one competency: pushes its own diagnostics to `out` and fills `into` (no allocation when
 * there is nothing to report, which matters when 20,000 competencies are checked from scratch).
 */
function local(ctx: CheckContext, c: Competency, env: Env, out: Diagnostic[], into: Omit<LocalFindings, 'diagnostics'>): void {
  // No closure here: this runs once per competency, and tools that keep function names wrap every closure.

  if (isBlank(c.statement)) add(out, c, 'empty-statement', `${ctx.name(c.id)} has no statement: write what a student must know or be able to do.`);
  if (c.domainId !== null && !env.domainIndex.has(c.domainId)) {
    add(out, c, 'dangling-domain', `${ctx.name(c.id)} belongs to a domain that does not exist (${c.domainId}); move it to a domain.`);
  }
  for (const level of c.educationLevels) {
    if (isEducationLevel(level)) continue;
    const fixed = normalizeEducationLevel(level);
    const hint = isEducationLevel(fixed) ? ` — did you mean ${fixed}?` : ' (use CEDS codes such as KG, 01 … 12)';
    add(out, c, 'unknown-education-level', `${ctx.name(c.id)} has an unknown grade-level code “${level}”${hint}`);
  }

  // One pass over the described phases: a bit per described phase of the scale.
  const phases = env.phases;
  const bitsUsable = phases.length > 2 && phases.length <= 30;
  const ph = c.phases;
  let mask = 0;
  for (const key in ph) {
    const i = env.phaseIndex[key];
    if (i === undefined) {
      if (described(ph[key])) add(out, c, 'unknown-phase', `${ctx.name(c.id)} describes a mastery phase that is not on the scale (${key}); that text is never shown.`);
    } else if (bitsUsable && described(ph[key])) mask |= 1 << i;
  }
  // phase-order: the described phases are not one unbroken run of the scale.
  if (mask !== 0) {
    const low = mask & -mask;
    if (((mask + low) & mask) !== 0) {
      const lowest = 31 - Math.clz32(low);
      let gap = lowest;
      while (mask & (1 << gap)) gap++;
      let highest = gap;
      while (!(mask & (1 << highest))) highest++;
      add(
        out,
        c,
        'phase-order',
        `${ctx.name(c.id)} describes ${phases[lowest]!.label} and ${phases[highest]!.label} but not ${phases[gap]!.label} in between; describe the phases in order so students can see each step.`,
      );
    }
  }

  into.code = trimmed(c.code);
  into.noDomain = c.domainId === null;
  into.thresholdMissing = '';
  if (env.thresholdId !== undefined) {
    const pd = ph[env.thresholdId];
    const hasDescriptor = pd !== undefined && !isBlank(pd.descriptor);
    let hasIndicator = false;
    if (pd) {
      for (const ind of pd.indicators) {
        if (!isBlank(ind.text)) {
          hasIndicator = true;
          break;
        }
      }
    }
    if (!hasDescriptor || !hasIndicator) {
      into.thresholdMissing = !hasDescriptor && !hasIndicator ? 'no descriptor and no performance indicator' : !hasDescriptor ? 'no descriptor' : 'no performance indicator';
    }
  }
}

const MISSING = ['', 'no descriptor and no performance indicator', 'no descriptor', 'no performance indicator'] as const;

/**
 * What each competency's own record shows, as parallel arrays indexed like `ctx.competencies` (the
 * prerequisite graph's node order): its own diagnostics, its trimmed code, whether it is in no domain,
 * what it lacks at the threshold phase, and its lowest and highest known grade rank.
 *
 * Kept per frozen competencies record. A new record (after an edit) is derived from the last table
 * built: entries whose competency object is the same (and frozen) are copied, only the others are
 * looked at again — so an edit costs O(n) copying of small arrays plus the edited competencies.
 */
export interface CompetencyTable {
  readonly keys: readonly string[];
  readonly values: readonly Competency[];
  readonly phases: readonly MasteryPhase[];
  readonly domains: readonly Domain[];
  /** Own diagnostics (`empty-statement`, `dangling-domain`, `unknown-education-level`, `unknown-phase`, `phase-order`), undefined when none. */
  readonly own: (Diagnostic[] | undefined)[];
  /** Trimmed code ('' when none). */
  readonly code: string[];
  /** `stringHash` of the trimmed code: 0 exactly when there is none. */
  readonly codeHash: Int32Array;
  /** 1 when the competency is in no domain. */
  readonly noDomain: Uint8Array;
  /** Position in `domains` of the first domain with the competency's `domainId`, -1 when none or missing. */
  readonly domain: Int32Array;
  /** What is missing at the threshold phase: an index into MISSING (0 = nothing). */
  readonly missing: Uint8Array;
  /** Lowest and highest known grade rank (-1 when none). */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** 1 when the competency's id is the key it is stored under. */
  readonly idOk: Uint8Array;
  /** 1 when the competency object is known to be frozen (so an identical object has identical findings). */
  readonly sealed: Uint8Array;
  /**
   * The same object exactly while every competency keeps its name in messages (same ids, same codes,
   * or statements where there is no code): messages about the graph are reused while it and this stay.
   */
  readonly names: object;
  /** The same object exactly while the same competencies (ids, in order) keep their domains: for coverage by domain. */
  readonly placement: object;
  /** Groups of competencies sharing a code (first index → ids), filled on first use; null when none. */
  dupCodes?: Map<number, string[]> | null;
}

/** A competency's name in messages, from its own record (as `competencyName`). */
function ownName(c: Competency): string {
  const code = trimmed(c.code);
  if (code) return code;
  const s = c.statement.trim();
  if (s) return s.length > 40 ? `“${s.slice(0, 39)}…”` : `“${s}”`;
  return 'an untitled competency';
}

const tables = new WeakMap<object, CompetencyTable>();
/** The last table built for a frozen record: what the next edit's table is derived from. */
let lastTable: CompetencyTable | undefined;

function makeEnv(fw: CheckContext['fw']): Env {
  const thresholds = fw.phases.filter((p) => p.threshold);
  const phaseIndex = Object.create(null) as Record<string, number>;
  fw.phases.forEach((p, i) => (phaseIndex[p.id] = i));
  const domainIndex = new Map<string, number>();
  fw.domains.forEach((d, i) => {
    if (!domainIndex.has(d.id)) domainIndex.set(d.id, i);
  });
  return {
    phases: fw.phases,
    domains: fw.domains,
    domainIndex,
    phaseIndex,
    thresholdId: thresholds.length === 1 ? thresholds[0]!.id : undefined,
  };
}

/** The table of `ctx`'s competencies (see {@link CompetencyTable}). */
export function competencyTable(ctx: CheckContext): CompetencyTable {
  const fw = ctx.fw;
  const rec = fw.competencies;
  const frozen = ctx.frozen;
  if (frozen) {
    const hit = tables.get(rec);
    if (hit && hit.phases === fw.phases && hit.domains === fw.domains) return hit;
  }
  const { keys, values } = ctx.competencies;
  const n = values.length;
  const prev = frozen && lastTable && lastTable.phases === fw.phases && lastTable.domains === fw.domains ? lastTable : undefined;
  const filler = new Filler(ctx);
  let t: CompetencyTable;

  const pn = prev ? prev.keys.length : 0;
  if (prev && pn <= n && sameKeys(prev.keys, keys)) {
    // The usual edit: the same competencies in the same order, one or a few of them replaced, perhaps
    // some added at the end. Copy in bulk, then look at the replaced and the added ones.
    const grow = <A extends Uint8Array | Int32Array>(a: A, make: (k: number) => A): A => {
      if (pn === n) return a.slice() as A;
      const b = make(n);
      b.set(a);
      return b;
    };
    t = {
      keys,
      values,
      phases: fw.phases,
      domains: fw.domains,
      own: pn === n ? prev.own.slice() : prev.own.concat(new Array<Diagnostic[] | undefined>(n - pn).fill(undefined)),
      code: pn === n ? prev.code.slice() : prev.code.concat(new Array<string>(n - pn).fill('')),
      codeHash: grow(prev.codeHash, (k) => new Int32Array(k)),
      noDomain: grow(prev.noDomain, (k) => new Uint8Array(k)),
      domain: grow(prev.domain, (k) => new Int32Array(k)),
      missing: grow(prev.missing, (k) => new Uint8Array(k)),
      lo: grow(prev.lo, (k) => new Int32Array(k)),
      hi: grow(prev.hi, (k) => new Int32Array(k)),
      idOk: grow(prev.idOk, (k) => new Uint8Array(k)),
      sealed: grow(prev.sealed, (k) => new Uint8Array(k)),
      names: prev.names,
      placement: prev.placement,
    };
    // Names used so far stay valid when competencies are only added (kept graph messages mention only
    // competencies that were there before); coverage by domain and code groups do not.
    let sameNames = true;
    let samePlacement = pn === n;
    let sameCodes = pn === n;
    const pv = prev.values;
    for (let j = pn; j < n; j++) filler.fill(t, j, values[j]!);
    for (let j = 0; j < pn; j++) {
      const c = values[j]!;
      const old = pv[j]!;
      if (old === c && (prev.sealed[j] === 1 || Object.isFrozen(c))) continue;
      const key = keys[j]!;
      if (old.id !== key || c.id !== key || ownName(old) !== ownName(c)) sameNames = false;
      if (old.id !== key || c.id !== key || old.domainId !== c.domainId) samePlacement = false;
      const code = t.code[j];
      filler.fill(t, j, c);
      if (t.code[j] !== code || old.id !== c.id) sameCodes = false;
    }
    if (sameCodes && prev.dupCodes !== undefined) t.dupCodes = prev.dupCodes;
    if (!sameNames) t = { ...t, names: {} };
    if (!samePlacement) t = { ...t, placement: {} };
  } else {
    t = {
      keys,
      values,
      phases: fw.phases,
      domains: fw.domains,
      own: new Array<Diagnostic[] | undefined>(n).fill(undefined),
      code: new Array<string>(n).fill(''),
      codeHash: new Int32Array(n),
      noDomain: new Uint8Array(n),
      domain: new Int32Array(n),
      missing: new Uint8Array(n),
      lo: new Int32Array(n),
      hi: new Int32Array(n),
      idOk: new Uint8Array(n),
      sealed: new Uint8Array(n),
      names: {},
      placement: {},
    };
    // Walk the previous table alongside: edits keep key order (updates in place, additions at the end,
    // deletions leave a gap), so matching keys in order finds every unchanged competency.
    let i = 0;
    const pk = prev?.keys;
    const pv = prev?.values;
    let prevIndex: IdIndex | undefined;
    for (let j = 0; j < n; j++) {
      const c = values[j]!;
      if (pk) {
        const key = keys[j]!;
        let k = i;
        const stop = Math.min(pn, i + 8);
        while (k < stop && pk[k] !== key) k++;
        if (k === stop && k < pn) {
          // Not nearby (many deletions, or another document): look it up, at most one index per run.
          prevIndex ??= new IdIndex(pk);
          const x = prevIndex.get(key);
          k = x !== undefined && x >= i ? x : pn;
        }
        if (k < pn) {
          i = k + 1;
          if (pv![k] === c && (prev!.sealed[k] === 1 || Object.isFrozen(c))) {
            t.own[j] = prev!.own[k];
            t.code[j] = prev!.code[k]!;
            t.codeHash[j] = prev!.codeHash[k]!;
            t.noDomain[j] = prev!.noDomain[k]!;
            t.domain[j] = prev!.domain[k]!;
            t.missing[j] = prev!.missing[k]!;
            t.lo[j] = prev!.lo[k]!;
            t.hi[j] = prev!.hi[k]!;
            t.idOk[j] = prev!.idOk[k]!;
            t.sealed[j] = 1;
            continue;
          }
        }
      }
      filler.fill(t, j, c);
    }
  }
  if (frozen) {
    tables.set(rec, t);
    lastTable = t;
  }
  return t;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups of competencies sharing a code: first index → ids in competency order; null when there is none. */
function duplicateCodes(t: CompetencyTable): Map<number, string[]> | null {
  const { first, count } = groupEqual(t.code, t.codeHash);
  let groups: Map<number, string[]> | null = null;
  for (let i = 0; i < t.values.length; i++) {
    const h = first[i]!;
    if (h === -1 || count[h]! < 2) continue;
    groups ??= new Map();
    const ids = groups.get(h);
    if (ids) ids.push(t.values[i]!.id);
    else groups.set(h, [t.values[i]!.id]);
  }
  return groups;
}

/** Looks at one competency and writes its entry of a table. */
class Filler {
  private env: Env | undefined;
  private readonly out: Diagnostic[] = [];
  private readonly scratch: Omit<LocalFindings, 'diagnostics'> = { code: '', noDomain: false, thresholdMissing: '' };
  constructor(private readonly ctx: CheckContext) {}
  /**
   * One read of the competency for everything the table holds; its own diagnostics are written (by
   * `local`, which looks again) only when it has a problem — rare, and messages cost more than checks.
   */
  fill(t: CompetencyTable, j: number, c: Competency): void {
    const env = (this.env ??= makeEnv(this.ctx.fw));
    const domainId = c.domainId;
    const levels = c.educationLevels;
    const ph = c.phases;
    const code = trimmed(c.code);
    t.code[j] = code;
    t.codeHash[j] = stringHash(code);
    t.idOk[j] = c.id === t.keys[j] ? 1 : 0;
    let problem = isBlank(c.statement);

    let domain = -1;
    if (domainId !== null) {
      const d = env.domainIndex.get(domainId);
      if (d === undefined) problem = true;
      else domain = d;
    }
    t.noDomain[j] = domainId === null ? 1 : 0;
    t.domain[j] = domain;

    // Lowest and highest known grade rank; an unknown code is a problem.
    let lo = -1;
    let hi = -1;
    for (let x = 0; x < levels.length; x++) {
      const r = levelRank(levels[x]!);
      if (r === undefined) {
        problem = true;
        continue;
      }
      if (lo === -1 || r < lo) lo = r;
      if (r > hi) hi = r;
    }
    t.lo[j] = lo;
    t.hi[j] = hi;

    // Described phases (as in `local`): one not on the scale, or a gap in the run, is a problem.
    const phases = env.phases;
    const bitsUsable = phases.length > 2 && phases.length <= 30;
    let mask = 0;
    for (const key in ph) {
      const i = env.phaseIndex[key];
      if (i === undefined) {
        if (!problem && described(ph[key])) problem = true;
      } else if (bitsUsable && described(ph[key])) mask |= 1 << i;
    }
    if (mask !== 0 && ((mask + (mask & -mask)) & mask) !== 0) problem = true;

    let missing = 0;
    if (env.thresholdId !== undefined) {
      const pd = ph[env.thresholdId];
      const hasDescriptor = pd !== undefined && !isBlank(pd.descriptor);
      let hasIndicator = false;
      if (pd) {
        const inds = pd.indicators;
        for (let x = 0; x < inds.length; x++) {
          if (!isBlank(inds[x]!.text)) {
            hasIndicator = true;
            break;
          }
        }
      }
      if (!hasDescriptor || !hasIndicator) missing = !hasDescriptor && !hasIndicator ? 1 : !hasDescriptor ? 2 : 3;
    }
    t.missing[j] = missing;
    t.sealed[j] = this.ctx.frozen && Object.isFrozen(c) ? 1 : 0;

    if (!problem) {
      t.own[j] = undefined;
      return;
    }
    const out = this.out;
    out.length = 0;
    local(this.ctx, c, env, out, this.scratch);
    t.own[j] = out.length ? out.slice() : undefined;
  }
}

/**
 * The checks of each competency's own record — `empty-statement`, `dangling-domain`,
 * `unknown-education-level`, `unknown-phase`, `phase-order` — and those across competencies:
 * `duplicate-code`, `empty-code`, `no-domain`, `threshold-undescribed` (a warning while drafting, an
 * error once the framework is `adopted`; one grouped finding when no competency is described yet).
 *
 * For live use: each competency's own findings are kept in the {@link CompetencyTable}, so after an
 * edit only the edited competencies are looked at again.
 */
export function checkCompetencies(ctx: CheckContext): void {
  const fw = ctx.fw;
  const thresholds = fw.phases.filter((p) => p.threshold);
  const threshold = thresholds.length === 1 ? thresholds[0]! : undefined;
  const t = ctx.table();
  const comps = t.values;
  const codes = t.code;
  const noCode: string[] = [];
  const noDomain: string[] = [];
  const undescribed: { id: string; missing: string }[] = [];
  let anyDescribed = false;
  for (let i = 0; i < comps.length; i++) {
    const own = t.own[i];
    if (own !== undefined) for (let k = 0; k < own.length; k++) ctx.diagnostics.push(own[k]!);
    if (t.codeHash[i] === 0) noCode.push(comps[i]!.id);
    if (t.noDomain[i]) noDomain.push(comps[i]!.id);
    if (threshold) {
      const m = t.missing[i]!;
      if (m) undescribed.push({ id: comps[i]!.id, missing: MISSING[m]! });
      else anyDescribed = true;
    }
  }

  // Duplicate codes, in the order each code first appears, ids in competency order.
  const dupGroups = t.dupCodes !== undefined ? t.dupCodes : (t.dupCodes = duplicateCodes(t));
  if (dupGroups) {
    for (const [h, ids] of dupGroups) {
      ctx.add('duplicate-code', 'competency', ids, `${ids.length} competencies share the code ${codes[h]}; each competency needs its own code.`);
    }
  }
  if (noCode.length) {
    ctx.add(
      'empty-code',
      'competency',
      noCode,
      `${noCode.length === 1 ? '1 competency has' : `${noCode.length} competencies have`} no code (${ctx.names(noCode)}); codes make competencies easy to find and cite.`,
    );
  }
  if (noDomain.length && fw.domains.length > 0) {
    for (const id of noDomain) ctx.add('no-domain', 'competency', [id], `${ctx.name(id)} is in no domain.`);
  } else if (noDomain.length) {
    ctx.add(
      'no-domain',
      'competency',
      noDomain,
      `The framework has no domains, so none of its ${noDomain.length === 1 ? 'competency is' : `${noDomain.length} competencies are`} grouped; add domains (strands) to organise the map.`,
    );
  }

  if (undescribed.length === 0 || !threshold) return;
  const severity = fw.status === 'adopted' ? 'error' : 'warning';
  const why = fw.status === 'adopted' ? 'an adopted framework must describe it for every competency' : 'it must be described before the framework can be adopted';
  if (!anyDescribed && undescribed.length > 1) {
    // Nothing is described yet (a new or imported framework): one finding, not one per competency.
    ctx.add(
      'threshold-undescribed',
      'competency',
      undescribed.map((u) => u.id),
      `None of the ${undescribed.length} competencies describes ${threshold.label}, the mastery threshold, with a descriptor and a performance indicator; ${why}.`,
      { severity },
    );
    return;
  }
  for (const u of undescribed) {
    ctx.add('threshold-undescribed', 'competency', [u.id], `${ctx.name(u.id)} has ${u.missing} at ${threshold.label}, the mastery threshold; ${why}.`, { severity });
  }
}
