import { isUuid } from '../model/ids';
import {
  ALIGNMENT_KINDS,
  EVIDENCE_TYPES,
  FRAMEWORK_STATUSES,
  type AlignmentKind,
  type EvidenceType,
  type FrameworkStatus,
  type MasteryPhase,
  type Position,
  type ReviewComment,
  type StandardsSet,
} from '../model/types';

/**
 * What Progressions writes under `extensions.progressions` in CASE 1.1 (never in 1.0), so that our
 * own exports restore without loss. Readers of other tools ignore it. Shapes are documented in
 * docs/case-mapping.md; readers check every field (a package is untrusted input).
 */
export const EXT_KEY = 'progressions';

/** On the CFDocument. */
export interface DocumentExtension {
  phases: MasteryPhase[];
  status: FrameworkStatus;
  educationLevels?: string[];
  /** Only when the framework's creator differs from the document's (empty creator). */
  creator?: string;
  /** Only when the framework's timestamp is not written verbatim (e.g. no seconds). */
  lastChangeDateTime?: string;
}

/** On a competency's CFItem. */
export interface CompetencyExtension {
  position: Position;
  estimatedHours?: number;
  evidenceTypes?: EvidenceType[];
  pinned?: boolean;
  /** Phases described with an empty descriptor and no indicators (otherwise not visible in CASE). */
  emptyPhases?: string[];
}

/** On a domain's CFItem. */
export interface DomainExtension {
  color: string;
}

/** On an alignment's association. */
export interface AlignmentExtension {
  kind: AlignmentKind;
}

/** On the package. */
export interface PackageExtension {
  standardsSets?: Record<string, StandardsSet>;
  comments?: Record<string, ReviewComment>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `progressions` member of an extensions object, if it is an object. */
export function progressionsExt(ext: Obj | undefined): Obj | undefined {
  const v = ext?.[EXT_KEY];
  return isObj(v) ? v : undefined;
}

/** The mastery scale from a document extension, or undefined unless every phase is well-formed. */
export function readPhases(v: unknown): MasteryPhase[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: MasteryPhase[] = [];
  for (const p of v) {
    if (!isObj(p) || !isUuid(p.id) || typeof p.label !== 'string' || typeof p.description !== 'string' || typeof p.threshold !== 'boolean') {
      return undefined;
    }
    out.push({ id: p.id as MasteryPhase['id'], label: p.label, description: p.description, threshold: p.threshold });
  }
  return out;
}

/** A framework status from an extension, if it is one. */
export function readStatus(v: unknown): FrameworkStatus | undefined {
  return typeof v === 'string' && (FRAMEWORK_STATUSES as readonly string[]).includes(v) ? (v as FrameworkStatus) : undefined;
}

/** A list of non-blank strings from an extension, if it is one. */
export function readStringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && /\S/.test(x)) ? (v as string[]) : undefined;
}

/** The well-formed fields of a competency item's extension (others are dropped). */
export function readCompetencyExt(ext: Obj | undefined): Partial<CompetencyExtension> {
  const e = progressionsExt(ext);
  if (!e) return {};
  const out: Partial<CompetencyExtension> = {};
  const pos = e.position;
  if (isObj(pos) && typeof pos.x === 'number' && typeof pos.y === 'number' && Number.isFinite(pos.x) && Number.isFinite(pos.y)) {
    out.position = { x: pos.x, y: pos.y };
  }
  if (typeof e.estimatedHours === 'number' && Number.isFinite(e.estimatedHours) && e.estimatedHours >= 0) out.estimatedHours = e.estimatedHours;
  if (Array.isArray(e.evidenceTypes)) {
    out.evidenceTypes = e.evidenceTypes.filter((t): t is EvidenceType => (EVIDENCE_TYPES as readonly unknown[]).includes(t));
  }
  if (typeof e.pinned === 'boolean') out.pinned = e.pinned;
  if (Array.isArray(e.emptyPhases)) out.emptyPhases = e.emptyPhases.filter((p): p is string => isUuid(p));
  return out;
}

/**
 * The fields of a competency item's extension that are there but not well-formed, so `readCompetencyExt`
 * drops them (a hand-edited or damaged package): named in the import report, never lost without a word.
 */
export function competencyExtDropped(ext: Obj | undefined): string[] {
  const e = progressionsExt(ext);
  if (!e) return [];
  const kept = readCompetencyExt(ext);
  const out: string[] = [];
  for (const f of ['position', 'estimatedHours', 'pinned'] as const) if (e[f] !== undefined && kept[f] === undefined) out.push(f);
  for (const f of ['evidenceTypes', 'emptyPhases'] as const) {
    const v = e[f];
    if (v !== undefined && (!Array.isArray(v) || (kept[f]?.length ?? 0) < v.length)) out.push(f);
  }
  return out;
}

/** A domain item's colour (#rrggbb) from its extension, if valid. */
export function readDomainColor(ext: Obj | undefined): string | undefined {
  const c = progressionsExt(ext)?.color;
  return typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c : undefined;
}

/** An alignment's kind from its association's extension, if valid. */
export function readAlignmentKind(ext: Obj | undefined): AlignmentKind | undefined {
  const k = progressionsExt(ext)?.kind;
  return typeof k === 'string' && (ALIGNMENT_KINDS as readonly string[]).includes(k) ? (k as AlignmentKind) : undefined;
}
