import { describe, expect, it } from 'vitest';
import { EDUCATION_LEVELS, formatLevels, isEducationLevel, levelRank, minLevelRank, normalizeEducationLevel } from '../../src-core/model/levels';

describe('grade-level codes', () => {
  it('ranks every CEDS code by its place on the learner continuum', () => {
    EDUCATION_LEVELS.forEach((l, i) => {
      expect(levelRank(l.code)).toBe(i);
      expect(isEducationLevel(l.code)).toBe(true);
    });
  });

  it('knows no other code: spellings to normalise, lower case, padding, look-alike characters', () => {
    for (const code of ['', 'K', '1', '6', 'kg', 'Kg', '001', ' 01', '01 ', 'Grade 3', 'PreK', 'GK', '00', '14', '０１', 'K\u0301', '\u0000\u0000', 'KGX', '__proto__', 'toString']) {
      expect(levelRank(code)).toBeUndefined();
      expect(isEducationLevel(code)).toBe(false);
    }
  });

  it('orders, labels and normalises as a designer expects', () => {
    expect(minLevelRank(['05', 'KG', 'XX'])).toBe(levelRank('KG'));
    expect(formatLevels(['05', '03', '04'])).toBe('Gr 3–5');
    expect(normalizeEducationLevel('Grade 3')).toBe('03');
    expect(normalizeEducationLevel('k')).toBe('KG');
    expect(normalizeEducationLevel('Year 3')).toBe('Year 3');
  });
});
