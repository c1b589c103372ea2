import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import { overlayCss, overlayInputOf } from '../../../src-renderer/src/features/learners/overlay';
import { loadProgressFromText } from '../../../src-renderer/src/features/learners/actions';
import { createLearnersStore, initialLearnersState } from '../../../src-renderer/src/features/learners/learnersStore';

const root = join(import.meta.dirname, '../../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

// The ✓ on a mastered competency's card and the step number of the suggested path are text (WCAG 1.4.3):
// 4.5:1 against their badge. Their colours are fixed, so this holds in the light and the dark theme alike.
describe('canvas overlay badges', () => {
  it('draw their ✓ and step numbers at 4.5:1 or more against the badge', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    expect(loadProgressFromText(fw, readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.csv'), 'utf8'), 'class.csv', store)).toBe(true);
    const input = overlayInputOf(fw, store.getSnapshot())!;
    const first = Object.keys(fw.competencies)[0]!;
    const css = overlayCss({ ...input, sequence: new Map([[first, 1]]) });
    const badges = css.split('\n').filter((r) => /::(after|before) \{ content:/.test(r));
    expect(badges.some((r) => r.includes('content: "✓"'))).toBe(true);
    expect(badges.some((r) => r.includes('content: "1"'))).toBe(true);
    for (const rule of badges) {
      const bg = /background: (#[0-9a-f]{6})/i.exec(rule)?.[1];
      const ink = /[{;] color: (#[0-9a-f]{3,6})/i.exec(rule)?.[1];
      expect(bg, rule).toBeDefined();
      const fg = ink === '#fff' ? '#ffffff' : ink!;
      expect(contrast(fg, bg!), rule).toBeGreaterThanOrEqual(4.5);
    }
  });
});
