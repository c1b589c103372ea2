import { describe, expect, it } from 'vitest';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, DomainId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { laneDomainAt, laneDrop } from '../../src-renderer/src/canvas/lanes/laneDrop';
import { laneDrag, laneGeometry } from '../../src-renderer/src/canvas/lanes/laneGeometry';
import { moveToDomainCommand } from '../../src-renderer/src/canvas/lanes/moveToDomain';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

/** Ask & Plan in a band at y 0, Explain & Convince at y 400 (rows); Collect & Show columns-wise beside. */
function map(): { fw: Framework; ap: DomainId; ec: DomainId; sub: DomainId; ids: Record<string, CompetencyId> } {
  const fw = createFramework({ title: 'T' });
  const ap = createDomain({ title: 'Ask & Plan' }, 0);
  const ec = createDomain({ title: 'Explain & Convince' }, 1);
  const sub = createDomain({ title: 'Arguments', parentId: ec.id }, 2);
  fw.domains = [ap, ec, sub];
  const ids: Record<string, CompetencyId> = {};
  const put = (code: string, domainId: DomainId | null, x: number, y: number) => {
    const c = createCompetency({ code, domainId, position: { x, y } });
    fw.competencies[c.id] = c;
    ids[code] = c.id;
  };
  put('A1', ap.id, 0, 0);
  put('A2', ap.id, 330, 0);
  put('E1', ec.id, 0, 400);
  put('E2', ec.id, 330, 400);
  put('S1', sub.id, 660, 540);
  put('N1', null, 0, 1000);
  return { fw, ap: ap.id, ec: ec.id, sub: sub.id, ids };
}

