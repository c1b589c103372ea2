/**
 * Strict types of the CASE (1EdTech Competencies and Academic Standards Exchange) package objects,
 * as the official v1.1 JSON Schema and the v1.0 Swagger definitions describe them inside a package
 * (the `CFPckg*` variants: no `CFDocumentURI` / `CFPackageURI`). Fields marked "1.1" must be absent
 * from a 1.0 package. Optional fields are omitted when empty, never `null`.
 */

/** The CASE versions Progressions reads and writes. */
export type CaseVersion = '1.0' | '1.1';

/** Open extension object (1.1 only). Progressions writes its own data under `progressions`. */
export type CaseExtensions = Record<string, unknown>;

/** A reference to a CASE object whose identifier is a UUID (definitions, documents, items). */
export interface LinkURI {
  title: string;
  identifier: string;
  uri: string;
}

/** A reference to an association end: the identifier may be any string (foreign, non-UUID ids). */
export interface LinkGenURI {
  title: string;
  identifier: string;
  uri: string;
  /** 1.1: `CASE` when the target is a CASE object, or `ext:…`. */
  targetType?: string;
}

/** The root of a framework; its identifier is the package's identifier. */
export interface CFDocument {
  identifier: string;
  uri: string;
  /** 1.1 */
  frameworkType?: string;
  /** 1.1: always `"1.1"` when present. */
  caseVersion?: '1.1';
  creator: string;
  title: string;
  lastChangeDateTime: string;
  officialSourceURL?: string;
  publisher?: string;
  description?: string;
  subject?: string[];
  subjectURI?: LinkURI[];
  language?: string;
  version?: string;
  adoptionStatus?: string;
  statusStartDate?: string;
  statusEndDate?: string;
  licenseURI?: LinkURI;
  notes?: string;
  /** 1.1 */
  extensions?: CaseExtensions;
}

/** One statement of a framework (a standard, a competency, a grouping …). */
export interface CFItem {
  identifier: string;
  fullStatement: string;
  alternativeLabel?: string;
  CFItemType?: string;
  uri: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  abbreviatedStatement?: string;
  conceptKeywords?: string[];
  conceptKeywordsURI?: LinkURI;
  notes?: string;
  /** 1.1 */
  subject?: string[];
  /** 1.1 */
  subjectURI?: LinkURI[];
  language?: string;
  educationLevel?: string[];
  CFItemTypeURI?: LinkURI;
  licenseURI?: LinkURI;
  statusStartDate?: string;
  statusEndDate?: string;
  lastChangeDateTime: string;
  /** 1.1 */
  extensions?: CaseExtensions;
}

/** Association types of CASE 1.0 (1.1 adds `isTranslationOf` and `ext:<name>`). */
export const CASE_ASSOCIATION_TYPES_1_0 = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
] as const;

/** A directed relation between two nodes (origin → destination). */
export interface CFAssociation {
  identifier: string;
  associationType: string;
  sequenceNumber?: number;
  uri: string;
  originNodeURI: LinkGenURI;
  destinationNodeURI: LinkGenURI;
  CFAssociationGroupingURI?: LinkURI;
  lastChangeDateTime: string;
  /** 1.1 */
  notes?: string;
  /** 1.1 */
  extensions?: CaseExtensions;
}

export interface CFItemType {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode?: string;
  lastChangeDateTime: string;
  extensions?: CaseExtensions;
}

export interface CFSubject {
  identifier: string;
  uri: string;
  title: string;
  hierarchyCode: string;
  description?: string;
  lastChangeDateTime: string;
  extensions?: CaseExtensions;
}

export interface CFConcept {
  identifier: string;
  uri: string;
  title: string;
  keywords?: string;
  hierarchyCode: string;
  description?: string;
  lastChangeDateTime: string;
  extensions?: CaseExtensions;
}

export interface CFLicense {
  identifier: string;
  uri: string;
  title: string;
  description?: string;
  licenseText: string;
  lastChangeDateTime: string;
  extensions?: CaseExtensions;
}

export interface CFAssociationGrouping {
  identifier: string;
  uri: string;
  title: string;
  description?: string;
  lastChangeDateTime: string;
  extensions?: CaseExtensions;
}

/** The vocabularies items and associations refer to by `LinkURI`. */
export interface CFDefinitions {
  CFConcepts?: CFConcept[];
  CFSubjects?: CFSubject[];
  CFLicenses?: CFLicense[];
  CFItemTypes?: CFItemType[];
  CFAssociationGroupings?: CFAssociationGrouping[];
  extensions?: CaseExtensions;
}

/** One level (column) of a rubric criterion: a degree of achievement. */
export interface CFRubricCriterionLevel {
  identifier: string;
  uri: string;
  description?: string;
  quality?: string;
  score?: number;
  feedback?: string;
  position?: number;
  rubricCriterionId?: string;
  lastChangeDateTime: string;
  // `extensions` is typed as an array by the 1.1 schema (a quirk); never written.
}

/** One criterion (row) of a rubric, pointing at the item it assesses. */
export interface CFRubricCriterion {
  identifier: string;
  uri: string;
  category?: string;
  description?: string;
  CFItemURI?: LinkURI;
  weight?: number;
  position?: number;
  rubricId?: string;
  lastChangeDateTime: string;
  CFRubricCriterionLevels?: CFRubricCriterionLevel[];
  extensions?: CaseExtensions;
}

export interface CFRubric {
  identifier: string;
  uri: string;
  title?: string;
  description?: string;
  lastChangeDateTime: string;
  CFRubricCriteria?: CFRubricCriterion[];
  extensions?: CaseExtensions;
}

/** A whole framework as one JSON object (`GET /CFPackages/{documentId}`). */
export interface CasePackage {
  CFDocument: CFDocument;
  CFItems?: CFItem[];
  CFAssociations?: CFAssociation[];
  CFDefinitions?: CFDefinitions;
  CFRubrics?: CFRubric[];
  /** 1.1 */
  extensions?: CaseExtensions;
}

/** Item types Progressions writes (and recognises on import). */
export const ITEM_TYPE_DOMAIN = 'Domain';
export const ITEM_TYPE_COMPETENCY = 'Competency';
export const ITEM_TYPE_INDICATOR = 'Performance Indicator';
