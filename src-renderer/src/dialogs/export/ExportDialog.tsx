import { useCallback, useEffect, useMemo, useState } from 'react';
import { case10LossNote, DEFAULT_CASE_BASE_URI } from '../../../../src-core/case';
import { CANVAS_CALCULATION_INT, canvasCsvAsPreviousProblem, canvasPreviousProblem, canvasRemovals, canvasRemovalsSummary, type CanvasCalculationMethod } from '../../../../src-core/export/canvas';
import { readFrameworkAny } from '../../../../src-core/formats/readAny';
import type { Framework } from '../../../../src-core/model/types';
import { exportLossNote } from '../../../../src-core/export/lossNotes';
import { competenciesToPrint, levelName, printableLevels, printableMapHtml, type PaperSize, type PrintAudience, type PrintLayout, type PrintScope } from '../../../../src-core/export/printable';
import { domainsInOrder } from '../../../../src-core/csv/order';
import { diagnosticsOf } from '../../diagnostics/useDiagnostics';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { host, openDialog } from '../dialogState';
import { Busy, FindingList, Modal } from '../Modal';
import { readIncludeComments, rememberIncludeComments } from './exportPrefs';
import { baseUriProblem, buildTextExport, dataUrlBase64, effectiveBaseUri, EXPORT_FORMATS, fileStem, formatFromCommand, printFileName, type ExportFormat } from './exportFormats';
import { mapImage, svgText, type ImageScope } from './mapImage';
import { PrintPreview } from './printPreview';

/** Above this many competencies the printable map starts as a summary. */
const SUMMARY_FROM = 300;

