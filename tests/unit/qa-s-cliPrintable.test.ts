import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printableMapHtml } from '../../src-core/export/printable';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { runCliCaptured } from './helpers/cli';

// `progressions export --format html`: the printable mastery map from a script (a district publishing the
// wall chart with each release), in full or as a summary, of the whole map, one domain or one grade.

const example = join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json');
const cli = (...args: string[]) => runCliCaptured(args, { disk: true });
const rowCodes = (html: string) => [...html.matchAll(/<tr><td class="cid">([^<]*)<\/td>/g)].map((m) => m[1]!);

function exampleFramework() {
  const r = loadFrameworkText(readFileSync(example, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
}

describe('progressions export --format html (qa-s)', () => {
  it('writes the printable map the app prints (student, A4, in full by default)', async () => {
    const r = await cli('export', example, '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(printableMapHtml(exampleFramework(), { paper: 'a4', audience: 'student' }));
    expect(r.stdout).toContain('@page { size: A4 portrait;');
    expect(r.stdout).not.toMatch(/<script|<img/i);
  });

  it('--summary, --audience, --paper, --domain (code, title or id, any case) and --grade choose the print', async () => {
    const fw = exampleFramework();
    const ec = fw.domains.find((d) => d.code === 'FR-EC')!;
    const r = await cli('export', example, '--format', 'html', '--summary', '--audience', 'teacher', '--paper', 'letter', '--domain', 'fr-ec');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(printableMapHtml(fw, { paper: 'letter', audience: 'teacher', layout: 'summary', only: { domainId: ec.id } }));
    const codes = Object.values(fw.competencies).filter((c) => c.domainId === ec.id).map((c) => c.code).sort();
    expect(rowCodes(r.stdout).sort()).toEqual(codes);
    const byTitle = await cli('export', example, '--format', 'html', '--summary', '--domain', ec.title, '--grade', '4');
    expect(byTitle.code).toBe(0);
    const grade4 = Object.values(fw.competencies).filter((c) => c.domainId === ec.id && c.educationLevels.includes('04'));
    expect(grade4.length).toBeGreaterThan(0);
    expect(rowCodes(byTitle.stdout).sort()).toEqual(grade4.map((c) => c.code).sort());
    expect(byTitle.stdout).toContain(`Grade 4 — ${grade4.length} of 36 competencies`);
    expect((await cli('export', example, '--format', 'html', '--summary', '--domain', ec.id)).stdout).toBe(
      printableMapHtml(fw, { paper: 'a4', audience: 'student', layout: 'summary', only: { domainId: ec.id } }),
    );
  });

  it('refuses an unknown domain, a print of nothing and unknown values with exit 2 and one line', async () => {
    for (const [args, words] of [
      [['--domain', 'nope'], 'no domain of “Grade 3–5 Fractions Progression” has this code, title or id. Domains: FR-UF, FR-EC'],
      [['--domain', 'FR-EC', '--grade', '12'], 'nothing to print: no competency of “Grade 3–5 Fractions Progression” is in FR-EC Equivalence & Comparison · Grade 12'],
      [['--audience', 'parents'], '--audience: "parents" is not an audience; use student or teacher'],
      [['--paper', 'a3'], '--paper: "a3" is not a paper size; use a4 or letter'],
    ] as const) {
      const r = await cli('export', example, '--format', 'html', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(words);
    }
  });

  it('notes the print options as having no effect on another format, whose output is unchanged', async () => {
    const plain = await cli('export', example, '--format', 'moodle');
    const r = await cli('export', example, '--format', 'moodle', '--summary', '--domain', 'FR-EC');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toContain('--summary, --domain apply to the html format only; ignored for moodle.');
  });

  it('lists the format and its options in --help', async () => {
    const r = await cli('export', '--help');
    expect(r.stdout).toContain('html      the printable mastery map');
    for (const o of ['--audience <a>', '--paper <p>', '--summary', '--domain <d>', '--grade <level>']) expect(r.stdout).toContain(o);
  });
});
