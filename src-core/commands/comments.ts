import type { CommentId } from '../model/ids';
import type { ReviewComment } from '../model/types';
import { command, refuse, type Command } from './command';
import { commentTargetName, competencyName, linkName } from './labels';

/** Adds a review comment on a competency, a link or the framework. */
export function addComment(c: ReviewComment): Command {
  return command('addComment', 'add comment', (fw) => {
    if (fw.comments[c.id]) return refuse('duplicate-id', 'A comment with this id already exists.');
    if (!c.text.trim()) return refuse('empty-comment', 'A comment needs some text.');
    if (c.target.kind === 'competency' && !fw.competencies[c.target.id]) return refuse('not-found', 'That competency no longer exists.');
    if (c.target.kind === 'link' && !fw.prerequisites.has(c.target.id)) return refuse('not-found', 'That link no longer exists.');
    fw.comments[c.id] = structuredClone(c);
  }, (before) => `add comment on ${c.target.kind === 'competency' ? competencyName(before, c.target.id) : c.target.kind === 'link' ? linkName(before, c.target.id) : 'the framework'}`);
}

/** Edits a comment's text or resolved flag. */
export function updateComment(id: CommentId, patch: { text?: string; resolved?: boolean }): Command {
  const verb = patch.resolved === true ? 'resolve' : patch.resolved === false ? 'reopen' : 'edit';
  return command('updateComment', `${verb} comment`, (fw) => {
    const c = fw.comments[id];
    if (!c) return refuse('not-found', 'That comment no longer exists.');
    if (patch.text !== undefined) {
      if (!patch.text.trim()) return refuse('empty-comment', 'A comment needs some text.');
      c.text = patch.text;
    }
    if (patch.resolved !== undefined) c.resolved = patch.resolved;
  }, (before) => `${verb} comment on ${commentTargetName(before, id)}`);
}

/** Deletes a comment. */
export function removeComment(id: CommentId): Command {
  return command('removeComment', 'delete comment', (fw) => {
    if (!fw.comments[id]) return refuse('not-found', 'That comment no longer exists.');
    delete fw.comments[id];
  }, (before) => `delete comment on ${commentTargetName(before, id)}`);
}
