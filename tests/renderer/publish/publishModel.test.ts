import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src-core/checks';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import type { Framework } from '../../../src-core/model/types';
import { runCaseImport } from '../../../src-renderer/src/dialogs/import/caseImport';
import { buildTextExport, formatFromCommand } from '../../../src-renderer/src/dialogs/export/exportFormats';
import { scopeCss } from '../../../src-renderer/src/dialogs/export/scopeCss';
import { coverageReportCsv, crosswalk } from '../../../src-renderer/src/panels/coverage/coverageModel';

const root = join(import.meta.dirname, '../../..');
const PACKAGES = join(root, '../shared/reference/case/packages');

function example(): Framework {
  const r = loadFrameworkText(readFileSync(join(root, 'resources/examples/grade3-5-fractions.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
}

describe('coverage report and crosswalk', () => {
  it('writes one CSV row per standard with whether it counts, is covered, and by which competencies', () => {
    const fw = example();
    const cov = computeCoverage(fw)!;
    const sc = cov.sets[0]!;
    const set = fw.standardsSets[sc.setId]!;
    const csv = coverageReportCsv(fw, set, sc);
    expect(csv.startsWith('\uFEFF"Standards set","Code"')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + Object.keys(set.items).length + 2);
    const covered = lines.filter((l) => /"yes","yes"/.test(l)).length;
    expect(covered).toBe(sc.covered);
    expect(lines.at(-1)).toContain(`${sc.covered} of ${sc.standards} standards covered`);
  });

  it('lists, per competency, its standards in the old and the new set', () => {
    const fw = example();
    const [a, b] = Object.values(fw.standardsSets);
    const rows = crosswalk(fw, a!, b!);
    const aligned = new Set([...fw.alignments.values()].filter((x) => x.setId === a!.id || x.setId === b!.id).map((x) => x.competencyId));
    expect(rows.map((r) => r.competencyId).sort()).toEqual([...aligned].sort());
    for (const r of rows) expect(r.a.length + r.b.length).toBeGreaterThan(0);
  });
});

describe('export formats', () => {
  it('maps menu commands to dialog formats, CASE 1.1 by default', () => {
    expect(formatFromCommand('case-1.0')).toBe('case-1.0');
    expect(formatFromCommand('png')).toBe('png');
    expect(formatFromCommand(undefined)).toBe('case-1.1');
    expect(formatFromCommand('html')).toBe('html');
  });

  it('builds a CASE 1.1 package with the configured base URI, and the framework JSON as saved', () => {
    const fw = example();
    const out = buildTextExport(fw, 'case-1.1', 'https://case.example.org/ims/case/v1p1');
    expect(out.suggestedName).toBe('grade-3-5-fractions-progression.case-1.1.json');
    const pkg = JSON.parse(out.chunks.join('')) as { CFDocument: { uri: string; title: string } };
    expect(pkg.CFDocument.title).toBe(fw.title);
    expect(pkg.CFDocument.uri).toMatch(/^https:\/\/case\.example\.org\/ims\/case\/v1p1\/CFDocuments\//);
    const json = buildTextExport(fw, 'json', '');
    const back = loadFrameworkText(json.chunks.join(''));
    expect(back.ok && back.value.framework).toEqual(fw);
  });
});

describe('printable map inside the app', () => {
  it('scopes the printable page style sheet to the preview, keeping @page', () => {
    const css = scopeCss('@page { size: A4; }\nbody { margin: 0; }\nh2, .code { color: red; }\n@media screen { body { max-width: 190mm; } }', '.pm-doc');
    expect(css).toContain('@page { size: A4; }');
    expect(css).toContain('.pm-doc { margin: 0; }');
    expect(css).toContain('.pm-doc h2, .pm-doc .code { color: red; }');
    expect(css).toContain('@media screen {\n.pm-doc { max-width: 190mm; }');
  });
});

describe('CASE import (the worker’s job)', () => {
  it('reads our own CASE 1.1 sample as both a standards set and a framework', () => {
    const text = readFileSync(join(root, 'tests/fixtures/case/sample.case-1.1.json'), 'utf8');
    const r = runCaseImport(text, 'sample.case-1.1.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe('1.1');
    expect(Object.keys(r.value.set.items).length).toBe(r.value.report.read.items);
    expect(r.value.framework.ok).toBe(true);
  });

  it('fails closed with a line and column on text that is not JSON', () => {
    const r = runCaseImport('{"CFDocument": ', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Not valid JSON at line 1, column \d+/);
  });

  describe.skipIf(!existsSync(PACKAGES))('on the real packages (skipped: ../shared/reference/case/packages is absent)', () => {
    it('imports the Smarter Balanced math specification: 585 standards, a report naming the duplicate association', () => {
      const r = runCaseImport(readFileSync(join(PACKAGES, 'sbac_math-content-specification_v1p0.json'), 'utf8'), 'sbac.json');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(Object.keys(r.value.set.items)).toHaveLength(585);
      expect(r.value.report.ignored.map((e) => e.message).join('\n')).toContain('duplicate association identifier');
    });
  });
});
