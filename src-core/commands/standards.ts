import { ALIGNMENT_KINDS, type AlignmentKind, type StandardsSet } from '../model/types';
import type { AlignmentId, CompetencyId, StandardId, StandardsSetId } from '../model/ids';
import { base, command, refuse, type Command } from './command';
import { alignmentName, competencyName, plural, quotedTitle } from './labels';

/** Adds an imported standards set (read-only in the app). */
export function addStandardsSet(set: StandardsSet): Command {
  return command('addStandardsSet', `import standards ${quotedTitle(set.title)}`, (fw) => {
    if (fw.standardsSets[set.id]) return refuse('duplicate-id', 'This standards set is already in the framework.');
    fw.standardsSets[set.id] = set;
  });
}

/** Removes a standards set and every alignment to it. */
export function removeStandardsSet(id: StandardsSetId): Command {
  return command('removeStandardsSet', 'remove standards set', (fw) => {
    if (!fw.standardsSets[id]) return refuse('not-found', 'That standards set is not in the framework.');
    delete fw.standardsSets[id];
    for (const [aid, a] of base(fw).alignments) if (a.setId === id) fw.alignments.delete(aid);
  }, (before) => `remove standards set ${before.standardsSets[id] ? quotedTitle(before.standardsSets[id].title) : ''}`.trim());
}

/** Aligns a competency to a standard; refuses a duplicate of an existing alignment. */
export function addAlignment(a: { id: AlignmentId; competencyId: CompetencyId; setId: StandardsSetId; standardId: StandardId; kind: AlignmentKind }): Command {
  return command(
    'addAlignment',
    'align',
    (fw) => {
      if (fw.alignments.has(a.id)) return refuse('duplicate-id', 'An alignment with this id already exists.');
      if (!fw.competencies[a.competencyId]) return refuse('not-found', 'That competency no longer exists.');
      const set = fw.standardsSets[a.setId];
      if (!set || !set.items[a.standardId]) return refuse('not-found', 'That standard is not in the framework.');
      if (!ALIGNMENT_KINDS.includes(a.kind)) return refuse('bad-kind', 'Alignment kind must be exact, partial or related.');
      for (const x of base(fw).alignments.values()) {
        if (x.competencyId === a.competencyId && x.setId === a.setId && x.standardId === a.standardId) {
          return refuse('duplicate-alignment', `${competencyName(fw, a.competencyId)} is already aligned to ${set.items[a.standardId]!.code || 'this standard'}.`);
        }
      }
      fw.alignments.set(a.id, { ...a });
    },
    (before) => `align ${competencyName(before, a.competencyId)} to ${before.standardsSets[a.setId]?.items[a.standardId]?.code || 'a standard'}`,
  );
}

/** Removes alignments. */
export function removeAlignments(ids: readonly AlignmentId[]): Command {
  return command('removeAlignments', `remove ${plural(ids.length, 'alignment')}`, (fw) => {
    const gone = ids.filter((id) => fw.alignments.has(id));
    if (gone.length === 0) return refuse('not-found', 'Nothing to remove.');
    for (const id of gone) fw.alignments.delete(id);
  }, (before) => (ids.length === 1 ? `remove alignment ${alignmentName(before, ids[0]!)}` : `remove ${plural(ids.length, 'alignment')}`));
}

/** Changes how closely a competency matches a standard. */
export function setAlignmentKind(id: AlignmentId, kind: AlignmentKind): Command {
  return command('setAlignmentKind', `mark alignment ${kind}`, (fw) => {
    const a = fw.alignments.get(id);
    if (!a) return refuse('not-found', 'That alignment no longer exists.');
    if (!ALIGNMENT_KINDS.includes(kind)) return refuse('bad-kind', 'Alignment kind must be exact, partial or related.');
    a.kind = kind;
  }, (before) => `mark ${alignmentName(before, id)} ${kind}`);
}
