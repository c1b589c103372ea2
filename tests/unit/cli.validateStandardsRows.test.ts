import { describe, expect, it } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { fail, ok } from '../../src-core/result';
import type { CliIo } from '../../src-main/cli/io';
import { runCli } from '../../src-main/cli/main';

async function cli(args: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTty: false,
    readText: async (p) => (p in files ? ok(files[p]!) : fail('not-found', `${p}: no such file.`)),
    writeText: async () => fail('read-only', 'not in these tests'),
  };
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function frameworkFile(): string {
  const fw = createFramework({ title: 'T' });
  const c = createCompetency({ code: 'A.1', statement: 'Something' });
  fw.competencies[c.id] = c;
  return serializeFramework(fw);
}

describe('validate --standards <csv> with row problems', () => {
  it('names each bad row of the standards list on stderr, keeping stdout one JSON object', async () => {
    const csv = 'code,statement,grade\n3.NF.1,Understand a fraction,3\n3.NF.2,"Fractions on a number line,3\n';
    const r = await cli(['validate', 'fw.json', '--standards', 'std.csv', '--json'], { 'fw.json': frameworkFile(), 'std.csv': csv });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toMatch(/--standards std\.csv: row 3: error: .*quote/i);
  });

  it('says nothing extra for a clean standards list', async () => {
    const csv = 'code,statement,grade\n3.NF.1,Understand a fraction,3\n';
    const r = await cli(['validate', 'fw.json', '--standards', 'std.csv', '--json'], { 'fw.json': frameworkFile(), 'std.csv': csv });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).coverage).toMatchObject({ standards: 1, covered: 0 });
  });
});
