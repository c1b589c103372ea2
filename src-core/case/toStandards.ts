import { normalizeEducationLevel } from '../model/levels';
import type { StandardId, StandardsSetId } from '../model/ids';
import type { Standard, StandardsSet } from '../model/types';
import { modelIdFor } from './caseIds';
import { buildHierarchy, itemTypeOf } from './hierarchy';
import type { CasePackage } from './types';

/** Defines an own enumerable property (safe for keys such as `__proto__`). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** CEDS codes for a CASE `educationLevel` list: normalised (`K` → `KG`, `6` → `06`), de-duplicated. */
export function normalizeLevels(levels: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const raw of levels ?? []) {
    const l = normalizeEducationLevel(raw);
    if (l !== '' && !out.includes(l)) out.push(l);
  }
  return out;
}

export interface CaseToStandardsOptions {
  /** Where the package came from (file name or URL); defaults to the document's source URL or uri. */
  source?: string;
  /** Receives findings (cycles cut, parents outside the package …). */
  notes?: string[];
}

/**
 * The set's title: the document's, else (a package without one; the reader accepted it as "") the
 * name of the file it came from, so the standards browser, coverage and messages never name a set “”.
 */
function setTitle(title: string, options: CaseToStandardsOptions): string {
  if (title.trim() !== '') return title;
  const file = (options.source ?? '').split(/[\\/]/).pop()!.replace(/\.(json|case)$/i, '').replace(/\.(json|case)$/i, '').trim();
  const named = file !== '' ? file : 'Untitled standards set';
  options.notes?.push(`the package's document has no title; the standards set is named “${named}”`);
  return named;
}

/**
 * An imported (read-only) standards set from a CASE package: every item becomes a standard that
 * keeps its CASE identifier, uri, human coding scheme, full statement, item type and education
 * levels (CEDS-normalised); the tree comes from `isChildOf` (with or without a link to the
 * document), siblings ordered as `buildHierarchy` orders them (`sequenceNumber`, `listEnumeration`, then
 * package order or, for siblings listed by code as plain text, natural code order). Items are listed in tree order.
 */
export function caseToStandardsSet(pkg: CasePackage, options: CaseToStandardsOptions = {}): StandardsSet {
  const doc = pkg.CFDocument;
  const h = buildHierarchy(pkg);
  options.notes?.push(...h.notes);
  const items: Record<string, Standard> = {};
  const siblingIndex = new Map<string, number>();
  for (const list of h.childrenOf.values()) list.forEach((id, i) => siblingIndex.set(id, i + 1));
  for (const id of h.order) {
    const item = h.items.get(id)!;
    const parent = h.parentOf.get(id) ?? null;
    const seq = h.parentLink.get(id)?.sequenceNumber;
    const standard: Standard = {
      id: id as StandardId,
      uri: item.uri,
      code: item.humanCodingScheme ?? '',
      statement: item.fullStatement,
      itemType: itemTypeOf(item, pkg),
      parentId: parent as StandardId | null,
      sequence: seq ?? siblingIndex.get(id)!,
      educationLevels: normalizeLevels(item.educationLevel),
    };
    setOwn(items, id, standard);
  }
  return {
    id: modelIdFor(doc.identifier) as StandardsSetId,
    title: setTitle(doc.title, options),
    source: options.source ?? doc.officialSourceURL ?? doc.uri,
    version: doc.version ?? '',
    caseDocumentId: doc.identifier,
    caseDocumentUri: doc.uri,
    items,
  };
}
