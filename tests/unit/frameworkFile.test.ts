import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage, coverageListsFor, validateFramework } from '../../src-core/checks';
import { buildPrerequisiteGraph } from '../../src-core/graph';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { locateJsonError, parseJson } from '../../src-core/format/json';
import { migrateFile } from '../../src-core/format/migrate';
import { createCompetency, createFramework } from '../../src-core/model/defaults';

function sample() {
  const fw = createFramework({ title: 'Sample' });
  const c = createCompetency({ code: 'A.1', statement: 'Add fractions' });
  fw.competencies[c.id] = c;
  return { fw, c };
}

describe('parseJson', () => {
  it('reports line and column of a syntax error', () => {
    const r = parseJson('{\n  "a": 1,\n  "b": ]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(3);
      expect(r.error.column).toBe(8);
      expect(r.error.message).toMatch(/line 3, column 8/);
    }
  });
  it('says an empty file is empty', () => {
    const r = parseJson('  \n');
    expect(!r.ok && r.error.code).toBe('empty');
  });
  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseJson('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  it('locates errors in deeply nested input without overflowing the stack', () => {
    const deep = '['.repeat(200_000) + '}';
    expect(locateJsonError(deep).offset).toBe(200_000);
  });
  it('locates a trailing comma and a truncated file', () => {
    expect(locateJsonError('{"a":1,}').offset).toBe(7);
    expect(locateJsonError('{"a":[1,2').expected).toMatch(/','/);
  });
  it('names a trailing comma at the comma, not at the bracket a line later where the parser stopped', () => {
    // A hand edit that deleted the last property of "framework" and left its comma.
    const r = parseJson('{\n  "format": "progressions.framework",\n  "framework": {\n    "title": "x",\n  }\n}\n');
    expect(!r.ok && r.error.message).toBe("Not valid JSON at line 4, column 17: a comma after the last property before '}' (JSON allows none there; delete it).");
    expect(!r.ok && r.error.path).toBe('line 4, column 17');
    const a = parseJson('{"ids": [\n  "a",\n  "b",\n]}');
    expect(!a.ok && a.error.message).toBe("Not valid JSON at line 3, column 6: a comma after the last item before ']' (JSON allows none there; delete it).");
    // Not a trailing comma: a value missing after a colon, an empty slot between commas.
    expect(!parseJson('{"a": }').ok && (parseJson('{"a": }') as { ok: false; error: { message: string } }).error.message).toMatch(/expected a value, found "}"/);
    expect((parseJson('[1,,2]') as { ok: false; error: { message: string } }).error.message).toMatch(/line 1, column 4: expected a value/);
  });
  it('quotes what it found up to the end of its line (no \\n escapes in the message)', () => {
    const r = parseJson('{\n  "a": 1\n  "b": 2\n}');
    expect(!r.ok && r.error.message).toBe(`Not valid JSON at line 3, column 3: expected ',' or '}', found "\\"b\\": 2".`);
  });
});

describe('loadFrameworkText', () => {
  it('round-trips a framework through its file text', () => {
    const { fw } = sample();
    const r = loadFrameworkText(serializeFramework(fw));
    expect(r.ok && r.value.framework).toEqual(fw);
  });
  it('refuses JSON that is not a framework, saying so', () => {
    const r = loadFrameworkText('{"hello": 1}');
    expect(!r.ok && r.error.code).toBe('not-framework');
  });
  it('reports schema errors with JSON pointers', () => {
    const { fw, c } = sample();
    const text = serializeFramework(fw).replace('"code": "A.1"', '"code": 7');
    const r = loadFrameworkText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('schema');
      expect(r.error.path).toBe(`/framework/competencies/${c.id}/code`);
      expect(r.error.message).toContain('code must be a string');
    }
  });
  it('names unexpected and missing properties', () => {
    const { fw } = sample();
    const file = JSON.parse(serializeFramework(fw));
    file.framework.colour = 'blue';
    delete file.framework.title;
    const r = loadFrameworkText(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const msgs = (r.error.details ?? []).map((d) => `${d.path} ${d.message}`);
      expect(msgs).toContain('/framework/colour unexpected property "colour"');
      expect(msgs).toContain('/framework missing required property "title"');
    }
  });
  it('refuses a newer format version with a message that says so', () => {
    const { fw } = sample();
    const r = loadFrameworkText(serializeFramework(fw).replace('"formatVersion": 1', '"formatVersion": 9'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('newer-version');
      expect(r.error.message).toMatch(/version 9.*reads up to version 1/);
    }
  });
});

