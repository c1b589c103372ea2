import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseImportReport } from '../../src-core/case';
import { CaseReportSummary } from '../../src-renderer/src/dialogs/import/ImportDialog';

/** The summary line as a reader sees it (tags and React's text separators dropped). */
const line = (report: CaseImportReport) =>
  renderToString(createElement(CaseReportSummary, { report }))
    .replace(/<!-- -->/g, '')
    .replace(/<\/span><span>/g, ' · ')
    .replace(/<[^>]+>/g, '');

const entry = { message: 'm', path: '/CFItems/0', count: 1 };

describe('CASE import report summary', () => {
  it('says "1 rubric", "1 deviation accepted", "1 kind of data ignored" for one, plurals otherwise', () => {
    expect(line({ read: { items: 1, associations: 1, rubrics: 1, definitions: 0 }, accepted: [entry], ignored: [entry] })).toBe(
      '1 item · 1 association · 1 rubric · 1 deviation accepted · 1 kind of data ignored',
    );
    expect(line({ read: { items: 585, associations: 3367, rubrics: 0, definitions: 0 }, accepted: [entry, entry], ignored: [] })).toBe(
      '585 items · 3367 associations · 0 rubrics · 2 deviations accepted · 0 kinds of data ignored',
    );
  });
});
