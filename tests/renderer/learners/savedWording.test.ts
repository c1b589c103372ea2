import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import type { HostApi } from '../../../src-core/host/contract';
import { loadProgressFromText, saveClassSummary, savedAs, saveProgress, saveProgressTemplate } from '../../../src-renderer/src/features/learners/actions';
import { createLearnersStore, initialLearnersState } from '../../../src-renderer/src/features/learners/learnersStore';
import { createMemoryHost } from '../../../src-renderer/src/host/memoryHost';

// A browser without a save picker hands exports over as downloads, which may be cancelled, blocked or put
// elsewhere: the learners panel does not call them saved.

const root = join(import.meta.dirname, '../../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const csv = readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.csv'), 'utf8');

const g = globalThis as { window?: unknown };
afterEach(() => delete g.window);

/** The page's host: saveExport answers as a save picker (`downloaded` absent) or a download would. */
function withHost(downloaded: boolean) {
  const mem = createMemoryHost();
  const host: HostApi = { ...mem, saveExport: async (req) => ({ ok: true, value: downloaded ? { name: req.suggestedName, downloaded: true } : { name: req.suggestedName } }) };
  g.window = { host };
}

function storeWithProgress() {
  const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
  expect(loadProgressFromText(fw, csv, 'class.csv', store)).toBe(true);
  return store;
}

describe('the learners panel after saving an export', () => {
  it('savedAs: "Saved … as" for a file written; for a download, that the browser was given it and to check', () => {
    expect(savedAs('the change log', { name: 'x.md' })).toBe('Saved the change log as x.md');
    expect(savedAs('the change log', { name: 'x.md', downloaded: true })).toBe('Your browser was given the change log to download as x.md (check that it was kept)');
  });

  it.each([
    ['class summary', (s: ReturnType<typeof storeWithProgress>) => saveClassSummary(fw, s)],
    ['progress file', (s: ReturnType<typeof storeWithProgress>) => saveProgress(fw, 'json', s)],
    ['progress template', (s: ReturnType<typeof storeWithProgress>) => saveProgressTemplate(fw, s)],
  ])('the %s: a download is not called saved; a file written is', async (_what, save) => {
    withHost(true);
    const store = storeWithProgress();
    await save(store);
    const downloaded = store.getSnapshot().message!.text;
    expect(downloaded).toMatch(/^Your browser was given .* to download as .*\(check that it was kept\)/);
    expect(downloaded).not.toMatch(/\bsaved\b/i);
    withHost(false);
    await save(store);
    expect(store.getSnapshot().message!.text).toMatch(/^Saved the /);
  });
});
