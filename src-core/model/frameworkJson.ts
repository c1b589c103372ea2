import { recordList, type FrameworkRecordLists, type RecordList } from './recordLists';
import type { Framework, FrameworkJson } from './types';

/**
 * A Map of a JSON object's entries, in the object's enumeration order (the order a file lists them).
 * `list` is the object already enumerated (keys and values in that order), when someone has.
 */
export function mapOfRecord<T>(rec: Readonly<Record<string, T>>, list?: RecordList<T>): Map<string, T> {
  const { keys, values } = list ?? recordList(rec);
  const map = new Map<string, T>();
  for (let i = 0; i < keys.length; i++) map.set(keys[i]!, values[i]!);
  return map;
}

/** A JSON object of a Map's entries, in the Map's order (a key `__proto__` stays an own property). */
export function recordOfMap<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of map) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/**
 * The in-memory framework of a file's `framework` value: the same object graph (nothing is copied but
 * the two records that become Maps), so the records' objects are shared with `json`.
 */
export function frameworkFromJson(json: FrameworkJson, lists?: Pick<FrameworkRecordLists, 'prerequisites' | 'alignments'>): Framework {
  return {
    ...json,
    prerequisites: mapOfRecord(json.prerequisites, lists?.prerequisites),
    alignments: mapOfRecord(json.alignments, lists?.alignments),
  };
}

/** The file form of a framework: the same objects, with the records held as Maps turned into JSON objects. */
export function frameworkToJson(fw: Framework): FrameworkJson {
  return { ...fw, prerequisites: recordOfMap(fw.prerequisites), alignments: recordOfMap(fw.alignments) };
}
