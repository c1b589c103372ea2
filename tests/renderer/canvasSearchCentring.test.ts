import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { applyCommand, deleteCompetencies, linkPrerequisite, moveCompetencies, updateCompetency, type Command } from '../../src-core/commands';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { centringDuration, SHORT_CENTRING_MS } from '../../src-renderer/src/canvas/centring';
import { createCompetencySearch, findCompetencies, sameSearchText } from '../../src-renderer/src/canvas/search/findCompetencies';

const codes = (cs: { code: string }[]) => cs.map((c) => c.code);

describe('the toolbar search keeps its results correct across edits without searching again for nothing', () => {
  const run = (fw: Framework, cmd: Command): Framework => {
    const out = applyCommand(fw, cmd);
    if (!out.ok) throw new Error(out.error.message);
    return out.framework;
  };

  it('after each edit the results equal a search from scratch; edits that change no text give back the same results', () => {
    let fw = freeze(generateFramework({ competencies: 400, seed: 9, layout: false }), true);
    const ids = Object.keys(fw.competencies) as CompetencyId[];
    const search = createCompetencySearch(12);
    const query = 'zebra';
    const check = () => {
      const got = search(fw.competencies, query);
      expect(codes(got)).toEqual(codes(findCompetencies(fw, query, 12)));
      return got;
    };
    expect(check()).toEqual([]);

    // text edits are found at once: statement, "I can", code
    fw = run(fw, updateCompetency(ids[10]!, { statement: 'Counts zebra stripes' }));
    expect(codes(check())).toEqual([fw.competencies[ids[10]!]!.code]);
    fw = run(fw, updateCompetency(ids[20]!, { iCan: 'I can draw a zebra' }));
    expect(check()).toHaveLength(2);
    fw = run(fw, updateCompetency(ids[30]!, { code: 'ZEBRA.1' }));
    expect(codes(check())[0]).toBe('ZEBRA.1'); // code matches rank first

    // a move and a new link change no searchable text: the very same results, no new search
    const before = check();
    fw = run(fw, moveCompetencies({ [ids[10]!]: { x: 5000, y: 5000 } }));
    expect(search(fw.competencies, query)).toBe(before);
    fw = run(fw, linkPrerequisite({ id: 'l-zebra' as LinkId, from: ids[1]!, to: ids[2]! }));
    expect(search(fw.competencies, query)).toBe(before);

    // the text goes away again, and a deleted match leaves the results
    fw = run(fw, updateCompetency(ids[20]!, { iCan: 'I can draw a horse' }));
    expect(check()).toHaveLength(2);
    fw = run(fw, deleteCompetencies([ids[10]!]));
    expect(codes(check())).toEqual(['ZEBRA.1']);
    // a different query searches again
    expect(codes(search(fw.competencies, 'ZEBRA.1'))).toEqual(['ZEBRA.1']);
  });

  it('sameSearchText sees added, removed and renamed competencies', () => {
    const fw = freeze(generateFramework({ competencies: 50, seed: 3, layout: false }), true);
    const ids = Object.keys(fw.competencies) as CompetencyId[];
    const c = fw.competencies[ids[0]!]!;
    expect(sameSearchText(fw.competencies, { ...fw.competencies, [ids[0]!]: { ...c, position: { x: 1, y: 2 } } })).toBe(true);
    expect(sameSearchText(fw.competencies, { ...fw.competencies, [ids[0]!]: { ...c, notes: 'new' } })).toBe(false);
    const { [ids[0]!]: _gone, ...rest } = fw.competencies;
    expect(sameSearchText(fw.competencies, rest)).toBe(false);
    expect(sameSearchText(rest, fw.competencies)).toBe(false);
  });
});

describe('centring on a competency', () => {
  const size = { width: 1200, height: 800 };
  // the view shows flow x 0..1200, y 0..800 at zoom 1 (centre 600, 400)
  const vp = { x: 0, y: 0, zoom: 1 };

  it('animates a short move and jumps over a long one', () => {
    expect(centringDuration(vp, { x: 900, y: 500 }, 1, size, false)).toBe(SHORT_CENTRING_MS);
    expect(centringDuration(vp, { x: 1700, y: 400 }, 1, size, false)).toBe(SHORT_CENTRING_MS); // just under a screen
    expect(centringDuration(vp, { x: 1900, y: 400 }, 1, size, false)).toBe(0);
    expect(centringDuration(vp, { x: 600, y: 40_000 }, 1, size, false)).toBe(0);
    // zoomed out, a short distance on screen is a long way at the zoom the move ends at
    expect(centringDuration({ x: 0, y: 0, zoom: 0.1 }, { x: 6000, y: 4000 }, 0.9, size, false)).toBe(0);
  });

  it('never animates when the user prefers reduced motion', () => {
    expect(centringDuration(vp, { x: 650, y: 400 }, 1, size, true)).toBe(0);
  });
});
