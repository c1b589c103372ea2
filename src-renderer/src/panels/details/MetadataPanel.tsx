import { updateFrameworkMeta, type FrameworkMetaPatch } from '../../../../src-core/commands';
import { EDUCATION_LEVELS, formatLevels } from '../../../../src-core/model/levels';
import { FRAMEWORK_STATUSES, type FrameworkStatus } from '../../../../src-core/model/types';
import { diagnosticsOf } from '../../diagnostics/useDiagnostics';
import { useEditor, useStore } from '../../store/useEditor';
import { ChipSelect, CommitText, Field } from '../../ui/fields';

const LEVELS = EDUCATION_LEVELS.filter((l) => /^(PK|KG|0\d|1[0-2])$/.test(l.code)).map((l) => ({ value: l.code as string, label: l.code === 'KG' ? 'K' : l.code === 'PK' ? 'PK' : String(Number(l.code)), title: l.title }));
const STATUS_LABELS: Record<FrameworkStatus, string> = { draft: 'Draft', 'in-review': 'In review', adopted: 'Adopted', deprecated: 'Deprecated' };

/** Framework metadata: what districts publish with it. */
export function MetadataPanel() {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  /** Runs an edit; a refusal is shown, and returned for the field that asked (it keeps the draft). */
  const update = (patch: FrameworkMetaPatch): string | undefined => {
    const r = store.run(updateFrameworkMeta(patch));
    if (r.ok) return undefined;
    store.notify('error', r.error.message);
    return r.error.message;
  };
  const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
  return (
    <div className="panel">
      <h2 className="section-title">Framework details</h2>
      <Field label="Title" htmlFor="meta-title">
        <CommitText id="meta-title" value={fw.title} validate={(v) => (v.trim() ? null : 'A framework needs a title.')} onCommit={(v) => update({ title: v.trim() })} />
      </Field>
      <Field label="Description" htmlFor="meta-description">
        <CommitText id="meta-description" multiline rows={3} value={fw.description} onCommit={(v) => update({ description: v })} />
      </Field>
      <Field label="Subjects" htmlFor="meta-subjects" hint="Comma-separated, e.g. Mathematics">
        <CommitText id="meta-subjects" value={fw.subjects.join(', ')} onCommit={(v) => update({ subjects: list(v) })} />
      </Field>
      <Field label={`Education levels${fw.educationLevels.length ? ` (${formatLevels(fw.educationLevels)})` : ''}`}>
        <ChipSelect label="Framework education levels" options={LEVELS} value={fw.educationLevels} onChange={(v) => update({ educationLevels: v })} />
      </Field>
      <div className="field-row">
        <Field label="Status" htmlFor="meta-status">
          <select
            id="meta-status"
            className="input"
            value={fw.status}
            onChange={(e) => {
              const status = e.target.value as FrameworkStatus;
              if (update({ status }) !== undefined || status !== 'adopted') return;
              // adopted is what districts publish: say at once when it is not ready to be
              const n = diagnosticsOf(store.getSnapshot().doc.framework).filter((d) => d.severity === 'error').length;
              if (n) store.notify('info', `Adopted with ${n} problem${n === 1 ? '' : 's'} to fix before publishing (see Problems); the CASE, Moodle and Canvas exports hold it back until then (or until “Export anyway”).`);
            }}
          >
            {FRAMEWORK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Version" htmlFor="meta-version">
          <CommitText id="meta-version" value={fw.version} onCommit={(v) => update({ version: v.trim() })} />
        </Field>
      </div>
      <Field label="Publisher" htmlFor="meta-publisher">
        <CommitText id="meta-publisher" value={fw.publisher} placeholder="e.g. Springfield Public Schools" onCommit={(v) => update({ publisher: v })} />
      </Field>
      <Field label="Creator" htmlFor="meta-creator">
        <CommitText id="meta-creator" value={fw.creator} onCommit={(v) => update({ creator: v })} />
      </Field>
      <div className="field-row">
        <Field label="License" htmlFor="meta-license">
          <CommitText id="meta-license" value={fw.license} placeholder="e.g. CC BY 4.0" onCommit={(v) => update({ license: v })} />
        </Field>
        <Field label="Language" htmlFor="meta-language">
          <CommitText id="meta-language" value={fw.language} validate={(v) => (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.trim()) ? null : 'Use a language tag such as en or en-US.')} onCommit={(v) => update({ language: v.trim() })} />
        </Field>
      </div>
      <p className="muted small">Last changed {new Date(fw.lastChangeDateTime).toLocaleString()}</p>
    </div>
  );
}
