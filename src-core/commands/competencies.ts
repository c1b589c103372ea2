import { createCompetency } from '../model/defaults';
import type { CompetencyId, IndicatorId, LinkId, PhaseId } from '../model/ids';
import { newId } from '../model/ids';
import type { Competency, Framework, Position, PrerequisiteLink } from '../model/types';
import { forgetCaseIdentifiers } from '../model/caseIdentifiers';
import { base, command, isProblem, refuse, type Command } from './command';
import { competencyName, phaseName, plural, quotedTitle } from './labels';

/** Fields of a competency that `updateCompetency` may change (not its id, not its phases). */
export type CompetencyPatch = Partial<Omit<Competency, 'id' | 'phases'>>;

/** Adds a competency. The caller picks the id (so it can select the new node). */
export function addCompetency(init: Partial<Competency> & { id: CompetencyId }): Command {
  return command('addCompetency', `add ${init.code?.trim() || 'competency'}`, (fw) => {
    if (fw.competencies[init.id]) return refuse('duplicate-id', 'A competency with this id already exists.');
    if (init.domainId && !fw.domains.some((d) => d.id === init.domainId)) {
      return refuse('unknown-domain', 'The chosen domain does not exist.');
    }
    fw.competencies[init.id] = createCompetency(init);
  });
}

/** How a competency field is named in undo labels (the inspector's words, not the property names). */
const FIELD_WORDS: Record<keyof CompetencyPatch, string> = {
  code: 'code',
  statement: 'statement',
  iCan: '“I can” statement',
  domainId: 'domain',
  educationLevels: 'education levels',
  estimatedHours: 'hours',
  evidenceTypes: 'evidence of mastery',
  notes: 'notes',
  position: 'position',
  pinned: 'pin',
};

/** Changes fields of one competency. */
export function updateCompetency(id: CompetencyId, patch: CompetencyPatch): Command {
  const fields = Object.keys(patch) as (keyof CompetencyPatch)[];
  const what = fields.length === 1 ? (FIELD_WORDS[fields[0]!] ?? fields[0]) : 'details';
  return command(
    'updateCompetency',
    `edit ${what}`,
    (fw) => {
      const c = fw.competencies[id];
      if (!c) return refuse('not-found', 'That competency no longer exists.');
      if ('id' in patch || 'phases' in patch) return refuse('bad-patch', 'Use the phase commands to change phases.');
      if (patch.domainId && !fw.domains.some((d) => d.id === patch.domainId)) {
        return refuse('unknown-domain', 'The chosen domain does not exist.');
      }
      if (patch.estimatedHours !== undefined && patch.estimatedHours !== null && !(patch.estimatedHours >= 0)) {
        return refuse('bad-hours', 'Estimated hours must be a number of 0 or more.');
      }
      Object.assign(c, patch);
    },
    (before) => updateLabel(before, id, patch, what),
  );
}

/**
 * The undo label of `updateCompetency`. A new code names the card by both codes ("change code C1 → MA.1"): the
 * card is known by the new one on the map while Undo is offered, by the old one once undone. A card with no
 * code is named by its statement as it reads after the edit (a new card's first statement: not "an untitled competency").
 */
function updateLabel(before: Framework, id: CompetencyId, patch: CompetencyPatch, what: string): string {
  const c = before.competencies[id];
  const fields = Object.keys(patch);
  if (c && fields.length === 1 && patch.code !== undefined) {
    const was = c.code.trim();
    const now = patch.code.trim();
    if (was && now) return `change code ${was} → ${now}`;
    if (now) return `give ${competencyName(before, id)} the code ${now}`;
    return `clear code ${was}`;
  }
  if (c && !c.code.trim() && patch.code === undefined && patch.statement?.trim()) return `edit ${what} of ${quotedTitle(patch.statement)}`;
  return `edit ${what} of ${competencyName(before, id)}`;
}

