import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.1 AA, as a school district's accessibility review checks it. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The impacts that fail the audit. `AXE_IMPACTS=all` (or a comma list) widens it when hunting for the
 * minor findings by hand.
 */
const FAILING: readonly string[] =
  process.env.AXE_IMPACTS === 'all' ? ['minor', 'moderate', 'serious', 'critical'] : (process.env.AXE_IMPACTS?.split(',') ?? ['serious', 'critical']);

/** Runs axe on the page as it is now; returns one line per failing node (at most five per rule and view). */
export async function audit(page: Page, view: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(process.env.AXE_BEST_PRACTICE ? [...TAGS, 'best-practice'] : TAGS).analyze();
  const out: string[] = [];
  for (const v of r.violations) {
    if (!FAILING.includes(v.impact ?? '')) continue;
    for (const n of v.nodes.slice(0, 5)) out.push(`${view}: ${v.id} (${v.impact}) at ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s*\n\s*/g, ' ')}`);
    if (v.nodes.length > 5) out.push(`${view}: ${v.id} … and ${v.nodes.length - 5} more`);
  }
  return out;
}
