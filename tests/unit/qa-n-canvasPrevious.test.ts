import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { canvasPreviousProblem, canvasRemovals, canvasRemovalsSummary, writeCanvasCsv } from '../../src-core/export/canvas';
import type { DomainId, FrameworkId, PhaseId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { smallFramework } from './csv/fixtures';

// A district republishing a framework to Canvas expected the competencies (and domains) it had removed to go
// away there; the outcomes CSV had no row with workflow_state "deleted", so they stayed in Canvas for ever.

const id = (n: string) => `00000000-0000-4000-8000-0003000000${n}`;
const domainId = (n: string) => `00000000-0000-4000-8000-0002000000${n}` as DomainId;

/** The next version: 3.NF.3d removed, domain NF.EQ removed (3.NF.3a moved up into NF), 3.MD.1 reworded. */
function nextVersion(v1: Framework): Framework {
  const v2 = structuredClone(v1);
  delete v2.competencies[id('04')];
  for (const [k, l] of [...v2.prerequisites]) if (l.from === id('04') || l.to === id('04')) v2.prerequisites.delete(k);
  for (const [k, a] of [...v2.alignments]) if (a.competencyId === id('04')) v2.alignments.delete(k);
  v2.domains = v2.domains.filter((d) => d.id !== domainId('02'));
  v2.competencies[id('03')]!.domainId = domainId('01');
  v2.competencies[id('05')]!.statement = 'Tell and write time to the nearest minute (reworded).';
  v2.version = '1.1.0';
  return v2;
}

type Table = { header: string[]; rows: Record<string, string>[]; raw: string[][] };
function table(csv: string): Table {
  const [header, ...raw] = parseCsv(csv).rows;
  return { header: header!, raw, rows: raw.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

/**
 * What Canvas does with an outcomes CSV, after lib/outcomes/import.rb (instructure/canvas-lms): a parent
 * must be a group of an earlier row of the same file; a group row sets its parent (root when none) and, when
 * "deleted", destroys it with the links and groups it still holds; an outcome row links the outcome to
 * exactly its parents — to none when "deleted", which deletes it.
 */
class FakeCanvas {
  groups = new Map<string, { parent: string | null; active: boolean; title: string }>();
  outcomes = new Map<string, { links: Set<string>; title: string }>();

  import(csv: string): void {
    const { rows } = table(csv);
    const seen = new Set<string>();
    for (const r of rows) {
      const parents = r.parent_guids!.split(' ').filter(Boolean);
      for (const p of parents) if (!seen.has(p) || !this.groups.has(p)) throw new Error(`Parent references not found prior to this row: ${p}`);
      if (!r.title) throw new Error('The "title" field is required');
      if (!['', 'active', 'deleted'].includes(r.workflow_state!)) throw new Error('bad workflow_state');
      if (seen.has(r.vendor_guid!)) throw new Error(`"${r.vendor_guid}" has already appeared in this import`);
      seen.add(r.vendor_guid!);
      if (r.object_type === 'group') {
        this.groups.set(r.vendor_guid!, { parent: parents[0] ?? null, active: true, title: r.title! });
        if (r.workflow_state === 'deleted') this.destroyGroup(r.vendor_guid!);
      } else {
        const o = this.outcomes.get(r.vendor_guid!) ?? { links: new Set<string>(), title: '' };
        o.title = r.title!;
        o.links = new Set(r.workflow_state === 'deleted' ? [] : parents.length ? parents : ['(root)']);
        this.outcomes.set(r.vendor_guid!, o);
      }
    }
  }

  private destroyGroup(g: string): void {
    this.groups.get(g)!.active = false;
    for (const o of this.outcomes.values()) o.links.delete(g);
    for (const [k, c] of this.groups) if (c.parent === g && c.active) this.destroyGroup(k);
  }

  /** What a teacher sees: active groups with their parent, outcomes with their groups (an unlinked outcome is deleted). */
  tree(): { groups: Record<string, string | null>; outcomes: Record<string, string[]> } {
    const groups = Object.fromEntries([...this.groups].filter(([, g]) => g.active).map(([k, g]) => [k, g.parent]));
    const outcomes = Object.fromEntries([...this.outcomes].filter(([, o]) => o.links.size > 0).map(([k, o]) => [k, [...o.links].sort()]));
    return { groups, outcomes };
  }
}

describe('Canvas outcomes CSV with the previous version (qa-n)', () => {
  const v1 = smallFramework();
  const v2 = nextVersion(v1);

  it('adds a deleted row for each competency and domain the previous version had, after every active row', () => {
    const plain = writeCanvasCsv(v2);
    const csv = writeCanvasCsv(v2, { previous: v1 });
    // the active rows are exactly the plain export's
    expect(csv.startsWith(plain)).toBe(true);
    const { rows } = table(csv);
    const deleted = rows.filter((r) => r.workflow_state === 'deleted');
    expect(deleted.map((r) => [r.object_type, r.vendor_guid])).toEqual([
      ['outcome', id('04')],
      ['group', domainId('02')],
    ]);
    expect(rows.slice(-2)).toEqual(deleted);
    // keyed by the vendor_guid the previous export gave them, with what Canvas requires of any row
    const before = table(writeCanvasCsv(v1)).rows;
    const was = (g: string) => before.find((r) => r.vendor_guid === g)!;
    for (const r of deleted) {
      expect(r.title).toBe(was(r.vendor_guid!).title);
      expect(r.parent_guids).toBe('');
    }
    expect(deleted[0]!.display_name).toBe('3.NF.3d');
    expect(deleted[0]!.calculation_method).toBe('decaying_average');
    expect(deleted[0]!.mastery_points).toBe('3');
    // a group keeps no rating cells
    const groupRaw = table(csv).raw.at(-1)!;
    expect(groupRaw.slice(table(csv).header.indexOf('ratings')).every((c) => c === '')).toBe(true);
    expect(new Set(rows.map((r) => r.vendor_guid)).size).toBe(rows.length);
  });

  it('re-importing into Canvas leaves exactly what a first import of the new version gives', () => {
    const canvas = new FakeCanvas();
    canvas.import(writeCanvasCsv(v1));
    expect(Object.keys(canvas.tree().outcomes)).toContain(id('04'));
    canvas.import(writeCanvasCsv(v2, { previous: v1 }));
    const fresh = new FakeCanvas();
    fresh.import(writeCanvasCsv(v2));
    expect(canvas.tree()).toEqual(fresh.tree());
    // without the previous version, the removed ones stay (the gap this closes)
    const stale = new FakeCanvas();
    stale.import(writeCanvasCsv(v1));
    stale.import(writeCanvasCsv(v2));
    expect(Object.keys(stale.tree().outcomes)).toContain(id('04'));
    expect(Object.keys(stale.tree().groups)).toContain(domainId('02'));
  });

  it('deletes a whole removed domain tree deepest first, and keeps a sub-domain moved out of it', () => {
    // v3: domain NF removed; its sub-domain NF.EQ moves to the top level, NF's competencies go with NF
    const v3 = structuredClone(v1);
    v3.domains = v3.domains.filter((d) => d.id !== domainId('01')).map((d) => (d.parentId === domainId('01') ? { ...d, parentId: null } : d));
    for (const c of Object.values(v3.competencies)) if (c.domainId === domainId('01')) delete v3.competencies[c.id];
    for (const [k, l] of [...v3.prerequisites]) if (!v3.competencies[l.from] || !v3.competencies[l.to]) v3.prerequisites.delete(k);
    for (const [k, a] of [...v3.alignments]) if (!v3.competencies[a.competencyId]) v3.alignments.delete(k);
    const canvas = new FakeCanvas();
    canvas.import(writeCanvasCsv(v1));
    canvas.import(writeCanvasCsv(v3, { previous: v1 }));
    const fresh = new FakeCanvas();
    fresh.import(writeCanvasCsv(v3));
    expect(canvas.tree()).toEqual(fresh.tree());
    expect(canvas.tree().groups).toHaveProperty(domainId('02'));
  });

  it('sends nothing to delete when the previous version is the same, and says so', () => {
    expect(writeCanvasCsv(v1, { previous: structuredClone(v1) })).toBe(writeCanvasCsv(v1));
    expect(canvasRemovalsSummary(canvasRemovals(v1, v1))).toBeNull();
    expect(canvasRemovalsSummary(canvasRemovals(v2, v1))).toMatch(/^1 outcome \(3\.NF\.3d\) and 1 group \(NF\.EQ /);
  });

  it('refuses another framework as the previous version: every outcome of it would be deleted', () => {
    const other = structuredClone(v1);
    other.id = '00000000-0000-4000-8000-0000000000ff' as FrameworkId;
    other.title = 'Another map';
    expect(canvasPreviousProblem(v2, v1)).toBeNull();
    expect(canvasPreviousProblem(v2, other)).toContain('another framework (“Another map”');
    expect(() => writeCanvasCsv(v2, { previous: other })).toThrow(/another framework/);
  });

  it('keeps the rows aligned when the previous version had more mastery phases', () => {
    const v0 = structuredClone(v1);
    v0.phases = [...v0.phases, { id: '00000000-0000-4000-8000-0000000009ff' as PhaseId, label: 'Expert', description: '', threshold: false }];
    const { header, raw } = table(writeCanvasCsv(v2, { previous: v0 }));
    expect(new Set(raw.map((r) => r.length))).toEqual(new Set([header.length]));
    const del = raw.find((r) => r[0] === id('04'))!;
    expect(del.slice(header.indexOf('ratings'), header.indexOf('ratings') + 2)).toEqual(['5', 'Expert']);
  });
});