/** Export: framework JSON, CASE 1.1/1.0, competency / Moodle / Canvas CSV, PNG / SVG, printable map. */
export function ExportDialog({ format: initial }: { format?: string }) {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const [format, setFormat] = useState<ExportFormat>(formatFromCommand(initial));
  const [baseUri, setBaseUri] = useState('');
  // review comments in a CASE 1.1 package (the CLI's --include-comments): off until chosen, then as last exported
  const [includeComments, setIncludeComments] = useState(readIncludeComments);
  const commentCount = useMemo(() => Object.keys(fw.comments).length, [fw.comments]);
  const [scope, setScope] = useState<ImageScope>('whole');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [audience, setAudience] = useState<PrintAudience>('student');
  // A large map prints as a summary by default (in full, 2,000 competencies are ~1,000 pages); part of the map: a domain, a grade, the selection.
  const total = useMemo(() => Object.keys(fw.competencies).length, [fw.competencies]);
  const [layout, setLayout] = useState<PrintLayout>(() => (total > SUMMARY_FROM ? 'summary' : 'full'));
  // the picture of the whole map: on a page, a big map's cards are too small to read (2,000 competencies: a grey texture)
  const [printPicture, setPrintPicture] = useState(() => total <= SUMMARY_FROM);
  const [printDomain, setPrintDomain] = useState('');
  const [printLevel, setPrintLevel] = useState('');
  const selected = useEditor((s) => s.session.selection.competencies);
  const [onlySelected, setOnlySelected] = useState(false);
  const printScope = useMemo<PrintScope>(
    () => ({
      ...(printDomain && fw.domains.some((d) => d.id === printDomain) ? { domainId: printDomain } : {}),
      ...(printLevel ? { level: printLevel } : {}),
      ...(onlySelected && selected.length > 0 ? { competencyIds: selected } : {}),
    }),
    [printDomain, printLevel, onlySelected, selected, fw.domains],
  );
  const printCount = useMemo(() => (format === 'html' ? competenciesToPrint(fw, printScope).length : 0), [format, fw, printScope]);
  const printPartial = Object.keys(printScope).length > 0;
  // Canvas: how each outcome is scored (the CLI's --canvas-calculation) and the "I can" column (--canvas-no-friendly-description)
  const [canvasMethod, setCanvasMethod] = useState<CanvasCalculationMethod>('decaying_average');
  const [canvasInt, setCanvasInt] = useState('65');
  const [canvasFriendly, setCanvasFriendly] = useState(true);
  // The version last imported into Canvas (the CLI's --canvas-previous): what it has and this one has not is deleted there.
  const [canvasPrevious, setCanvasPrevious] = useState<{ name: string; framework: Framework } | null>(null);
  const [canvasPreviousError, setCanvasPreviousError] = useState<string | null>(null);
  const canvasRemoved = useMemo(() => (format === 'canvas' && canvasPrevious ? canvasRemovalsSummary(canvasRemovals(fw, canvasPrevious.framework)) : null), [format, fw, canvasPrevious]);
  const canvasPreviousMismatch = canvasPrevious ? canvasPreviousProblem(fw, canvasPrevious.framework) : null;
  const [anyway, setAnyway] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printHtml, setPrintHtml] = useState<string | null>(null);
  const close = useCallback(() => openDialog(null), []);

  useEffect(() => {
    void host()
      .getSettings()
      .then((s) => setBaseUri(s.exportBaseUri || ''))
      .catch(() => undefined);
  }, []);

  // What a CASE 1.0 package, the competencies CSV or an LMS file of this framework cannot hold, said before
  // exporting (core's note, the one the CLI prints; counted from the records, without writing the file).
  const [lossNotes, setLossNotes] = useState<string[] | null>(null);
  useEffect(() => {
    if (format !== 'case-1.0' && format !== 'csv' && format !== 'moodle' && format !== 'canvas') return setLossNotes(null);
    setLossNotes(null); // not the last format's note while this one is counted
    const t = setTimeout(() => {
      try {
        const note = format === 'case-1.0' ? case10LossNote(fw) : exportLossNote(fw, format);
        setLossNotes(note ? [note] : []);
      } catch {
        setLossNotes(null);
      }
    }, 30);
    return () => clearTimeout(t);
  }, [format, fw]);

  const printDomains = useMemo(() => (format === 'html' ? domainsInOrder(fw) : []), [format, fw]);
  // the grades of the chosen domain's competencies (of all, with no domain chosen)
  const printLevels = useMemo(() => (format === 'html' ? printableLevels(competenciesToPrint(fw, printScope.domainId !== undefined ? { domainId: printScope.domainId } : undefined)) : []), [format, fw, printScope.domainId]);
  const def = EXPORT_FORMATS.find((f) => f.id === format)!;
  const errors = useMemo(() => diagnosticsOf(fw).filter((d) => d.severity === 'error'), [fw]);
  const blocked = def.gated && errors.length > 0 && !anyway;
  const uriProblem = format.startsWith('case-') ? baseUriProblem(baseUri) : null;
  const canvasRange = CANVAS_CALCULATION_INT[canvasMethod];
  const canvasN = /^\d+$/.test(canvasInt.trim()) ? Number(canvasInt) : NaN;
  const canvasProblem = format === 'canvas' && canvasRange && !(canvasN >= canvasRange.min && canvasN <= canvasRange.max) ? `A whole number from ${canvasRange.min} to ${canvasRange.max}.` : null;

  const pickCanvasPrevious = async () => {
    setCanvasPreviousError(null);
    const picked = await host().pickImport({ accept: ['json', 'progressions', 'csv'], title: 'The version last imported into Canvas' });
    if (!picked.ok) return setCanvasPreviousError(picked.error.message);
    if (!picked.value) return;
    const csvProblem = canvasCsvAsPreviousProblem(picked.value.text, picked.value.name);
    if (csvProblem) return setCanvasPreviousError(`${csvProblem}.`);
    const r = readFrameworkAny(picked.value.text);
    if (!r.ok) return setCanvasPreviousError(`${picked.value.name}: ${r.error.message}`);
    const problem = canvasPreviousProblem(fw, r.value.framework);
    if (problem) return setCanvasPreviousError(`${picked.value.name}: ${problem}. Choose the file of this framework that was last imported into Canvas.`);
    setCanvasPrevious({ name: picked.value.name, framework: r.value.framework });
  };

  const run = async () => {
    setError(null);
    const h = host();
    try {
      if (format === 'png' || format === 'svg') {
        setBusy('Drawing the map…');
        const url = await mapImage(fw, format, scope, { laneOrientation: store.getSnapshot().session.laneOrientation });
        const name = `${fileStem(fw)}${scope === 'view' ? '.view' : ''}.${format}`;
        const r =
          format === 'svg'
            ? await h.saveExport({ suggestedName: name, content: svgText(url), mimeType: 'image/svg+xml', filters: [{ name: 'SVG image', extensions: ['svg'] }] })
            : await h.saveExport({ suggestedName: name, content: dataUrlBase64(url), encoding: 'base64', mimeType: 'image/png', filters: [{ name: 'PNG image', extensions: ['png'] }] });
        if (!r.ok) return setError(r.error.message);
        if (!r.value) return;
        store.notify('info', `Exported ${r.value.name}`);
        return close();
      }
      if (format === 'html') {
        setBusy('Drawing the map for printing…');
        let mapSvg: string | undefined;
        // the picture is of the whole map: not drawn for a print of part of it
        if (Object.keys(fw.competencies).length && !printPartial && printPicture) {
          try {
            mapSvg = await mapImage(fw, 'png', 'whole', { pixelRatio: 1.5, background: '#ffffff', laneOrientation: store.getSnapshot().session.laneOrientation });
          } catch {
            mapSvg = undefined;
          }
        }
        setPrintHtml(printableMapHtml(fw, { paper, audience, mapSvg, layout, only: printScope }));
        return;
      }
      setBusy('Writing the export…');
      await new Promise((r) => setTimeout(r, 0));
      if (format.startsWith('case-') && baseUri.trim()) void h.setSettings({ exportBaseUri: baseUri.trim() });
      if (format === 'case-1.1' && commentCount > 0) rememberIncludeComments(includeComments);
      const out = buildTextExport(fw, format, baseUri, {
        includeComments: format === 'case-1.1' && includeComments,
        canvas: {
          calculationMethod: canvasMethod,
          calculationInt: canvasRange ? canvasN : undefined,
          friendlyDescription: canvasFriendly,
          ...(canvasPrevious && !canvasPreviousMismatch ? { previous: canvasPrevious.framework } : {}),
        },
      });
      const r = await h.saveExport({ suggestedName: out.suggestedName, chunks: out.chunks, mimeType: out.mimeType, filters: out.filters });
      if (!r.ok) return setError(r.error.message);
      if (!r.value) return;
      store.notify('info', `Exported ${r.value.name}`);
      close();
    } catch (e) {
      setError(`The export failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  if (printHtml) {
    const name = printFileName(fw, { audience, paper, layout, only: printScope });
    return (
      <PrintPreview
        html={printHtml}
        onClose={close}
        onPrint={() => {
          void host()
            .printPdf({ suggestedName: `${name}.pdf` })
            .then((r) => (!r.ok ? store.notify('error', r.error.message) : r.value && host().kind === 'electron' ? store.notify('info', `Saved ${r.value.name}`) : undefined));
        }}
        onSave={() => {
          void host()
            .saveExport({ suggestedName: `${name}.html`, content: printHtml, mimeType: 'text/html', filters: [{ name: 'Web page', extensions: ['html'] }] })
            .then((r) => (!r.ok ? store.notify('error', r.error.message) : r.value && store.notify('info', `Exported ${r.value.name}`)));
        }}
      />
    );
  }

  return (
    <Modal title="Export" onClose={close} testId="export-dialog">
      <div className="pub-formats" role="radiogroup" aria-label="Format">
        {EXPORT_FORMATS.map((f) => (
          <label key={f.id} className={`pub-choice${format === f.id ? ' is-on' : ''}`} data-format={f.id}>
            <input type="radio" name="export-format" checked={format === f.id} onChange={() => setFormat(f.id)} />
            <span>
              {f.label}
              <small>{f.hint}</small>
            </span>
          </label>
        ))}
      </div>
      {lossNotes && lossNotes.length > 0 && (
        <div className="pub-warn" data-testid={format === 'case-1.0' ? 'case10-losses' : 'export-losses'}>
          {lossNotes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      <div className="pub-opts">
        {format.startsWith('case-') && (
          <div className="field">
            <label htmlFor="export-base-uri">Base URI of identifiers’ URIs</label>
            <input id="export-base-uri" className={`input${uriProblem ? ' is-invalid' : ''}`} placeholder={DEFAULT_CASE_BASE_URI} value={baseUri} onChange={(e) => setBaseUri(e.target.value)} />
            <div className="field-hint">
              {uriProblem ?? (
                <>
                  URIs will be <code data-testid="effective-base-uri">{effectiveBaseUri(baseUri)}</code>/CFItems/&lt;identifier&gt;
                  {effectiveBaseUri(baseUri) === DEFAULT_CASE_BASE_URI ? ' (the default: valid, not resolvable)' : ''}. Typically your CASE server’s …/ims/case/{format === 'case-1.0' ? 'v1p0' : 'v1p1'}.
                </>
              )}
            </div>
          </div>
        )}
        {format === 'case-1.1' && (
          <div className="field" data-testid="export-comments">
            <label className="pub-check">
              <input type="checkbox" checked={includeComments && commentCount > 0} disabled={commentCount === 0} onChange={(e) => setIncludeComments(e.target.checked)} aria-describedby="export-comments-hint" />{' '}
              Include review comments{commentCount > 0 ? ` (${commentCount})` : ''}
            </label>
            <div className="field-hint" id="export-comments-hint">
              {commentCount === 0
                ? 'This framework has no review comments.'
                : 'Adds the comments — who wrote what and when, on which competency or link, resolved or not — to the package, in a section of its own that Progressions reads back on import. Other CASE systems may ignore it. Leave it off to publish without your review notes.'}
            </div>
          </div>
        )}
        {format === 'canvas' && (
          <>
            <div className="pub-inline" data-testid="export-canvas-calculation">
              <label>
                Score each outcome by
                <select
                  className="input"
                  value={canvasMethod}
                  onChange={(e) => {
                    const m = e.target.value as CanvasCalculationMethod;
                    setCanvasMethod(m);
                    setCanvasInt(String(CANVAS_CALCULATION_INT[m]?.default ?? ''));
                  }}
                >
                  <option value="decaying_average">Decaying average</option>
                  <option value="n_mastery">n number of times</option>
                  <option value="highest">Highest score</option>
                  <option value="latest">Most recent score</option>
                </select>
              </label>
              {canvasRange && (
                <label>
                  {canvasMethod === 'decaying_average' ? 'Weight of the latest score (%)' : 'Times at mastery'}
                  <input
                    className={`input${canvasProblem ? ' is-invalid' : ''}`}
                    type="number"
                    min={canvasRange.min}
                    max={canvasRange.max}
                    style={{ width: '5em' }}
                    value={canvasInt}
                    onChange={(e) => setCanvasInt(e.target.value)}
                    aria-invalid={canvasProblem ? true : undefined}
                    aria-describedby="export-canvas-hint"
                  />
                </label>
              )}
            </div>
            <div className="field-hint" id="export-canvas-hint">
              {canvasProblem ?? 'Canvas’s calculation method for every outcome (Canvas’s own default: decaying average, 65%).'}
            </div>
            <label className="pub-check">
              <input type="checkbox" checked={canvasFriendly} onChange={(e) => setCanvasFriendly(e.target.checked)} /> Include the “I can” statements as friendly descriptions (older self-hosted
              Canvas versions refuse that column)
            </label>
            <div className="field" data-testid="export-canvas-previous" role="group" aria-labelledby="export-canvas-previous-label">
              <span className="pub-inline">
                <b id="export-canvas-previous-label">Version last imported into Canvas</b>
                {canvasPrevious ? <code>{canvasPrevious.name}</code> : <span>none</span>}
                <button className="btn" onClick={() => void pickCanvasPrevious()} aria-describedby="export-canvas-previous-hint">
                  {canvasPrevious ? 'Change…' : 'Choose…'}
                </button>
                {canvasPrevious && (
                  <button
                    className="btn"
                    onClick={() => {
                      setCanvasPrevious(null);
                      setCanvasPreviousError(null);
                    }}
                  >
                    Clear
                  </button>
                )}
              </span>
              <div className={canvasPreviousError || canvasPreviousMismatch ? 'pub-error' : 'field-hint'} id="export-canvas-previous-hint" role={canvasPreviousError ? 'alert' : undefined}>
                {canvasPreviousError ??
                  canvasPreviousMismatch ??
                  (canvasPrevious
                    ? canvasRemoved
                      ? `Importing this file deletes from Canvas ${canvasRemoved}: in ${canvasPrevious.name}, not in this version.`
                      : `Nothing to delete from Canvas: every outcome and group of ${canvasPrevious.name} is still in this version.`
                    : 'Canvas keeps what a new version no longer has unless the file deletes it: choose the framework file (or CASE package) Canvas has now, and what it has that this version has not is deleted on import.')}
              </div>
            </div>
          </>
        )}
        {(format === 'png' || format === 'svg') && (
          <div className="pub-inline" role="radiogroup" aria-label="Image of">
            <label>
              <input type="radio" checked={scope === 'whole'} onChange={() => setScope('whole')} /> Whole map
            </label>
            <label>
              <input type="radio" checked={scope === 'view'} onChange={() => setScope('view')} /> Current view
            </label>
          </div>
        )}
        {format === 'html' && (
          <>
            <div className="pub-inline" role="radiogroup" aria-label="Paper">
              <b>Paper</b>
              <label>
                <input type="radio" checked={paper === 'a4'} onChange={() => setPaper('a4')} /> A4
              </label>
              <label>
                <input type="radio" checked={paper === 'letter'} onChange={() => setPaper('letter')} /> Letter
              </label>
            </div>
            <div className="pub-inline" role="radiogroup" aria-label="Audience">
              <b>For</b>
              <label>
                <input type="radio" checked={audience === 'student'} onChange={() => setAudience('student')} /> Students (“I can” language)
              </label>
              <label>
                <input type="radio" checked={audience === 'teacher'} onChange={() => setAudience('teacher')} /> Teachers
              </label>
            </div>
            <div className="pub-inline" role="radiogroup" aria-label="Layout" data-testid="print-layout">
              <b>Layout</b>
              <label>
                <input type="radio" checked={layout === 'full'} onChange={() => setLayout('full')} aria-describedby="print-layout-hint" /> Full
              </label>
              <label>
                <input type="radio" checked={layout === 'summary'} onChange={() => setLayout('summary')} aria-describedby="print-layout-hint" /> Summary
              </label>
            </div>
            <div className="field-hint" id="print-layout-hint">
              {layout === 'full'
                ? 'Every competency with its phases, descriptors and performance indicators.'
                : `A table per domain, a row per competency: code, ${audience === 'student' ? '“I can”' : 'statement'}, what to master first, grades${audience === 'student' ? ' and a box per phase to tick' : ' and standards'}.`}
            </div>
            <div className="pub-inline" role="group" aria-label="Print" data-testid="print-scope">
              <b>Print</b>
              <label>
                Domain
                <select
                  className="input"
                  value={printDomain}
                  onChange={(e) => {
                    const id = e.target.value;
                    setPrintDomain(id);
                    // a grade the new domain has no competency of is dropped (it would print nothing)
                    if (printLevel && !printableLevels(competenciesToPrint(fw, id ? { domainId: id } : undefined)).includes(printLevel)) setPrintLevel('');
                  }}
                  data-testid="print-domain"
                >
                  <option value="">All domains</option>
                  {printDomains.map(({ domain, depth }) => (
                    <option key={domain.id} value={domain.id}>
                      {'\u2003'.repeat(depth)}
                      {domain.code.trim() ? `${domain.code.trim()} ` : ''}
                      {domain.title || '(untitled domain)'}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Grade
                <select className="input" value={printLevel} onChange={(e) => setPrintLevel(e.target.value)} data-testid="print-level">
                  <option value="">All grades</option>
                  {printLevels.map((l) => (
                    <option key={l} value={l}>
                      {levelName(l)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="pub-check">
                <input type="checkbox" checked={onlySelected && selected.length > 0} disabled={selected.length === 0} onChange={(e) => setOnlySelected(e.target.checked)} data-testid="print-selected" /> Only the{' '}
                {selected.length > 0 ? `${selected.length} ` : ''}selected
              </label>
            </div>
            <label className="pub-check">
              <input type="checkbox" checked={printPicture && !printPartial} disabled={printPartial || total === 0} onChange={(e) => setPrintPicture(e.target.checked)} data-testid="print-picture" /> A picture of the whole map
              first{total > SUMMARY_FROM ? ' (too small to read at this size)' : ''}
            </label>
            <div className={printCount === 0 && total > 0 ? 'pub-error' : 'field-hint'} data-testid="print-count" aria-live="polite">
              {total === 0
                ? 'This framework has no competencies yet.'
                : printCount === 0
                  ? 'No competency matches: choose another domain or grade.'
                  : `${printCount.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} competencies${printPartial ? '' : ' (the whole map)'}${layout === 'full' && printCount > SUMMARY_FROM ? ' — in full that is hundreds of pages: the summary, or one domain or grade, prints far fewer' : ''}.`}
            </div>
          </>
        )}
      </div>
      {def.gated && errors.length > 0 && (
        <div className="pub-error" role="alert" data-testid="export-blocked">
          <b>
            This framework has {errors.length} validation error{errors.length === 1 ? '' : 's'}
          </b>
          ; systems importing a {def.label} may reject or misread it. Fix them first (Problems panel), or export anyway.
          <FindingList title="Errors" tone="error" items={errors.map((d) => d.message)} open={errors.length <= 5} />
          <label className="pub-inline">
            <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.target.checked)} data-testid="export-anyway" /> Export anyway
          </label>
        </div>
      )}
      {busy && <Busy>{busy}</Busy>}
      {error && (
        <div className="pub-error" role="alert">
          {error}
        </div>
      )}
      <div className="pub-foot">
        {def.gated && errors.length > 0 && (
          <button
            className="btn"
            onClick={() => {
              store.setSession({ panel: 'problems' });
              close();
            }}
          >
            <Icon name="warning" /> Show problems
          </button>
        )}
        <span className="pub-spacer" />
        <button className="btn" onClick={close}>
          Cancel
        </button>
        <button className="btn btn-primary" disabled={blocked || !!busy || !!uriProblem || !!canvasProblem || (format === 'canvas' && !!canvasPreviousMismatch) || (format === 'html' && total > 0 && printCount === 0)} onClick={() => void run()} data-testid="export-run">
          {format === 'html' ? 'Preview…' : 'Export…'}
        </button>
      </div>
    </Modal>
  );
}
