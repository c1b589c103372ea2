import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

/**
 * A district imports the state's standards sheet (or its competency sheet) in CI every night and keeps the
 * result in git; its frameworks align to those standards by id. The same sheet must give the same file, and
 * an updated sheet must keep the ids of what did not change.
 */
const importJson = async (name: string, text: string) => {
  const r = await runCliCaptured(['import', name, '--quiet'], { files: { [name]: text } });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { framework: Record<string, unknown> & { id: string; lastChangeDateTime: string } };
};
const withoutClock = (f: { framework: Record<string, unknown> }) => ({ ...f, framework: { ...f.framework, lastChangeDateTime: '' } });

describe('importing the same CSV again', () => {
  for (const [kind, v1, v2] of [
    ['standards list', 'code,statement\r\nS.1,Count\r\nS.2,Add\r\n', 'code,statement\r\nS.1,Count\r\nS.2,Add and subtract\r\nS.3,Multiply\r\n'],
    ['competency sheet', 'Code,Statement,Prerequisites\r\nA.1,Count,\r\nA.2,Add,A.1\r\n', 'Code,Statement,Prerequisites\r\nA.1,Count,\r\nA.2,Add and subtract,A.1\r\nA.3,Multiply,A.2\r\n'],
  ] as const) {
    it(`${kind}: the same sheet gives the same framework (it got new ids every time)`, async () => {
      expect(withoutClock(await importJson('state.csv', v1))).toEqual(withoutClock(await importJson('state.csv', v1)));
    });

    it(`${kind}: an updated sheet keeps the ids of the framework and of the rows it still has`, async () => {
      const a = JSON.stringify((await importJson('state.csv', v1)).framework);
      const b = (await importJson('state.csv', v2)).framework;
      expect(b.id).toBe(JSON.parse(a).id);
      const idsOf = (text: string) => new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
      const before = idsOf(a);
      const after = idsOf(JSON.stringify(b));
      // every id of the first import is still there (the changed statement keeps its row's id)
      expect([...before].filter((id) => !after.has(id))).toEqual([]);
    });
  }
});
