import { FRAMEWORK_STATUSES, type Framework } from '../model/types';
import { command, refuse, type Command } from './command';

/** Framework metadata a user edits in the metadata panel. */
export type FrameworkMetaPatch = Partial<
  Pick<Framework, 'title' | 'description' | 'subjects' | 'educationLevels' | 'creator' | 'publisher' | 'version' | 'status' | 'license' | 'language'>
>;

/** How a metadata field is named in undo labels (the panel's words, not the property names). */
const FIELD_WORDS: Record<keyof FrameworkMetaPatch, string> = {
  title: 'title',
  description: 'description',
  subjects: 'subjects',
  educationLevels: 'education levels',
  creator: 'creator',
  publisher: 'publisher',
  version: 'version',
  status: 'status',
  license: 'license',
  language: 'language',
};

/** Edits framework metadata (title, subjects, levels, publisher, version, status, license, language…). */
export function updateFrameworkMeta(patch: FrameworkMetaPatch): Command {
  const fields = Object.keys(patch) as (keyof FrameworkMetaPatch)[];
  const what = fields.length === 1 ? (FIELD_WORDS[fields[0]!] ?? fields[0]) : null;
  return command('updateFrameworkMeta', what ? `edit framework ${what}` : 'edit framework details', (fw) => {
    if (patch.status !== undefined && !FRAMEWORK_STATUSES.includes(patch.status)) {
      return refuse('bad-status', `Status must be one of ${FRAMEWORK_STATUSES.join(', ')}.`);
    }
    for (const k of ['subjects', 'educationLevels'] as const) {
      const v = patch[k];
      if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) return refuse('bad-list', `${k} must be a list of text.`);
    }
    for (const [k, v] of Object.entries(patch)) {
      if (k !== 'subjects' && k !== 'educationLevels' && typeof v !== 'string') return refuse('bad-field', `${k} must be text.`);
      if (!(k in fw)) return refuse('bad-field', `Unknown framework field ${k}.`);
    }
    Object.assign(fw, patch);
  });
}

/**
 * The version a new draft of a framework gets: the last number of a dotted version one higher
 * (`1` → `2`, `1.0` → `1.1`, `v2.3.9` → `v2.3.10`). Undefined when the version is not of that form
 * (`2026-27`, `Fall 2026`, `1.0-final`, empty): there is no safe guess, and the user sets it.
 */
export function nextVersion(version: string): string | undefined {
  const m = /^([vV]?(?:\d+\.)*)(\d+)$/.exec(version.trim());
  if (!m) return undefined;
  const digits = m[2]!;
  const next = String(BigInt(digits) + 1n);
  return m[1]! + next;
}

/**
 * Starts the next version of an adopted or deprecated framework: its status becomes draft (it is no
 * longer locked) and its version goes one up ({@link nextVersion}; kept when there is no safe guess).
 * The published version stays as it was in every system that imported it; the file on disk changes
 * only when the user saves. One undo step. Refused for a draft or a framework in review (nothing to start).
 */
export function startNewDraft(): Command {
  return command(
    'startNewDraft',
    'start a new draft',
    (fw) => {
      if (fw.status !== 'adopted' && fw.status !== 'deprecated') {
        return refuse('not-published', `The framework is ${fw.status === 'in-review' ? 'in review' : 'a draft'} already; a new draft starts from an adopted or deprecated one.`);
      }
      fw.status = 'draft';
      const v = nextVersion(fw.version);
      if (v !== undefined) fw.version = v;
    },
    (before) => {
      const v = nextVersion(before.version);
      return v !== undefined ? `start a new draft (version ${v})` : 'start a new draft';
    },
  );
}
