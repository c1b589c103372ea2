import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../../src-core/case/export';
import { loadFrameworkText, serializeFramework } from '../../../src-core/format/frameworkFile';
import { EXPORT_FORMATS } from '../../../src-main/cli/commands/export';
import { caseSchemaErrors, casePackagesDir, haveCasePackages, haveCaseSchemas, SKIP_MESSAGE } from './caseSchemas';
import { sampleFramework } from './sampleFramework';
import type { CompetencyId, LinkId } from '../../../src-core/model/ids';
import { runCliCaptured } from '../helpers/cli';

/** Runs the CLI in-process; files are real (a temp folder). */
const cli = (args: string[]) => runCliCaptured(args, { disk: true });

const tmp = mkdtempSync(join(tmpdir(), 'case-cli-'));
const fwFile = join(tmp, 'sample.json');
writeFileSync(fwFile, serializeFramework(sampleFramework()));
const case11File = join(tmp, 'sample.case.json');
writeFileSync(case11File, JSON.stringify(exportCase(sampleFramework(), { version: '1.1' })));

describe('progressions export', () => {
  it('exit 0: writes CASE 1.1 (the default) to stdout, the same bytes every time', async () => {
    const a = await cli(['export', fwFile]);
    expect(a.code).toBe(0);
    const pkg = JSON.parse(a.stdout);
    expect(pkg.CFDocument.caseVersion).toBe('1.1');
    expect(a.stdout).toBe(JSON.stringify(exportCase(sampleFramework(), { version: '1.1' }), null, 2) + '\n');
    expect((await cli(['export', fwFile, '--format', 'case-1.1'])).stdout).toBe(a.stdout);
    if (haveCaseSchemas) expect(caseSchemaErrors('1.1', pkg)).toEqual([]);
  });

  it('exit 0: writes CASE 1.0 to a file with -o, with the configured base URI', async () => {
    const out = join(tmp, 'out.case-1.0.json');
    const r = await cli(['export', fwFile, '--format', 'case-1.0', '-o', out, '--base-uri', 'https://case.example.org/ims/case/v1p0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${out}`);
    const pkg = JSON.parse(readFileSync(out, 'utf8'));
    expect(pkg.CFDocument).not.toHaveProperty('caseVersion');
    expect(pkg.CFItems[0].uri).toMatch(/^https:\/\/case\.example\.org\/ims\/case\/v1p0\/CFItems\//);
    if (haveCaseSchemas) expect(caseSchemaErrors('1.0', pkg)).toEqual([]);
  });

  it('exit 0: converts a CASE package back to our JSON format', async () => {
    const r = await cli(['export', case11File, '--format', 'json']);
    expect(r.code).toBe(0);
    const loaded = loadFrameworkText(r.stdout);
    expect(loaded.ok && loaded.value.framework).toEqual({ ...sampleFramework(), comments: {} });
  });

  it('says what the package could not hold', async () => {
    const fw = sampleFramework();
    const c2 = fw.competencies['33333333-3333-4333-8333-000000000002' as never]!;
    (c2.phases as Record<string, unknown>)['12345678-1234-4234-8234-123456789abc'] = { descriptor: 'orphan', indicators: [] };
    const file = join(tmp, 'off-scale.json');
    writeFileSync(file, serializeFramework(fw));
    const r = await cli(['export', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note 1 phase description\(s\) of phases not on the mastery scale were not exported/);
  });

  it('keeps review comments only with --include-comments', async () => {
    expect(JSON.parse((await cli(['export', fwFile])).stdout).extensions.progressions.comments).toBeUndefined();
    expect(Object.keys(JSON.parse((await cli(['export', fwFile, '--include-comments'])).stdout).extensions.progressions.comments)).toHaveLength(1);
  });

  it('exit 1: refuses a framework with validation errors, listing them; --force exports anyway', async () => {
    const fw = sampleFramework();
    const back = '77777777-7777-4777-8777-000000000009';
    fw.prerequisites.set(back, { id: back as LinkId, from: '33333333-3333-4333-8333-000000000003' as CompetencyId, to: '33333333-3333-4333-8333-000000000001' as CompetencyId, note: '' });
    const cyclic = join(tmp, 'cyclic.json');
    writeFileSync(cyclic, serializeFramework(fw));
    const out = join(tmp, 'cyclic.case.json');
    const refused = await cli(['export', cyclic, '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error prerequisite-cycle: /);
    expect(refused.stderr).toMatch(/refusing to export .*1 validation error\(s\).*--force/);
    expect(existsSync(out)).toBe(false);
    const forced = await cli(['export', cyclic, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/exporting despite 1 validation error/);
    expect(JSON.parse(readFileSync(out, 'utf8')).CFAssociations.filter((a: { associationType: string }) => a.associationType === 'precedes')).toHaveLength(3);
  });

  it('exit 1: a framework file that breaks the schema is refused with its errors listed, even with --force', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, serializeFramework(sampleFramework()).replace('"code": "NF.1"', '"code": 7'));
    for (const args of [[], ['--force']]) {
      const r = await cli(['export', bad, ...args]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/error competency “Understand a fraction 1\/b[^”]*”: code must be a string \(\/framework\/competencies\/33333333-3333-4333-8333-000000000001\/code\)/);
    }
  });

  it('exit 2: unreadable input', async () => {
    const notJson = join(tmp, 'broken.json');
    writeFileSync(notJson, '{"CFDocument": ');
    const noItems = join(tmp, 'empty.case.json');
    writeFileSync(noItems, JSON.stringify({ CFDocument: { identifier: 'a0000000-0000-4000-8000-000000000000', uri: 'u', creator: 'c', title: 'Empty', lastChangeDateTime: '2020-01-01T00:00:00Z' } }));
    const cases: [string[], RegExp][] = [
      [['export', join(tmp, 'missing.json')], /no such file/],
      [['export', notJson], /Not valid JSON at line 1/],
      [['export', noItems], /has no CFItems/],
      [['export'], /missing <file>/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('exit 2: unknown format, unusable --base-uri, a folder that does not exist', async () => {
    let r = await cli(['export', fwFile, '--format', 'pdf']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/unknown format "pdf".*case-1\.1/)]);
    r = await cli(['export', fwFile, '--base-uri', 'not a uri']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--base-uri: .*not an absolute URI/)]);
    const target = join(tmp, 'no-such-folder', 'x.json');
    r = await cli(['export', fwFile, '-o', target]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/could not write/)]);
    expect(existsSync(target)).toBe(false);
  });

  it('formats not available yet exit 2 with a clear message', async () => {
    for (const [name, format] of Object.entries(EXPORT_FORMATS)) {
      if (format) continue;
      const r = await cli(['export', fwFile, '--format', name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/not available yet/);
    }
  });
});

describe('progressions import', () => {
  it('exit 0: converts a CASE package to a framework file on stdout, the report on stderr', async () => {
    const r = await cli(['import', case11File]);
    expect(r.code).toBe(0);
    const loaded = loadFrameworkText(r.stdout);
    expect(loaded.ok).toBe(true);
    expect(r.stderr).toMatch(/case-1\.1, “Grade 3–5 Fractions”/);
    expect(r.stderr).toMatch(/read 8 item\(s\)/);
  });

  it('exit 0: writes to -o', async () => {
    const out = join(tmp, 'imported.json');
    const r = await cli(['import', case11File, '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const loaded = loadFrameworkText(readFileSync(out, 'utf8'));
    expect(loaded.ok && Object.keys(loaded.value.framework.competencies)).toHaveLength(3);
  });

  it('exit 2: not found, not a supported format, a CASE package it cannot understand (with the pointer)', async () => {
    const plain = join(tmp, 'plain.json');
    writeFileSync(plain, '{"hello": 1}');
    const wrong = join(tmp, 'wrong.case.json');
    writeFileSync(wrong, JSON.stringify({ CFDocument: { identifier: 'x', title: 'T' }, CFItems: [{ identifier: 'i1', fullStatement: 'ok' }, 42] }));
    const cases: [string, RegExp][] = [
      [join(tmp, 'nope.json'), /no such file/],
      [plain, /Not a supported format/],
      [wrong, /\/CFItems\/1 must be an item object/],
    ];
    for (const [file, message] of cases) {
      const r = await cli(['import', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe.skipIf(!haveCasePackages)(`CLI on a real package (${SKIP_MESSAGE})`, () => {
  it('imports the Smarter Balanced math specification and exports it again as valid CASE 1.1', async () => {
    const out = join(tmp, 'sbac.json');
    const imp = await cli(['import', join(casePackagesDir, 'sbac_math-content-specification_v1p0.json'), '-o', out]);
    expect(imp.code).toBe(0);
    expect(imp.stderr).toMatch(/585 item\(s\)/);
    const exp = await cli(['export', out]);
    expect(exp.code).toBe(0);
    const pkg = JSON.parse(exp.stdout);
    expect(pkg.CFItems.length).toBeGreaterThanOrEqual(585);
    if (haveCaseSchemas) expect(caseSchemaErrors('1.1', pkg)).toEqual([]);
  });
});