describe('laneDrop: what a drop of dragged cards commits', () => {
  it('a card dropped in another band joins it, placed clear of the cards there, in one undo step', () => {
    const { fw, ec, ids } = map();
    const store = createEditorStore({ framework: fw });
    const drop = laneDrop(fw, 'horizontal', [], { [ids.A1!]: { x: 20, y: 410 } });
    expect(drop).toMatchObject({ kind: 'commit', joined: true });
    if (drop.kind !== 'commit') return;
    const r = store.run(drop.command);
    expect(r).toMatchObject({ ok: true, changed: true, label: 'move A1 to Explain & Convince' });
    const c = store.getSnapshot().doc.framework.competencies[ids.A1!]!;
    expect(c.domainId).toBe(ec);
    // E1 sits at (0, 400): the dropped card does not cover it
    expect(Math.abs(c.position.x - 0) >= 240 || Math.abs(c.position.y - 400) >= 112).toBe(true);
    expect(store.undo()).toBe('move A1 to Explain & Convince');
    expect(store.getSnapshot().doc.framework.competencies[ids.A1!]).toMatchObject({ domainId: fw.competencies[ids.A1!]!.domainId, position: { x: 0, y: 0 } });
  });

  it('a drop in its own band or in empty space is a plain move', () => {
    const { fw, ids } = map();
    expect(laneDrop(fw, 'horizontal', [], { [ids.A1!]: { x: 900, y: 10 } })).toMatchObject({ kind: 'commit', joined: false });
    expect(laneDrop(fw, 'horizontal', [], { [ids.A1!]: { x: 0, y: 1400 } })).toMatchObject({ kind: 'commit', joined: false });
    expect(laneDrop(fw, 'none', [], { [ids.A1!]: { x: 0, y: 400 } })).toMatchObject({ kind: 'commit', joined: false });
  });

  it('a domainless card dropped in a lane joins it; the innermost of nested lanes wins', () => {
    const { fw, ap, sub, ids } = map();
    const store = createEditorStore({ framework: fw });
    const drop = laneDrop(fw, 'horizontal', [], { [ids.N1!]: { x: 900, y: 0 } });
    if (drop.kind === 'commit') store.run(drop.command);
    expect(store.getSnapshot().doc.framework.competencies[ids.N1!]!.domainId).toBe(ap);
    // a centre at y 530 is under both Explain & Convince's lane (370–536) and its sub-domain's (510–676): the sub-domain wins
    const d2 = laneDrop(fw, 'horizontal', [], { [ids.A2!]: { x: 900, y: 530 - 56 } });
    if (d2.kind === 'commit') store.run(d2.command);
    expect(store.getSnapshot().doc.framework.competencies[ids.A2!]!.domainId).toBe(sub);
  });

  it('a collapsed domain’s lane takes nothing: the drop is refused and says why', () => {
    const { fw, ec, ids } = map();
    expect(laneDrop(fw, 'horizontal', [ec], { [ids.A1!]: { x: 0, y: 410 } })).toEqual({ kind: 'refuse', message: 'Explain & Convince is collapsed: expand it to move competencies into it.' });
  });

  it('a locked (adopted) framework refuses the drop as any edit', () => {
    const { fw, ids } = map();
    fw.status = 'adopted';
    const store = createEditorStore({ framework: fw });
    const drop = laneDrop(fw, 'horizontal', [], { [ids.A1!]: { x: 0, y: 410 } });
    const r = drop.kind === 'commit' ? store.run(drop.command) : null;
    expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(store.getSnapshot().doc.framework).toBe(fw);
  });

  it('the inspector’s domain change moves the card into the lane (rows) or stays put (lanes off)', () => {
    const { fw, ec, ids } = map();
    const store = createEditorStore({ framework: fw });
    store.run(moveToDomainCommand(store, [ids.A2!], ec));
    const c = store.getSnapshot().doc.framework.competencies[ids.A2!]!;
    expect(c.domainId).toBe(ec);
    expect(c.position.y).toBeGreaterThanOrEqual(400);
    store.setSession({ laneOrientation: 'none' });
    store.run(moveToDomainCommand(store, [ids.A1!], ec));
    expect(store.getSnapshot().doc.framework.competencies[ids.A1!]!.position).toEqual({ x: 0, y: 0 });
  });

  it('while a card is dragged into another lane, that lane takes it in and its own does not stretch over the others', () => {
    const { fw, ap, ec, ids } = map();
    const before = new Map(laneGeometry(fw, 'horizontal').map((l) => [l.domainId, l]));
    const at = { [ids.A1!]: { x: 20, y: 410 } };
    const lanes = new Map(laneDrag(fw, 'horizontal', [ids.A1!]).at(at).map((l) => [l.domainId, l]));
    // Ask & Plan keeps only A2's row; Explain & Convince spans the dragged card
    expect(lanes.get(ap)!.y).toBe(before.get(ap)!.y);
    expect(lanes.get(ap)!.y + lanes.get(ap)!.height).toBe(before.get(ap)!.y + before.get(ap)!.height);
    expect(lanes.get(ec)!.y).toBeLessThanOrEqual(410);
    expect(lanes.get(ec)!.y + lanes.get(ec)!.height).toBeGreaterThanOrEqual(410 + 112);
    // dragged to the empty space below every lane, it stays in its own lane, which follows it
    const far = laneDrag(fw, 'horizontal', [ids.A1!]).at({ [ids.A1!]: { x: 0, y: 1400 } });
    expect(far.find((l) => l.domainId === ap)!.height).toBeGreaterThan(1400);
    // over a collapsed domain's lane (its drop is refused) the preview keeps it in its own lane, which follows it
    const over = new Map(laneDrag(fw, 'horizontal', [ids.A1!], [ec]).at(at).map((l) => [l.domainId, l]));
    expect(over.get(ap)!.y + over.get(ap)!.height).toBeGreaterThanOrEqual(410 + 112);
    expect(over.get(ec)).toEqual(before.get(ec));
  });

  it('a competency created in a lane (double-click) is that lane’s; outside every lane, over a collapsed one or lanes off, none', () => {
    const { fw, ap, ec, ids } = map();
    expect(laneDomainAt(fw, 'horizontal', [], { x: 2000, y: 60 })).toBe(ap);
    expect(laneDomainAt(fw, 'horizontal', [], { x: -900, y: 450 })).toBe(ec);
    expect(laneDomainAt(fw, 'horizontal', [], { x: 0, y: 1300 })).toBeNull();
    expect(laneDomainAt(fw, 'horizontal', [ec], { x: 0, y: 450 })).toBeNull();
    expect(laneDomainAt(fw, 'none', [], { x: 0, y: 60 })).toBeNull();
    expect(ids.A1).toBeDefined();
  });

});
