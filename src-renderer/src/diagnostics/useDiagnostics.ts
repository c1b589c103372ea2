import { useMemo } from 'react';
import type { Coverage, ValidationSummary } from '../../../src-core/checks';
import type { Framework } from '../../../src-core/model/types';
import { useEditor } from '../store/useEditor';

/** A validation finding as the checks report it (see src-core/checks). */
export interface DiagnosticLike {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  ids: string[];
}

/** What the live validation found besides the diagnostics (see ValidationResult in src-core/checks). */
export interface ValidationLike {
  diagnostics: DiagnosticLike[];
  /** Standards coverage over the framework's own sets (as `computeCoverage(fw)`); null without sets. */
  coverage?: Coverage | null;
  /** Headline numbers of the progression (roots, leaves, longest chain …). */
  summary?: Pick<ValidationSummary, 'roots' | 'leaves' | 'isolated' | 'longestChain' | 'longestChainIds'>;
}

type Validate = (fw: Framework) => ValidationLike | DiagnosticLike[];

// The checks module is optional at build time: until src-core/checks/index.ts exports
// `validateFramework`, the glob is empty and there are no badges.
const modules = import.meta.glob<{ validateFramework?: Validate; createValidator?: () => { validate: Validate } }>('../../../src-core/checks/index.ts', {
  eager: true,
});
const checks = Object.values(modules)[0];
// One incremental validator for the editor: after an edit of an immutable document it looks again only
// at what the edit replaced (see createValidator), so validating on every edit stays cheap at map size.
const live = checks?.createValidator?.();
const validate: Validate | undefined = live ? (fw) => live.validate(fw) : checks?.validateFramework;

const EMPTY: DiagnosticLike[] = [];
const NOTHING: ValidationLike = { diagnostics: EMPTY };
let cache: { fw: Framework; result: ValidationLike } | null = null;

/**
 * The live validation of a framework (memoised per document version; validated incrementally from the
 * last one): its diagnostics and, when the checks report them, coverage and summary. Panels take
 * figures from here rather than computing them over the whole document again on every edit.
 */
export function validationOf(fw: Framework): ValidationLike {
  if (!validate) return NOTHING;
  if (cache?.fw === fw) return cache.result;
  let result: ValidationLike;
  try {
    const out = validate(fw);
    result = Array.isArray(out) ? { diagnostics: out } : { ...out, diagnostics: out.diagnostics ?? EMPTY };
  } catch (e) {
    console.warn('validation failed', e);
    result = NOTHING;
  }
  cache = { fw, result };
  return result;
}

/** Diagnostics of a framework (memoised per document version; validated incrementally from the last one). */
export function diagnosticsOf(fw: Framework): DiagnosticLike[] {
  return validationOf(fw).diagnostics;
}

/** The live validation of the open document (see {@link validationOf}). */
export function useValidation(): ValidationLike {
  const fw = useEditor((s) => s.doc.framework);
  return useMemo(() => validationOf(fw), [fw]);
}

/** The diagnostics of the open document. */
export function useDiagnostics(): DiagnosticLike[] {
  const fw = useEditor((s) => s.doc.framework);
  return useMemo(() => diagnosticsOf(fw), [fw]);
}

/** Problems (errors and warnings) per competency id, for node badges. */
export function useProblemCounts(): ReadonlyMap<string, { count: number; severity: 'error' | 'warning' }> {
  const diags = useDiagnostics();
  return useMemo(() => {
    const m = new Map<string, { count: number; severity: 'error' | 'warning' }>();
    for (const d of diags) {
      if (d.severity === 'info') continue;
      for (const id of d.ids ?? []) {
        const cur = m.get(id);
        if (cur) {
          cur.count++;
          if (d.severity === 'error') cur.severity = 'error';
        } else m.set(id, { count: 1, severity: d.severity });
      }
    }
    return m;
  }, [diags]);
}
