import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

describe('validate, readable report', () => {
  it('a standards list with no competencies yet does not claim "every competency is aligned"', async () => {
    const imported = await runCliCaptured(['import', 'list.csv', '--quiet'], { files: { 'list.csv': 'code,statement\r\nS.1,First\r\nS.2,Second\r\n' } });
    expect(imported.code).toBe(0);
    const r = await runCliCaptured(['validate', 'list.json'], { files: { 'list.json': imported.stdout } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 of 2 leaf standards covered/);
    expect(r.stdout).toMatch(/no competencies yet, so nothing is aligned/);
    expect(r.stdout).not.toMatch(/every competency is aligned/);
  });
});
