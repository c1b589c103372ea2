/** Open (parse + schema + graph + coverage) vs plain JSON.parse, and save (serialize + write). */
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { buildPrerequisiteGraph } from '../../src-core/graph';
import type { Framework } from '../../src-core/model/types';
import { RESULTS_DIR, writeFixture } from '../generate';
import { optionalCore, pick } from '../optional';
import { count, fmt, mb, measure, ratio, type BenchContext, type Section } from '../stats';

type Coverage = (fw: Framework) => unknown;

export async function fileBenches(ctx: BenchContext): Promise<Section[]> {
  const coverage = pick<Coverage>(await optionalCore('checks/index.ts'), 'computeCoverage');
  const sizes = ctx.quick ? [200] : [1000, 5000, 20000, 100000];
  const open: string[][] = [];
  const save: string[][] = [];
  for (const n of sizes) {
    ctx.log(`files: ${n}`);
    const file = writeFixture(n);
    const text = readFileSync(file, 'utf8');
    const runs = ctx.quick ? 1 : n >= 100000 ? 3 : 5;
    const parse = await measure(() => JSON.parse(text), runs);
    let loaded: Framework | undefined;
    const openS = await measure(() => {
      const r = loadFrameworkText(text);
      if (!r.ok) throw new Error(`generated file does not load: ${r.error.message}`);
      loaded = r.value.framework;
      buildPrerequisiteGraph(loaded);
      coverage?.(loaded);
    }, runs);
    const schemaOnly = await measure(() => loadFrameworkText(text), runs);
    open.push([
      `${count(n)} (${mb(Buffer.byteLength(text))})`,
      fmt(parse),
      fmt(schemaOnly),
      fmt(openS),
      ratio(openS.median, parse.median),
      coverage ? 'yes' : 'not landed yet',
    ]);
    const fw = loaded!;
    const out = join(RESULTS_DIR, `save-${n}.json`);
    let s = '';
    const ser = await measure(() => {
      s = serializeFramework(fw);
    }, runs);
    const write = await measure(() => writeFileSync(out, serializeFramework(fw)), runs);
    rmSync(out, { force: true });
    const compact = await measure(() => JSON.stringify(fw), runs);
    save.push([count(n), fmt(ser), fmt(compact), fmt(write), mb(Buffer.byteLength(s))]);
  }
  return [
    {
      title: 'Open a framework file (Node)',
      header: ['competencies (file size)', 'JSON.parse', 'parse + migrate + schema', 'open: + graph + coverage', 'open ÷ JSON.parse', 'coverage included'],
      rows: open,
      note:
        'Text is read from disk before timing. "open" = `loadFrameworkText` (our parser with line/column errors, ' +
        'migrations, the precompiled ajv schema validator) + prerequisite graph + standards coverage. The schema ' +
        'validator walks every property of every record, so it and JSON.parse itself bound this figure.',
    },
    {
      title: 'Save a framework file (Node)',
      header: ['competencies', 'serializeFramework (pretty)', 'JSON.stringify (compact, reference)', 'serialize + write to disk', 'file size'],
      rows: save,
      note: 'Saving is JSON.stringify with indentation; the disk write (page cache, no fsync here) adds little. The atomic save of the app adds one fsync and a rename.',
    },
  ];
}
