import type {
  AlignmentId,
  CommentId,
  CompetencyId,
  DomainId,
  FrameworkId,
  IndicatorId,
  LinkId,
  PhaseId,
  StandardId,
  StandardsSetId,
} from './ids';

/**
 * The framework document model. Plain JSON, normalized: large collections are records keyed by
 * id (so edits and patches touch one entry), small ordered lists (phases, domains) are arrays.
 * This is exactly what `framework.v1.schema.json` describes; change both together, with a migration.
 */

/** Adoption / review status. `adopted` frameworks are held to publishable rules (errors, not warnings). */
export type FrameworkStatus = 'draft' | 'in-review' | 'adopted' | 'deprecated';
export const FRAMEWORK_STATUSES: readonly FrameworkStatus[] = ['draft', 'in-review', 'adopted', 'deprecated'];

/** Kinds of evidence ("representations of mastery") a student may offer. */
export type EvidenceType =
  | 'test'
  | 'product'
  | 'demonstration'
  | 'performance-task'
  | 'portfolio'
  | 'observation'
  | 'other';
export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  'test',
  'product',
  'demonstration',
  'performance-task',
  'portfolio',
  'observation',
  'other',
];
export const EVIDENCE_LABELS: Record<EvidenceType, string> = {
  test: 'Test or quiz',
  product: 'Product',
  demonstration: 'Demonstration',
  'performance-task': 'Performance task',
  portfolio: 'Portfolio',
  observation: 'Observation',
  other: 'Other',
};

/** How closely a competency matches a standard. */
export type AlignmentKind = 'exact' | 'partial' | 'related';
export const ALIGNMENT_KINDS: readonly AlignmentKind[] = ['exact', 'partial', 'related'];

/** One stage of the framework-wide proficiency scale. Order in `Framework.phases` is the scale order. */
export interface MasteryPhase {
  id: PhaseId;
  label: string;
  description: string;
  /** Exactly one phase of a scale is the mastery threshold (checked, not enforced by the schema). */
  threshold: boolean;
}

/** A domain / strand grouping competencies. `parentId` allows sub-strands (must not form a cycle). */
export interface Domain {
  id: DomainId;
  code: string;
  title: string;
  description: string;
  /** CSS colour (#rrggbb) used for lanes and node accents. */
  color: string;
  parentId: DomainId | null;
}

/** An observable statement showing a student is at a phase. */
export interface PerformanceIndicator {
  id: IndicatorId;
  text: string;
}

/** What a competency looks like at one mastery phase. */
export interface PhaseDescription {
  descriptor: string;
  indicators: PerformanceIndicator[];
}

export interface Position {
  x: number;
  y: number;
}

/** A skill or knowledge statement a student must master. `id` never changes once created. */
export interface Competency {
  id: CompetencyId;
  /** Human code, e.g. `M.NF.3`; unique within a framework (checked). */
  code: string;
  statement: string;
  /** Student-facing "I can…" version of the statement. */
  iCan: string;
  domainId: DomainId | null;
  /** CEDS grade-level codes: IT PR PK TK KG 01…12 13 AS BA … (unknown codes are reported, not refused). */
  educationLevels: string[];
  /** Estimated learning hours, for pacing; null when not estimated. */
  estimatedHours: number | null;
  evidenceTypes: EvidenceType[];
  notes: string;
  /** Per-phase descriptor and performance indicators, keyed by phase id. Missing key = not described. */
  phases: Record<string, PhaseDescription>;
  position: Position;
  /** Pinned nodes keep their position when the layout is tidied. */
  pinned: boolean;
}

/** `from` must be mastered before `to` ("from precedes to"). */
export interface PrerequisiteLink {
  id: LinkId;
  from: CompetencyId;
  to: CompetencyId;
  note: string;
}

/** One item of an external standards set (read-only in the app). */
export interface Standard {
  /** The CASE identifier when imported from CASE; otherwise a generated UUID. */
  id: StandardId;
  uri: string;
  /** Human coding scheme, e.g. `3.NF.A.1`. May be empty for grouping items. */
  code: string;
  statement: string;
  /** CASE item type (Grade, Domain, Cluster, Standard …), free vocabulary. */
  itemType: string;
  parentId: StandardId | null;
  /** Order among siblings (CASE `sequenceNumber`, else import order). */
  sequence: number;
  educationLevels: string[];
  /**
   * Whether the standard counts for coverage. When absent, coverage counts leaf standards only.
   */
  assessable?: boolean;
}

/** An imported standards set: a state's or a national set, from a CASE package or CSV. */
export interface StandardsSet {
  id: StandardsSetId;
  title: string;
  /** Where it came from: a URL, file name or publisher. */
  source: string;
  version: string;
  /** CASE CFDocument identifier and uri when imported from CASE. */
  caseDocumentId: string;
  caseDocumentUri: string;
  items: Record<string, Standard>;
}

