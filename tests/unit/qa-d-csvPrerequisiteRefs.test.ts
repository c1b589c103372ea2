import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompetencyCsv, writeCompetencyCsv } from '../../src-core/csv/competencyCsv';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import type { Framework } from '../../src-core/model/types';

/** The minimal released framework: NF.1 → NF.2. */
function minimal(): Framework {
  const r = loadFrameworkText(readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
}

const C1 = 'c0000000-0000-4000-8000-000000000001';
const C2 = 'c0000000-0000-4000-8000-000000000002';

/** The links of a framework as "from>to" by id. */
const linksOf = (fw: Framework) => [...fw.prerequisites.values()].map((l) => `${l.from}>${l.to}`).sort();

/** The competency spreadsheet written and read back, as `progressions import` reads it (no base). */
function roundTrip(fw: Framework) {
  const r = readCompetencyCsv(writeCompetencyCsv(fw));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the competency spreadsheet keeps every prerequisite link whatever the codes', () => {
  it('a code holding ";" (the list separator) is written as the ID: the link survives (it was split and dropped)', () => {
    const fw = minimal();
    fw.competencies[C1 as never]!.code = 'NF; unit';
    const back = roundTrip(fw);
    expect(linksOf(back.framework)).toEqual([`${C1}>${C2}`]);
    expect(back.rowErrors).toEqual([]);
  });

  it('two competencies sharing a code: the link still joins the one it joined (not the first row with that code)', () => {
    const fw = minimal();
    const third = structuredClone(fw.competencies[C1 as never]!);
    third.id = 'c0000000-0000-4000-8000-000000000000' as never; // sorts before C1: its row comes first
    fw.competencies[third.id] = third; // same code NF.1 as C1, no links
    const back = roundTrip(fw);
    expect(linksOf(back.framework)).toEqual([`${C1}>${C2}`]);
  });

  it('a competency with no code is referred to by its ID, and an ordinary code stays a code', () => {
    const fw = minimal();
    const csv = writeCompetencyCsv(fw);
    expect(csv).toContain('"NF.1"'); // the Prerequisites cell of NF.2 names NF.1 by its code
    expect(csv).not.toMatch(new RegExp(`"${C1}","`)); // …not by its ID
    fw.competencies[C1 as never]!.code = '';
    expect(linksOf(roundTrip(fw).framework)).toEqual([`${C1}>${C2}`]);
  });
});