/** Deletes competencies with their prerequisite links, alignments and comments. */
export function deleteCompetencies(ids: readonly CompetencyId[]): Command {
  return command(
    'deleteCompetencies',
    `delete ${plural(ids.length, 'competency', 'competencies')}`,
    (fw) => {
      const before = base(fw);
      const gone = new Set<string>(ids.filter((id) => before.competencies[id]));
      if (gone.size === 0) return refuse('not-found', 'Nothing to delete.');
      for (const id of gone) delete fw.competencies[id];
      const goneLinks = new Set<string>();
      for (const [lid, l] of before.prerequisites) {
        if (gone.has(l.from) || gone.has(l.to)) {
          fw.prerequisites.delete(lid);
          goneLinks.add(lid);
        }
      }
      for (const [aid, a] of before.alignments) if (gone.has(a.competencyId)) fw.alignments.delete(aid);
      for (const [cid, c] of Object.entries(before.comments)) {
        if ((c.target.kind === 'competency' && gone.has(c.target.id)) || (c.target.kind === 'link' && goneLinks.has(c.target.id))) {
          delete fw.comments[cid];
        }
      }
      forgetCaseIdentifiers(fw, before, gone, true);
    },
    (before) => (ids.length === 1 ? `delete ${competencyName(before, ids[0]!)}` : `delete ${plural(ids.length, 'competency', 'competencies')}`),
  );
}

/**
 * Copies competencies (with fresh indicator ids, and codes made unique: `A1 (copy)`) next to the originals; links among the copied
 * competencies are copied too. The caller picks the new ids.
 */
export function duplicateCompetencies(pairs: readonly { sourceId: CompetencyId; newId: CompetencyId }[], offset: Position): Command {
  return command('duplicateCompetencies', `duplicate ${plural(pairs.length, 'competency', 'competencies')}`, (fw) => {
    const map = new Map<string, CompetencyId>();
    for (const { sourceId, newId: nid } of pairs) {
      if (!fw.competencies[sourceId]) return refuse('not-found', 'A competency to duplicate no longer exists.');
      if (fw.competencies[nid]) return refuse('duplicate-id', 'A competency with this id already exists.');
      map.set(sourceId, nid);
    }
    const clip = {
      competencies: pairs.map((p) => structuredClone(base(fw).competencies[p.sourceId]!)),
      prerequisites: [...base(fw).prerequisites.values()].filter((l) => map.has(l.from) && map.has(l.to)).map((l) => ({ ...l })),
    };
    insertClip(fw, clip, offset, map);
  }, (before) => (pairs.length === 1 ? `duplicate ${competencyName(before, pairs[0]!.sourceId)}` : `duplicate ${plural(pairs.length, 'competency', 'competencies')}`));
}

/** What copy puts on the clipboard and paste reads back (plain JSON). */
export interface CompetencyClip {
  competencies: Competency[];
  prerequisites: PrerequisiteLink[];
}

/**
 * Pastes a clip (from this or another document): every competency gets a new id, internal links are
 * kept, descriptors of phases this framework does not have are dropped (matched by phase id, then by
 * label), a domain that does not exist here is cleared, and a code already used here becomes `A1 (copy)`.
 * `idMap` may pre-assign new ids.
 */
export function pasteCompetencies(clip: CompetencyClip, offset: Position, idMap?: Map<string, CompetencyId>, phaseLabels?: Record<string, string>): Command {
  return command('pasteCompetencies', `paste ${plural(clip.competencies.length, 'competency', 'competencies')}`, (fw) => {
    if (!Array.isArray(clip.competencies) || clip.competencies.length === 0) return refuse('empty-clip', 'Nothing to paste.');
    const map = idMap ?? new Map<string, CompetencyId>();
    for (const c of clip.competencies) if (!map.has(c.id)) map.set(c.id, newId<CompetencyId>());
    insertClip(fw, clip, offset, map, phaseLabels);
  });
}

