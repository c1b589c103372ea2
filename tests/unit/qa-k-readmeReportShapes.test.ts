import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

// Scripts read `validate --json` and `stats --json` by the keys README shows: every key the CLI prints
// is shown there, and nothing else.

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = join(root, 'resources/examples/grade3-5-fractions.json');

/** The top-level keys of the JSON shape in the first code block of the README section `heading`. */
function documentedKeys(heading: string): string[] {
  const at = readme.indexOf(heading);
  expect(at, `README section ${heading}`).toBeGreaterThan(0);
  const section = readme.slice(at, readme.indexOf('\n### ', at + heading.length));
  const block = /```\n([\s\S]*?)\n```/.exec(section);
  expect(block, `a code block in ${heading}`).not.toBeNull();
  // Keys at the object's top level: strip nested braces and brackets first.
  let text = block![1]!;
  for (let i = 0; i < 5; i++) text = text.replace(/^(\{[\s\S]*?)\{[^{}]*\}/, '$1').replace(/\[[^[\]]*\]/g, '');
  return [...text.matchAll(/"([A-Za-z]+)":/g)].map((m) => m[1]!).sort();
}

async function cliJson(args: string[]): Promise<Record<string, unknown>> {
  const r = await runCliCaptured(args, { disk: true });
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('README report shapes (qa-k)', () => {
  it('`progressions stats --json` prints exactly the keys README shows', async () => {
    const json = await cliJson(['stats', example, '--json']);
    expect(Object.keys(json).sort()).toEqual(documentedKeys('### `progressions stats'));
    for (const [k, v] of Object.entries(json)) if (k !== 'format' && k !== 'title') expect(typeof v, k).toBe('number');
  });

  it('`progressions validate --json` prints exactly the keys README shows', async () => {
    const json = await cliJson(['validate', example, '--json']);
    expect(Object.keys(json).sort()).toEqual(documentedKeys('### `progressions validate'));
  });
});
