import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src-core/checks';
import { applyCommand, linkPrerequisite, updateCompetency } from '../../src-core/commands';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import { diagnosticsOf } from '../../src-renderer/src/diagnostics/useDiagnostics';
import { messyFramework } from '../unit/helpers/messyFramework';

describe('editor diagnostics (incremental) show what a full validation finds', () => {
  it('after each edit the badges and problems list match validateFramework on a fresh copy', () => {
    let fw = freeze(messyFramework(80, 4, false), true);
    expect(diagnosticsOf(fw)).toEqual(validateFramework(structuredClone(fw)).diagnostics);
    const [a, b] = Object.keys(fw.competencies) as CompetencyId[];
    for (const cmd of [updateCompetency(a!, { statement: '' }), updateCompetency(b!, { code: 'X.9' }), linkPrerequisite({ id: 'l-new' as LinkId, from: a!, to: b! })]) {
      const out = applyCommand(fw, cmd);
      if (!out.ok) continue;
      fw = out.framework;
      expect(diagnosticsOf(fw)).toEqual(validateFramework(structuredClone(fw)).diagnostics);
    }
    expect(diagnosticsOf(fw).some((d) => d.code === 'empty-statement' && d.ids.includes(a!))).toBe(true);
  });
});
