import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

/** A foreign CASE package whose items carry fields the framework has no place for. */
const T = '2024-01-01T00:00:00Z';
const doc = { identifier: 'aaaaaaaa-0000-4000-8000-000000000000', uri: 'https://x.example/doc', creator: 'State', title: 'State standards', lastChangeDateTime: T };
const item = (n: number, extra: Record<string, unknown>) => ({
  identifier: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
  uri: `https://x.example/items/${n}`,
  fullStatement: `Statement ${n}`,
  humanCodingScheme: `S.${n}`,
  lastChangeDateTime: T,
  ...extra,
});
const child = (n: number, parent: { identifier: string; uri: string }) => ({
  identifier: `bbbbbbbb-0000-4000-8000-00000000000${n}`,
  uri: `https://x.example/assoc/${n}`,
  associationType: 'isChildOf',
  originNodeURI: { title: '', identifier: `aaaaaaaa-0000-4000-8000-00000000000${n}`, uri: `https://x.example/items/${n}` },
  destinationNodeURI: { title: '', identifier: parent.identifier, uri: parent.uri },
  lastChangeDateTime: T,
});
const pkg = {
  CFDocument: doc,
  CFItems: [
    item(1, { CFItemType: 'Strand', abbreviatedStatement: 'Numbers', educationLevel: ['03'] }),
    item(2, { CFItemType: 'Standard', abbreviatedStatement: 'Count', listEnumeration: '1', language: 'en' }),
    item(3, { CFItemType: 'Standard', listEnumeration: '2', language: 'en' }),
  ],
  CFAssociations: [child(1, doc), child(2, { identifier: item(1, {}).identifier, uri: item(1, {}).uri }), child(3, { identifier: item(1, {}).identifier, uri: item(1, {}).uri })],
};

describe('import report: what a foreign CASE package holds that the framework does not keep', () => {
  it('names each item field left out, with counts, and the item types that were mapped', async () => {
    const r = await runCliCaptured(['import', 'state.json'], { files: { 'state.json': JSON.stringify(pkg) } });
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.includes('not kept'));
    expect(line).toBeDefined();
    expect(line).toMatch(/abbreviatedStatement \(2 items\)/);
    expect(line).toMatch(/listEnumeration \(2 items\)/);
    expect(line).toMatch(/language \(2 items\)/);
    expect(line).toMatch(/educationLevel of items read as domains \(1 item\)/);
    expect(line).toMatch(/the item types "Strand", "Standard" \(read as domains or competencies\)/);
  });

  it('our own CASE export re-imported has nothing to report', async () => {
    const fw = join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json');
    for (const format of ['case-1.1', 'case-1.0']) {
      const exported = await runCliCaptured(['export', fw, '--format', format], { disk: true });
      const r = await runCliCaptured(['import', 'p.json'], { files: { 'p.json': exported.stdout } });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/not kept/);
    }
  });

  const sbac = join(import.meta.dirname, '../../../shared/reference/case/packages/sbac_math-content-specification_v1p0.json');
  it.skipIf(!existsSync(sbac))('the Smarter Balanced math specification: its abbreviated statements and list numbers are named (../shared absent: skipped)', async () => {
    const r = await runCliCaptured(['import', sbac], { disk: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not kept, so left out of a re-export: abbreviatedStatement \(287 items\), listEnumeration \(273 items\)/);
  });
});