describe('migrateFile', () => {
  const steps = [
    { from: 1, name: 'v1→v2: rename title', up: (f: Record<string, unknown>) => ({ ...f, title2: f.title }) },
    {
      from: 2,
      name: 'v2→v3: drop title',
      up: (f: Record<string, unknown>) => {
        delete f.title;
        return f;
      },
    },
  ];
  it('applies numbered steps in order and never touches the input', () => {
    const input = { format: 'x', formatVersion: 1, title: 'T' };
    const r = migrateFile(input, steps, 3);
    expect(r.ok && r.value).toEqual({ file: { format: 'x', formatVersion: 3, title2: 'T' }, applied: [steps[0]!.name, steps[1]!.name] });
    expect(input).toEqual({ format: 'x', formatVersion: 1, title: 'T' });
  });
  it('fails cleanly when a step throws, leaving the input intact', () => {
    const input = { formatVersion: 1, nested: { a: 1 } };
    const r = migrateFile(input, [{ from: 1, name: 'boom', up: (f) => { (f.nested as { a: number }).a = 2; throw new Error('bad'); } }], 2);
    expect(!r.ok && r.error.code).toBe('migration-failed');
    expect(input.nested.a).toBe(1);
  });
  it('refuses a missing step and a newer file', () => {
    expect(!migrateFile({ formatVersion: 1 }, [], 2).ok).toBe(true);
    const r = migrateFile({ formatVersion: 5 }, [], 2);
    expect(!r.ok && r.error.code).toBe('newer-version');
  });
});

describe('loadFrameworkText hands over the records its schema check enumerated', () => {
  const root = join(import.meta.dirname, '../..');
  const files = [
    'resources/examples/grade3-5-fractions.json',
    'resources/examples/student-science-inquiry.json',
    'tests/fixtures/frameworks/cycle.json',
    'tests/fixtures/frameworks/v1-minimal.json',
  ];
  it.each(files)('%s: the very record objects in Object.keys order, and the same validation, graph and coverage with them', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const r = loadFrameworkText(text);
    if (!r.ok) throw new Error(r.error.message);
    const { framework: fw, lists } = r.value;
    if (!lists) throw new Error('the loader handed over no lists');
    for (const name of ['competencies', 'prerequisites', 'alignments'] as const) {
      // competencies stay a JSON object in memory; links and alignments are Maps in the file's order
      const rec: ReadonlyMap<string, unknown> = name === 'competencies' ? new Map(Object.entries(fw[name])) : fw[name];
      expect(lists[name].keys).toEqual([...rec.keys()]);
      lists[name].values.forEach((v, i) => expect(v).toBe(rec.get(lists[name].keys[i]!)));
    }
    const again = loadFrameworkText(text);
    if (!again.ok) throw new Error(again.error.message);
    const plain = again.value.framework;
    expect(validateFramework(fw, { lists })).toEqual(validateFramework(plain));
    const g = buildPrerequisiteGraph(fw, lists);
    const h = buildPrerequisiteGraph(plain);
    expect([...g.outTo]).toEqual([...h.outTo]);
    expect(g.ids).toEqual(h.ids);
    expect(computeCoverage(fw, undefined, coverageListsFor(fw, lists))).toEqual(computeCoverage(plain));
  });

  it('a file ajv must explain gives no lists to misuse: it does not load', () => {
    const text = readFileSync(join(root, 'resources/examples/grade3-5-fractions.json'), 'utf8');
    const file = JSON.parse(text);
    const first = Object.keys(file.framework.prerequisites)[0]!;
    file.framework.prerequisites[first].from = 'not-a-uuid';
    const r = loadFrameworkText(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`/framework/prerequisites/${first}/from`);
  });
});