/** A competency ↔ standard relation; drives coverage. */
export interface Alignment {
  id: AlignmentId;
  competencyId: CompetencyId;
  setId: StandardsSetId;
  standardId: StandardId;
  kind: AlignmentKind;
}

/** What a review comment is attached to. */
export type CommentTarget =
  | { kind: 'competency'; id: CompetencyId }
  | { kind: 'link'; id: LinkId }
  | { kind: 'framework' };

/** A co-design review comment. Stripped from exports unless asked for. */
export interface ReviewComment {
  id: CommentId;
  target: CommentTarget;
  author: string;
  text: string;
  createdAt: string;
  resolved: boolean;
}

/**
 * One end of a kept CASE association: an item of this framework (a domain, competency or
 * performance indicator — `identifier` only, its uri and title are derived on export) or a node
 * outside the framework (with the `uri` and `title` the package gave it).
 */
export interface CaseNodeRef {
  identifier: string;
  uri?: string;
  title?: string;
}

/**
 * A CASE association from an imported package that the model has no concept for (`isRelatedTo`
 * between two competencies, `isChildOf` between two competencies, `exemplar`, `hasSkillLevel`, a
 * `precedes` from an external item …). Kept, read-only, so that re-exporting to CASE loses no
 * association. Keyed by the association's CASE identifier (a UUID).
 */
export interface CaseAssociation {
  id: string;
  associationType: string;
  origin: CaseNodeRef;
  destination: CaseNodeRef;
  sequenceNumber?: number;
  /** The CFAssociationGrouping the association belonged to. */
  grouping?: { identifier: string; uri: string; title: string };
}

/** One published set of competencies with its progression. */
export interface Framework {
  id: FrameworkId;
  title: string;
  description: string;
  subjects: string[];
  educationLevels: string[];
  creator: string;
  publisher: string;
  version: string;
  status: FrameworkStatus;
  license: string;
  /** BCP 47 language tag, e.g. `en` or `en-US`. */
  language: string;
  /** ISO 8601 date-time with offset. */
  lastChangeDateTime: string;
  /** Ordered mastery scale (low → high). */
  phases: MasteryPhase[];
  /** Ordered domains / strands. */
  domains: Domain[];
  competencies: Record<string, Competency>;
  /**
   * Prerequisite links by id, in the file's order. In memory the two largest records are Maps (in a
   * file they are JSON objects, see {@link FrameworkJson}): a Map is enumerated in time proportional to
   * its size and copied on an edit several times faster than an object with tens of thousands of keys,
   * which V8 holds as a dictionary and sorts on every Object.keys.
   */
  prerequisites: Map<string, PrerequisiteLink>;
  standardsSets: Record<string, StandardsSet>;
  /** Alignments by id, in the file's order (a Map in memory, as `prerequisites`). */
  alignments: Map<string, Alignment>;
  comments: Record<string, ReviewComment>;
  /** CASE associations kept from an imported package (see `CaseAssociation`); absent when none. */
  caseAssociations?: Record<string, CaseAssociation>;
  /**
   * Identifiers an imported CASE package gave to what a CASE export derives (hierarchy `isChildOf` and
   * `isPartOf` associations, rubrics, criteria and levels), keyed by the name the export derives them from
   * (`isChildOf:<child>:<parent>`, `isPartOf:<indicator>:<level>`, `rubric:<competency>`,
   * `criterion:<competency>`, `level:<competency>:<phase>`), where
   * they differ from the derived ones; absent when none. The export writes them again (src-core/case).
   * The nil UUID (`NO_CASE_OBJECT`) records that the package had no such object — `isChildOf:<item>:<framework>`
   * an item with no isChildOf at all, `rubric:<framework>` a package where some competencies had no rubric —
   * so the export leaves them out as the package did (docs/case-mapping.md).
   */
  caseIdentifiers?: Record<string, string>;
}

/**
 * A framework as a file holds it (and as the published JSON Schema describes it): the same fields,
 * with every record a JSON object keyed by id. `frameworkFromJson` / `frameworkToJson` convert.
 */
export type FrameworkJson = Omit<Framework, 'prerequisites' | 'alignments'> & {
  prerequisites: Record<string, PrerequisiteLink>;
  alignments: Record<string, Alignment>;
};

/** The on-disk envelope. */
export interface FrameworkFile {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  framework: FrameworkJson;
}

/** The `format` value of every framework file. */
export const FORMAT_NAME = 'progressions.framework' as const;
/** The newest file format version this build reads and writes. */
export const CURRENT_FORMAT_VERSION = 1;
/** Files larger than this are refused on open and import (bytes). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
