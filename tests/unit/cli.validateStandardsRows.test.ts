import { describe, expect, it } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { runCliCaptured } from './helpers/cli';

const cli = (args: string[], files: Record<string, string>) => runCliCaptured(args, { files });

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