function insertClip(fw: Framework, clip: CompetencyClip, offset: Position, map: Map<string, CompetencyId>, phaseLabels?: Record<string, string>): void {
  const phaseById = new Set(fw.phases.map((p) => p.id as string));
  const phaseByLabel = new Map(fw.phases.map((p) => [p.label.trim().toLowerCase(), p.id as string]));
  const domains = new Set(fw.domains.map((d) => d.id as string));
  const codes = new Set<string>();
  for (const c of Object.values(fw.competencies)) codes.add(c.code.trim());
  for (const src of clip.competencies) {
    const id = map.get(src.id)!;
    const code = freeCode(src.code, codes);
    const phases: Competency['phases'] = {};
    for (const [pid, pd] of Object.entries(src.phases ?? {})) {
      const target = phaseById.has(pid) ? pid : phaseByLabel.get((phaseLabels?.[pid] ?? '').trim().toLowerCase());
      if (!target) continue;
      phases[target] = {
        descriptor: pd.descriptor,
        indicators: pd.indicators.map((i) => ({ id: newId<IndicatorId>(), text: i.text })),
      };
    }
    fw.competencies[id] = createCompetency({
      ...src,
      id,
      code,
      domainId: src.domainId && domains.has(src.domainId) ? src.domainId : null,
      phases,
      position: { x: src.position.x + offset.x, y: src.position.y + offset.y },
      pinned: false,
    });
  }
  for (const l of clip.prerequisites) {
    const from = map.get(l.from);
    const to = map.get(l.to);
    if (!from || !to) continue;
    const id = newId<LinkId>();
    fw.prerequisites.set(id, { id, from, to, note: l.note ?? '' });
  }
}

/**
 * The code a copy gets: its own when no competency uses it yet, else `A1 (copy)`, `A1 (copy 2)` … (a copy
 * of `A1 (copy)` too) — codes must be unique (`duplicate-code`), and a copy that is an error the moment it
 * appears helps nobody. An empty code stays empty. The code taken is added to `used` (trimmed codes of the framework and earlier copies).
 */
function freeCode(code: string, used: Set<string>): string {
  const t = typeof code === 'string' ? code.trim() : '';
  if (t === '') return code;
  // a copy of a copy is numbered after the original: `A1 (copy 2)`, not `A1 (copy) (copy)`
  const base = t.replace(/ \(copy(?: \d+)?\)$/, '');
  let out = used.has(t) ? `${base} (copy)` : code;
  for (let k = 2; used.has(out.trim()); k++) out = `${base} (copy ${k})`;
  used.add(out.trim());
  return out;
}

/** Moves competencies (drag end, nudge, align, layout): one undo step. */
export function moveCompetencies(positions: Readonly<Record<string, Position>>, label = 'move'): Command {
  const ids = Object.keys(positions);
  const n = ids.length;
  // a move or nudge names what moved ("move MA.3.2", "nudge 3 competencies"); align, distribute, auto-layout say how
  const named = label === 'move' || label === 'nudge';
  return command(
    'moveCompetencies',
    named ? `${label} ${plural(n, 'competency', 'competencies')}` : label,
    (fw) => {
      for (const [id, p] of Object.entries(positions)) {
        const c = fw.competencies[id];
        if (!c) continue;
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return refuse('bad-position', 'A position must be a finite number.');
        if (c.position.x !== p.x || c.position.y !== p.y) c.position = { x: p.x, y: p.y };
      }
    },
    named ? (before) => `${label} ${n === 1 ? competencyName(before, ids[0]!) : plural(n, 'competency', 'competencies')}` : undefined,
  );
}

/** Pins or unpins competencies (pinned ones keep their place when the layout is tidied). */
export function setPinned(ids: readonly CompetencyId[], pinned: boolean): Command {
  const verb = pinned ? 'pin' : 'unpin';
  return command(
    'setPinned',
    `${verb} ${plural(ids.length, 'competency', 'competencies')}`,
    (fw) => {
      for (const id of ids) {
        const c = fw.competencies[id];
        if (c && c.pinned !== pinned) c.pinned = pinned;
      }
    },
    (before) => `${verb} ${ids.length === 1 ? competencyName(before, ids[0]!) : plural(ids.length, 'competency', 'competencies')}`,
  );
}

