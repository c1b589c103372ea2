import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A framework's links and alignments are Maps in memory (src-core/model/types.ts). TypeScript does not
 * flag object-only operations on a Map — `Object.values(map)` is `[]`, `key in map` is false, `{ ...map }`
 * is `{}`, `JSON.stringify(map)` is `"{}"` — so this test looks for them in the sources.
 */
const root = join(__dirname, '..', '..');
const dirs = ['src-core', 'src-main', 'src-renderer/src'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'generated' || name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const RECORD = String.raw`[\w$.?!\])(]*\b(?:prerequisites|alignments)\b`;
const PATTERNS: [RegExp, string][] = [
  [new RegExp(String.raw`Object\.(?:keys|values|entries|assign|freeze|getOwnPropertyNames)\(\s*${RECORD}\s*[),]`), 'Object.* of a Map'],
  [new RegExp(String.raw`\bin\s+${RECORD}\s*\)`), '`in` / for-in on a Map'],
  [new RegExp(String.raw`\.\.\.${RECORD}\s*[,}]`), 'object spread of a Map'],
  [new RegExp(String.raw`\b(?:prerequisites|alignments)\s*\[`), 'indexing a Map like an object'],
  [new RegExp(String.raw`JSON\.stringify\(\s*(?:fw|framework|doc|document|state\.framework)\s*[,)]`), 'JSON.stringify of a framework (use serializeFramework)'],
];

describe('links and alignments are Maps: no object-only operation on them', () => {
  it('finds none in src-core, src-main and src-renderer', () => {
    const found: string[] = [];
    for (const d of dirs) {
      for (const file of sources(join(root, d))) {
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\*|\/\*)/.test(code)) return;
          for (const [re, what] of PATTERNS) if (re.test(code)) found.push(`${relative(root, file)}:${i + 1}: ${what}: ${line.trim()}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('the patterns catch what they are meant to catch', () => {
    const hits = (s: string) => PATTERNS.some(([re]) => re.test(s));
    expect(hits('for (const l of Object.values(fw.prerequisites)) {')).toBe(true);
    expect(hits('const n = Object.keys(base(fw).alignments).length;')).toBe(true);
    expect(hits('if (id in doc.prerequisites) return;')).toBe(true);
    expect(hits('for (const k in fw.alignments) {')).toBe(true);
    expect(hits("if ('x' in (fw.prerequisites)) {")).toBe(true);
    expect(hits('const next = { ...fw.prerequisites, [id]: l };')).toBe(true);
    expect(hits('const l = fw.prerequisites[id];')).toBe(true);
    expect(hits('localStorage.setItem(k, JSON.stringify(fw));')).toBe(true);
    expect(hits('for (const l of fw.prerequisites.values()) {')).toBe(false);
    expect(hits('const a = fw.alignments.get(id);')).toBe(false);
    expect(hits('prerequisites: new Map(),')).toBe(false);
  });
});
