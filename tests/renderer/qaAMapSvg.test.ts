import { describe, expect, it } from 'vitest';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type { LinkId } from '../../src-core/model/ids';
import { wholeMapSvg, wrapStatement } from '../../src-renderer/src/dialogs/export/mapSvg';

// The whole-map image of a large map is drawn from the document (the canvas holds only what is in view).
function map() {
  const fw = createFramework({ title: 'T' });
  const nf = createDomain({ code: 'NF', title: 'Fractions & <Decimals>' });
  fw.domains.push(nf);
  const a = createCompetency({ code: 'NF.1', statement: 'Understand a fraction 1/b as one part of a whole partitioned into b equal parts, using models & number lines and explaining why the parts must be equal.', domainId: nf.id, position: { x: 0, y: 0 } });
  const b = createCompetency({ code: 'NF.2', statement: 'Place fractions on a number line.', domainId: nf.id, position: { x: 400, y: 0 } });
  const c = createCompetency({ code: 'X.1', statement: 'In no domain', position: { x: 0, y: 600 } });
  for (const k of [a, b, c]) fw.competencies[k.id] = k;
  fw.prerequisites.set('l1', { id: 'l1' as LinkId, from: a.id, to: b.id, note: '' });
  return fw;
}

describe('the whole map drawn as SVG', () => {
  it('draws every card with its code, every link and every lane named, with text escaped', () => {
    const { svg, width, height } = wholeMapSvg(map(), 'horizontal');
    expect(svg.match(/class="competency"/g)).toHaveLength(3);
    for (const code of ['NF.1', 'NF.2', 'X.1']) expect(svg).toContain(`>${code}<`);
    expect(svg.match(/<path d="M/g)).toHaveLength(1);
    expect(svg).toContain('Fractions &amp; &lt;Decimals&gt;');
    expect(svg).not.toContain('<Decimals>');
    expect(width).toBeGreaterThan(400 + 200);
    expect(height).toBeGreaterThan(600);
  });

  it('runs a link from the right edge of the prerequisite to the left edge of what it unlocks, or top to bottom with columns', () => {
    const fw = map();
    const lr = /<path d="M(\S+) (\S+) C/.exec(wholeMapSvg(fw, 'horizontal').svg)!;
    expect(Number(lr[1])).toBeGreaterThan(200); // right edge of NF.1 (x 0, width 240)
    const tb = /<path d="M(\S+) (\S+) C/.exec(wholeMapSvg(fw, 'vertical').svg)!;
    expect(Number(tb[2])).toBeGreaterThan(100); // bottom edge of NF.1 (y 0, height 112)
  });

  it('shows the start of a long statement in three lines, ellipsed', () => {
    const lines = wrapStatement('one two three four five six seven eight nine ten eleven twelve', 12, 3);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(wrapStatement('short', 12, 3)).toEqual(['short']);
  });

  it('refuses an empty map with a message', () => {
    expect(() => wholeMapSvg(createFramework(), 'horizontal')).toThrow(/empty/);
  });
});
