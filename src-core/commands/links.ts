import type { CompetencyId, LinkId } from '../model/ids';
import type { Framework } from '../model/types';
import type { Problem } from '../result';
import { base, command, refuse, type Command } from './command';
import { findPrerequisitePath } from '../graph/paths';
import { competencyName, linkName, plural } from './labels';

/**
 * Why `from → to` cannot be added, or undefined when it can: missing ends, a self-link, a duplicate,
 * or a link that would close a prerequisite cycle (the message names the whole cycle by codes).
 * The canvas asks this while the user drags a connection (`isValidConnection`).
 */
export function linkRefusal(fw: Framework, from: string, to: string, ignoreLink?: string): Problem | undefined {
  fw = base(fw);
  if (!fw.competencies[from] || !fw.competencies[to]) return refuse('not-found', 'Both ends of a prerequisite link must be competencies of this framework.');
  if (from === to) return refuse('self-link', `${competencyName(fw, from)} cannot be a prerequisite of itself.`);
  for (const l of fw.prerequisites.values()) {
    if (l.id !== ignoreLink && l.from === from && l.to === to) {
      return refuse('duplicate-link', `${competencyName(fw, from)} is already a prerequisite of ${competencyName(fw, to)}.`);
    }
  }
  // A path to → … → from already exists, so from → to would close a cycle.
  let graphSource: Pick<Framework, 'competencies' | 'prerequisites'> = fw;
  if (ignoreLink && fw.prerequisites.has(ignoreLink)) {
    const others = new Map(fw.prerequisites);
    others.delete(ignoreLink);
    graphSource = { competencies: fw.competencies, prerequisites: others };
  }
  const path = findPrerequisitePath(graphSource, to, from);
  if (path) {
    const names = [from, ...path].map((id) => competencyName(fw, id));
    return refuse(
      'cycle',
      `This link would make a prerequisite cycle: ${names.join(' → ')}. No student could ever start it, so the link was not added.`,
    );
  }
  return undefined;
}

/** Adds "`from` must be mastered before `to`"; refused when it would be a self-link, duplicate or cycle. */
export function linkPrerequisite(link: { id: LinkId; from: CompetencyId; to: CompetencyId; note?: string }): Command {
  return command(
    'linkPrerequisite',
    'link prerequisite',
    (fw) => {
      if (fw.prerequisites.has(link.id)) return refuse('duplicate-id', 'A link with this id already exists.');
      const why = linkRefusal(fw, link.from, link.to);
      if (why) return why;
      fw.prerequisites.set(link.id, { id: link.id, from: link.from, to: link.to, note: link.note ?? '' });
    },
    (before) => `link ${competencyName(before, link.from)} → ${competencyName(before, link.to)}`,
  );
}

/** Removes prerequisite links (and the review comments on them). */
export function unlinkPrerequisites(ids: readonly LinkId[]): Command {
  return command(
    'unlinkPrerequisites',
    `delete ${plural(ids.length, 'link')}`,
    (fw) => {
      const gone = ids.filter((id) => fw.prerequisites.has(id));
      if (gone.length === 0) return refuse('not-found', 'Nothing to delete.');
      for (const id of gone) fw.prerequisites.delete(id);
      const set = new Set<string>(gone);
      for (const [cid, c] of Object.entries(base(fw).comments)) if (c.target.kind === 'link' && set.has(c.target.id)) delete fw.comments[cid];
    },
    (before) => {
      const l = ids.length === 1 ? before.prerequisites.get(ids[0]!) : undefined;
      return l ? `unlink ${competencyName(before, l.from)} → ${competencyName(before, l.to)}` : `delete ${plural(ids.length, 'link')}`;
    },
  );
}

/** Moves one end (or both) of a link; refused like a new link would be. */
export function reconnectPrerequisite(id: LinkId, from: CompetencyId, to: CompetencyId): Command {
  return command(
    'reconnectPrerequisite',
    'reconnect link',
    (fw) => {
      const l = fw.prerequisites.get(id);
      if (!l) return refuse('not-found', 'That link no longer exists.');
      const why = linkRefusal(fw, from, to, id);
      if (why) return why;
      l.from = from;
      l.to = to;
    },
    (before) => `reconnect link to ${competencyName(before, from)} → ${competencyName(before, to)}`,
  );
}

/** Sets the note on a link. */
export function updatePrerequisiteNote(id: LinkId, note: string): Command {
  return command('updatePrerequisiteNote', 'edit link note', (fw) => {
    const l = fw.prerequisites.get(id);
    if (!l) return refuse('not-found', 'That link no longer exists.');
    l.note = note;
  }, (before) => `edit note of ${linkName(before, id)}`);
}