/** Sets (or clears, with empty text and no indicators) the descriptor of one phase of a competency. */
export function setPhaseDescriptor(competencyId: CompetencyId, phaseId: PhaseId, text: string): Command {
  return command(
    'setPhaseDescriptor',
    'edit phase descriptor',
    (fw) => {
      const c = fw.competencies[competencyId];
      if (!c) return refuse('not-found', 'That competency no longer exists.');
      if (!fw.phases.some((p) => p.id === phaseId)) return refuse('unknown-phase', 'That mastery phase no longer exists.');
      const pd = c.phases[phaseId];
      if (pd) pd.descriptor = text;
      else c.phases[phaseId] = { descriptor: text, indicators: [] };
    },
    (before) => `edit ${phaseName(before, phaseId)} descriptor of ${competencyName(before, competencyId)}`,
  );
}

function phaseOf(fw: Framework, competencyId: CompetencyId, phaseId: PhaseId, create: boolean) {
  const c = fw.competencies[competencyId];
  if (!c) return refuse('not-found', 'That competency no longer exists.');
  if (!fw.phases.some((p) => p.id === phaseId)) return refuse('unknown-phase', 'That mastery phase no longer exists.');
  let pd = c.phases[phaseId];
  if (!pd) {
    if (!create) return refuse('not-found', 'That phase has no indicators.');
    pd = c.phases[phaseId] = { descriptor: '', indicators: [] };
  }
  return pd;
}

/** Adds a performance indicator to a competency × phase. */
export function addIndicator(competencyId: CompetencyId, phaseId: PhaseId, indicator: { id: IndicatorId; text: string }, index?: number): Command {
  return command('addIndicator', 'add performance indicator', (fw) => {
    const pd = phaseOf(fw, competencyId, phaseId, true);
    if (isProblem(pd)) return pd;
    const at = index === undefined ? pd.indicators.length : Math.max(0, Math.min(index, pd.indicators.length));
    pd.indicators.splice(at, 0, { id: indicator.id, text: indicator.text });
  }, (before) => `add ${phaseName(before, phaseId)} indicator to ${competencyName(before, competencyId)}`);
}

/** Rewrites one performance indicator. */
export function updateIndicator(competencyId: CompetencyId, phaseId: PhaseId, indicatorId: IndicatorId, text: string): Command {
  return command('updateIndicator', 'edit performance indicator', (fw) => {
    const pd = phaseOf(fw, competencyId, phaseId, false);
    if (isProblem(pd)) return pd;
    const ind = pd.indicators.find((i) => i.id === indicatorId);
    if (!ind) return refuse('not-found', 'That performance indicator no longer exists.');
    ind.text = text;
  }, (before) => `edit ${phaseName(before, phaseId)} indicator of ${competencyName(before, competencyId)}`);
}

/** Removes one performance indicator. */
export function removeIndicator(competencyId: CompetencyId, phaseId: PhaseId, indicatorId: IndicatorId): Command {
  return command('removeIndicator', 'delete performance indicator', (fw) => {
    const pd = phaseOf(fw, competencyId, phaseId, false);
    if (isProblem(pd)) return pd;
    const i = pd.indicators.findIndex((x) => x.id === indicatorId);
    if (i < 0) return refuse('not-found', 'That performance indicator no longer exists.');
    pd.indicators.splice(i, 1);
    forgetCaseIdentifiers(fw, base(fw), [indicatorId]);
  }, (before) => `delete ${phaseName(before, phaseId)} indicator of ${competencyName(before, competencyId)}`);
}

/** Reorders a performance indicator within its phase. */
export function moveIndicator(competencyId: CompetencyId, phaseId: PhaseId, indicatorId: IndicatorId, toIndex: number): Command {
  return command('moveIndicator', 'reorder performance indicators', (fw) => {
    const pd = phaseOf(fw, competencyId, phaseId, false);
    if (isProblem(pd)) return pd;
    const i = pd.indicators.findIndex((x) => x.id === indicatorId);
    if (i < 0) return refuse('not-found', 'That performance indicator no longer exists.');
    const [ind] = pd.indicators.splice(i, 1);
    pd.indicators.splice(Math.max(0, Math.min(toIndex, pd.indicators.length)), 0, ind!);
  }, (before) => `reorder ${phaseName(before, phaseId)} indicators of ${competencyName(before, competencyId)}`);
}
