import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src-core/commands/command';
import { nextVersion, startNewDraft, updateFrameworkMeta } from '../../src-core/commands/framework';
import { createFramework } from '../../src-core/model/defaults';
import type { Framework, FrameworkStatus } from '../../src-core/model/types';

const withStatus = (status: FrameworkStatus, version = '1.0'): Framework => ({ ...createFramework({ title: 'Fractions' }), status, version });

describe('nextVersion: the last number of a dotted version one higher, or no guess', () => {
  it.each([
    ['1', '2'],
    ['1.0', '1.1'],
    ['2.3.9', '2.3.10'],
    ['v2.3', 'v2.4'],
    ['V1', 'V2'],
    [' 1.4 ', '1.5'],
    ['1.09', '1.10'],
    ['99999999999999999999', '100000000000000000000'],
  ])('%s → %s', (v, next) => expect(nextVersion(v)).toBe(next));
  it.each(['', ' ', '2026-27', 'Fall 2026', '1.0-final', '1..2', '.1', 'draft', 'v'])('%j → no guess', (v) => expect(nextVersion(v)).toBeUndefined());
});

describe('startNewDraft', () => {
  it('makes an adopted framework a draft of the next version, in one step that undo reverses', () => {
    const fw = withStatus('adopted', '1.0');
    const out = applyCommand(fw, startNewDraft(), new Date('2026-11-26T20:00:00Z'));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.framework.status).toBe('draft');
    expect(out.framework.version).toBe('1.1');
    expect(out.framework.id).toBe(fw.id);
    expect(out.label).toBe('start a new draft (version 1.1)');
    expect(new Set(out.inversePatches.map((p) => p.path.join('/')))).toEqual(new Set(['status', 'version', 'lastChangeDateTime']));
  });

  it('a deprecated framework too; a version with no safe guess is kept', () => {
    const out = applyCommand(withStatus('deprecated', '2026-27'), startNewDraft());
    expect(out.ok && out.framework.status).toBe('draft');
    expect(out.ok && out.framework.version).toBe('2026-27');
    expect(out.ok && out.label).toBe('start a new draft');
  });

  it('is refused for a draft or a framework in review, in words', () => {
    for (const s of ['draft', 'in-review'] as const) {
      const out = applyCommand(withStatus(s), startNewDraft());
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.message).toMatch(/new draft starts from an adopted or deprecated one/);
    }
  });

  it('updateFrameworkMeta({ status }) alone still changes only the status', () => {
    const out = applyCommand(withStatus('adopted'), updateFrameworkMeta({ status: 'draft' }));
    expect(out.ok && out.framework.version).toBe('1.0');
  });
});
