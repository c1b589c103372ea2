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
