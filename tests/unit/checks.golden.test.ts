import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateFramework, type ValidateOptions } from '../../src-core/checks';
import type { FrameworkRecordLists } from '../../src-core/model/recordLists';
import type { Framework } from '../../src-core/model/types';
import { messyFramework } from './helpers/messyFramework';

/**
 * Validation output is a contract (CLI `--json`, the problems panel): the speed work must not change a
 * single code, message, id or the order. The golden file was written by validateFramework before the
 * speed work (session 2, issue 9) from the same generated frameworks.
 */
const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/validation-golden.json'), 'utf8')) as Record<string, unknown>;

const cases: [string, () => Framework, ValidateOptions][] = [
  ['cyclic-300', () => messyFramework(300, 1), {}],
  ['acyclic-400', () => messyFramework(400, 2, false), {}],
  ['acyclic-400-noredundant', () => messyFramework(400, 2, false), { redundantLinks: false }],
  ['cyclic-600', () => messyFramework(600, 3), {}],
];

/** The three large records enumerated the way a loader's schema check hands them over (Object.keys order). */
function enumerated(fw: Framework): FrameworkRecordLists {
  const list = <T,>(rec: Record<string, T>) => ({ keys: Object.keys(rec), values: Object.values(rec) });
  const listOfMap = <T,>(map: Map<string, T>) => ({ keys: [...map.keys()], values: [...map.values()] });
  return { competencies: list(fw.competencies), prerequisites: listOfMap(fw.prerequisites), alignments: listOfMap(fw.alignments) };
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('validation output is unchanged by the speed work (golden)', () => {
  for (const [name, make, opts] of cases) {
    it(`${name}: a plain document gives exactly the recorded result`, () => {
      expect(plain(validateFramework(make(), opts))).toEqual(golden[name]);
    });
    it(`${name}: a frozen (editor) document gives it too, first and second time`, () => {
      const fw = freeze(make(), true);
      expect(plain(validateFramework(fw, opts))).toEqual(golden[name]);
      expect(plain(validateFramework(fw, opts))).toEqual(golden[name]);
    });
    it(`${name}: given the records already enumerated (as a loader hands them over), it gives it too`, () => {
      const fw = make();
      expect(plain(validateFramework(fw, { ...opts, lists: enumerated(fw) }))).toEqual(golden[name]);
      // the editor's case: a frozen document, the lists seeding what is kept per frozen record
      const frozen = freeze(make(), true);
      expect(plain(validateFramework(frozen, { ...opts, lists: enumerated(frozen) }))).toEqual(golden[name]);
      expect(plain(validateFramework(frozen, opts))).toEqual(golden[name]);
    });
  }
});
