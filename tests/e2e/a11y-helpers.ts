import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './canvas-helpers';

/**
 * WCAG 2.1 AA, as a school district's accessibility review checks it, and axe's best practices (one banner
 * and one main landmark, all content in landmarks, an h1, headings in order, unique landmark names…).
 */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * The impacts that fail the audit: all of them (the app was clean down to "minor" when this was set).
 * `AXE_IMPACTS=serious,critical` narrows it by hand, e.g. to see the worst first.
 */
const FAILING: readonly string[] = process.env.AXE_IMPACTS?.split(',') ?? ['minor', 'moderate', 'serious', 'critical'];

/** Runs axe on the page as it is now; returns one line per failing node (at most five per rule and view). */
export async function audit(page: Page, view: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const out: string[] = [];
  for (const v of r.violations) {
    if (!FAILING.includes(v.impact ?? 'minor')) continue;
    for (const n of v.nodes.slice(0, 5)) out.push(`${view}: ${v.id} (${v.impact}) at ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s*\n\s*/g, ' ')}`);
    if (v.nodes.length > 5) out.push(`${view}: ${v.id} … and ${v.nodes.length - 5} more`);
  }
  return out;
}

/** A group of views: drives the page to each and calls `check` with the view's name. */
export type AuditGroup = (page: Page, check: (view: string) => Promise<void>) => Promise<void>;

/**
 * One test per group and theme (light, dark): every view the group reaches is audited, and the test lists
 * every finding, view by view. the time limit leaves room for a loaded CI box.
 */
export function auditTests(groups: Record<string, AuditGroup>): void {
  test.describe.configure({ mode: 'parallel' });
  for (const scheme of ['light', 'dark'] as const) {
    for (const [group, run] of Object.entries(groups)) {
      test(`axe finds no WCAG 2.1 AA violation and no best-practice finding: ${group} (${scheme} theme)`, async ({ page }) => {
        test.setTimeout(180_000); // 10–45 s a group on an idle box; CI boxes are loaded
        const errors = collectErrors(page);
        await page.emulateMedia({ colorScheme: scheme });
        const found: string[] = [];
        await run(page, async (view) => {
          found.push(...(await audit(page, view)));
        });
        expect(found, found.join('\n')).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
}
