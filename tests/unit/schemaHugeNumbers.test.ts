import { describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { describeProblem } from '../../src-core/format/schemaErrors';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import { loadProgressText } from '../../src-core/progress/progressFile';

/**
 * JSON.parse reads a number written too large for a double (1e999) as Infinity, which every number rule
 * of the schema refuses with "must be a number" — the very type the file wrote. The message says what
 * the value is instead, in the same place (words and JSON pointer).
 */
describe('schema problems of numbers too large to hold', () => {
  function frameworkText(hours: string) {
    const fw = createFramework({ title: 'Huge' });
    const a = createCompetency({ code: 'A.1', statement: 'Add fractions' });
    a.estimatedHours = 1;
    fw.competencies[a.id] = a;
    return { text: serializeFramework(fw).replace('"estimatedHours": 1', `"estimatedHours": ${hours}`), id: a.id };
  }

  it('says a framework field of 1e999 is too large, not that it must be a number', () => {
    const { text, id } = frameworkText('1e999');
    expect(text).toContain('1e999');
    const r = loadFrameworkText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const details = r.error.details ?? [];
    expect(details).toHaveLength(1);
    expect(details[0]!.path).toBe(`/framework/competencies/${id}/estimatedHours`);
    expect(details[0]!.message).toBe('is a number too large to hold (1e309 or more)');
    expect(describeProblem(details[0]!)).toBe(`competency “A.1” (“Add fractions”): estimated hours is a number too large to hold (1e309 or more) (/framework/competencies/${id}/estimatedHours)`);
    expect(r.error.message).not.toContain('must be a number');
  });

  it('says so of a negative one too', () => {
    const r = loadFrameworkText(frameworkText('-1e999').text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.map((d) => d.message)).toEqual(['is a negative number too large to hold (-1e309 or less)']);
  });

  it('keeps the ordinary message for a value of another type', () => {
    const r = loadFrameworkText(frameworkText('"three"').text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.map((d) => d.message)).toEqual(['must be a number or null']);
  });

  it('says it of a progress file as well', () => {
    const text = JSON.stringify({ format: 'progressions.progress', formatVersion: 1, frameworkId: 'f', learners: [{ id: 'maya', name: 'Maya' }], records: [] });
    const huge = text.replace('"name":"Maya"', '"name":1e999');
    const r = loadProgressText(huge);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = (r.error.details ?? []).map((d) => d.message);
    expect(messages).toContain('is a number too large to hold (1e309 or more)');
    expect(messages).not.toContain('must be a string');
  });
});
