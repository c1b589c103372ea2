import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { HostApi } from '../../../src-core/host/contract';
import { ALIGN_LABELS, type AlignMode } from '../canvas/align/align';
import { alignSelection, createCompetency } from '../canvas/actions';
import { SearchBox } from '../canvas/search/SearchBox';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { cancelAutoLayout } from '../layout/autoLayout';
import { runAppCommand } from './appCommands';
import { PublishButtons } from '../dialogs/PublishButtons';
import { OpenRecent } from '../features/recent/OpenRecent';
import { openDialog } from '../dialogs/dialogState';
import { useMenu } from '../ui/useMenu';
import type { IconName } from '../ui/Icon';

function Sep() {
  return <span className="tb-sep" aria-hidden />;
}

/**
 * The word shown under an icon-only button on a touch screen (styles: `.tb-touch-label`), where no tooltip
 * ever shows. The button's accessible name (aria-label) stays as it was and begins with this word.
 */
function TouchLabel({ children }: { children: string }) {
  return <span className="tb-touch-label">{children}</span>;
}

interface MoreItem {
  label: string;
  icon: IconName;
  run: () => void;
  disabled?: boolean;
  /** a toggle (Focus): a menuitemcheckbox */
  checked?: boolean;
  /**
   * which toolbar buttons it stands for: `tb-overflow-1` leave the toolbar first as a touch screen narrows, then
   * `tb-overflow-2`; `tb-overflow-3` (Redo) only where the title would otherwise shrink below a few characters
   */
  overflow: 1 | 2 | 3;
}

/**
 * "More" where the toolbar is too narrow for every button: on a touch screen the labelled buttons a media query
 * took out of the toolbar, and with a mouse or a finger those `useToolbarFit` took out, with their names. Hidden
 * (not a Tab stop) where the buttons all fit.
 */
function MoreMenu({ items }: { items: MoreItem[] }) {
  const { open, close, buttonRef, listRef, onKeyDown, onBlur, onButtonClick } = useMenu();
  return (
    <div className="tb-more" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button type="button" ref={buttonRef} className="tb-btn" aria-haspopup="menu" aria-expanded={open} onClick={onButtonClick} aria-label="More" title="More: the buttons the toolbar has no room for" data-testid="toolbar-more">
        <Icon name="more" />
        <span className="tb-touch-label">More</span>
      </button>
      {open && (
        <ul className="recent-list tb-more-list" role="menu" aria-label="More" ref={listRef}>
          {items.map((it) => (
            <li key={it.label} role="none" className={`tb-overflow-${it.overflow}`}>
              <button
                type="button"
                role={it.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={it.checked}
                disabled={it.disabled}
                onClick={() => {
                  close();
                  it.run();
                }}
              >
                <Icon name={it.icon} />
                <span>{it.label}</span>
                {it.checked && <Icon name="check" />}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The title block's least width (icon and about 80 px of title) before the toolbar gives buttons to More. */
const MIN_BRAND = 112;
/**
 * The framework title's least width once the lesser-used buttons are in More: three or four characters and an
 * ellipsis ("Scie…"; its full text is the heading's accessible name and tooltip). Below it Redo moves into More
 * and the logo goes (`data-fit` 3), where the title block keeps this width whatever else shows (styles).
 */
const MIN_TITLE = 40;

/**
 * The search field's least width: six or seven characters of a code ("SCI.4.2a"). Where, with the buttons fitted,
 * it would be narrower (28 px, one or two characters, on a touch Chromebook at 1024 px and 150 % with Open Recent,
 * Align…, Focus's depth and a running auto-layout's Cancel showing) the toolbar shows a Search button in its place
 * (`data-search="button"`, `ToolbarSearch`). Above 800 px the field never gets narrower than 56 px (styles), so a
 * laptop's toolbar keeps its field.
 */
const MIN_SEARCH = 48;

/** The levels of `data-fit`: 0 every button on the toolbar, 1 and 2 `tb-overflow-1` and `-2` in More, 3 Redo too. */
const FIT_LEVELS = 3;

const rendered = (e: Element) => e.getClientRects().length > 0;

/**
 * Fits the toolbar to its width, with a mouse as with a finger: where the buttons shown do not fit in one row
 * beside a readable title (the widest toolbar — Open Recent, Align…, Focus's depth field and a running
 * auto-layout's Cancel — overflowed at many widths, Help and Theme pushed off screen), `data-fit` takes the
 * `tb-overflow-1` buttons into More, then the `tb-overflow-2` ones (styles: `.toolbar[data-fit]`); where the
 * framework's title is still narrower than `MIN_TITLE` (a touch Chromebook at 1024 px and 150 %, 683 px, squeezed
 * it to nothing), Redo (`tb-overflow-3`) moves into More too and the logo gives the title its room. Where the search
 * field is then still narrower than `MIN_SEARCH`, a Search button takes its place (`data-search="button"`) and the
 * steps are measured again with it (the button is narrower than the field was: the title may get its logo back).
 * Measured again when the window's width or the toolbar's buttons change; no layout is painted in between.
 *
 * Where More goes away (the toolbar has room again) while it or its menu has the keyboard focus, the focus
 * moves to the button that came back for the menu item focused, else to the first button that came back out
 * of More (else Help), so a keyboard or screen reader user is not left on the page's body.
 */
function useToolbarFit(barRef: RefObject<HTMLDivElement | null>, content: unknown[]): void {
  // the element in More (its button or a menu item) with the focus, and the item's place in the menu
  const inMore = useRef<{ el: HTMLElement; item: number } | null>(null);
  // the toolbar buttons More held at the last measure
  const held = useRef<Set<HTMLElement>>(new Set());
  // the Search button (`ToolbarSearch`) has the focus
  const onSearchButton = useRef(false);
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    // the toolbar's buttons that More can hold, in toolbar order: the order of More's items (`more` below)
    const overflowButtons = () => [...bar.querySelectorAll<HTMLButtonElement>('.tb-btn.tb-overflow-1, .tb-btn.tb-overflow-2, .tb-btn.tb-overflow-3')];
    const keepFocus = () => {
      const was = inMore.current;
      const active = document.activeElement;
      if (was && !rendered(was.el) && (active === was.el || active === document.body || active === null || !active.isConnected)) {
        inMore.current = null;
        const buttons = overflowButtons();
        const target =
          [buttons[was.item], ...buttons.filter((b) => held.current.has(b)), ...buttons].find((b) => b && rendered(b) && !b.disabled) ??
          bar.querySelector<HTMLElement>('[aria-label="Help and keyboard shortcuts"]');
        target?.focus();
      }
      held.current = new Set(overflowButtons().filter((b) => !rendered(b)));
      // the Search button gone (the field has room again) while it had the focus: the field takes it
      const searchButton = bar.querySelector<HTMLElement>('.tb-search-btn');
      if (onSearchButton.current && searchButton && !rendered(searchButton) && (active === searchButton || active === document.body || active === null)) {
        onSearchButton.current = false;
        bar.querySelector<HTMLInputElement>('#search-input')?.focus();
      }
    };
    const fit = () => {
      const brand = bar.querySelector<HTMLElement>('.tb-brand');
      const title = bar.querySelector<HTMLElement>('.tb-framework');
      const field = bar.querySelector<HTMLInputElement>('#search-input');
      for (const searchButton of [false, true]) {
        if (searchButton) bar.dataset.search = 'button';
        else delete bar.dataset.search;
        for (let level = 0; level <= FIT_LEVELS; level++) {
          bar.dataset.fit = String(level);
          if (bar.scrollWidth > bar.clientWidth) continue;
          // the lesser-used buttons go while the title block is narrower than MIN_BRAND; Redo only for a title under MIN_TITLE
          if (level < 2 ? !brand || brand.getBoundingClientRect().width >= MIN_BRAND : !title || title.getBoundingClientRect().width >= MIN_TITLE) break;
        }
        if (!field || field.getBoundingClientRect().width >= MIN_SEARCH) break;
      }
      // behind the Search button the field is no Tab stop of its own (the button, Ctrl+F and a screen reader's search landmark reach it)
      if (field) {
        if (bar.dataset.search) field.tabIndex = -1;
        else field.removeAttribute('tabindex');
      }
      keepFocus();
    };
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      const menu = el.closest('.tb-more');
      inMore.current = menu ? { el, item: [...menu.querySelectorAll('[role^="menuitem"]')].indexOf(el) } : null;
      onSearchButton.current = el.classList.contains('tb-search-btn');
    };
    // the focus leaving More for good (not More being hidden under it) forgets it
    const onFocusOut = (e: FocusEvent) => {
      const next = e.relatedTarget as HTMLElement | null;
      if (next ? !next.closest('.tb-more') : rendered(e.target as HTMLElement)) inMore.current = null;
    };
    bar.addEventListener('focusin', onFocusIn);
    bar.addEventListener('focusout', onFocusOut);
    fit();
    let width = bar.clientWidth;
    const resized = new ResizeObserver(() => {
      if (bar.clientWidth !== width) fit();
      width = bar.clientWidth;
    });
    resized.observe(bar);
    // a button that comes and goes in a group (Open Recent once there is a file to reopen, Align…, Cancel)
    const changed = new MutationObserver(fit);
    for (const el of [bar, ...bar.querySelectorAll('.tb-group')]) changed.observe(el, { childList: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
      bar.removeEventListener('focusin', onFocusIn);
      bar.removeEventListener('focusout', onFocusOut);
    };
  }, content);
}

/**
 * The toolbar's search: the field, or where `useToolbarFit` found no room for a readable one (`data-search="button"`)
 * a Search button in its place that opens the same field (the same results, Enter and a tap on a result centring the
 * match) over the whole toolbar with the focus in it. The field shows there while it has the focus (styles:
 * `.tb-search:focus-within`), so Ctrl+F opens it too; Escape or its close button takes the focus back to the button,
 * and a tap or a Tab elsewhere closes it.
 */
function ToolbarSearch({ open, shortcut }: { open: () => void; shortcut: string }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => buttonRef.current?.focus();
  return (
    <>
      <button ref={buttonRef} type="button" className="tb-btn tb-search-btn" onClick={open} aria-label="Search" title={`Search competencies by code or text (${shortcut})`}>
        <Icon name="search" />
        <span className="tb-touch-label">Search</span>
      </button>
      <div
        className="tb-search"
        onKeyDown={(e) => {
          // inline (no Search button shown) Escape leaves the field as before
          if (e.key === 'Escape' && buttonRef.current && rendered(buttonRef.current)) {
            e.preventDefault();
            close();
          }
        }}
      >
        <SearchBox />
        {/* not a Tab stop: Escape closes from the keyboard */}
        <button type="button" className="tb-btn tb-search-close" tabIndex={-1} onClick={close} aria-label="Close search" title="Close search (Esc)">
          <Icon name="close" />
          <span className="tb-touch-label">Close</span>
        </button>
      </div>
    </>
  );
}

/** The window's toolbar: document, edit, view. */
export function Toolbar({ host }: { host: HostApi }) {
  const store = useStore();
  const mac = host.platform === 'mac';
  const mod = mac ? '⌘' : 'Ctrl+';
  const title = useEditor((s) => s.doc.framework.title);
  const name = useEditor((s) => s.doc.name);
  const dirty = useEditor((s) => s.dirty);
  const undoLabel = useEditor((s) => s.undoLabel);
  const redoLabel = useEditor((s) => s.redoLabel);
  const selCount = useEditor((s) => s.session.selection.competencies.length);
  const focus = useEditor((s) => s.session.focus);
  const lanes = useEditor((s) => s.session.laneOrientation);
  const layoutRunning = useEditor((s) => s.session.layoutRunning);
  const theme = useEditor((s) => s.session.theme);
  const cmd = (c: Parameters<typeof runAppCommand>[0]) => () => runAppCommand(c, store, host);
  const themeIcon = theme === 'dark' ? 'moon' : theme === 'light' ? 'sun' : 'contrast';
  const barRef = useRef<HTMLDivElement>(null);
  useToolbarFit(barRef, [layoutRunning, lanes, theme, !!focus, selCount > 1]);
  // the buttons a narrow touch screen moves into More, in toolbar order (useToolbarFit pairs each with its button by place)
  const more: MoreItem[] = [
    { label: 'New framework', icon: 'file', run: cmd('file:new'), overflow: 1 },
    { label: 'Save as…', icon: 'copy', run: cmd('file:saveAs'), overflow: 1 },
    { label: 'Redo', icon: 'redo', run: cmd('edit:redo'), disabled: !redoLabel, overflow: 3 },
    { label: 'Duplicate', icon: 'duplicate', run: cmd('edit:duplicate'), disabled: !selCount, overflow: 1 },
    { label: 'Auto-layout', icon: 'layout', run: cmd('view:autoLayout'), disabled: layoutRunning, overflow: 2 },
    { label: `Lanes: ${lanes === 'none' ? 'off' : lanes === 'vertical' ? 'columns' : 'rows'}`, icon: lanes === 'vertical' ? 'lanesV' : 'lanesH', run: cmd('view:toggleLanes'), overflow: 1 },
    { label: 'Focus', icon: 'focus', run: cmd('view:focusMode'), checked: !!focus, overflow: 2 },
    { label: 'Import…', icon: 'import', run: () => openDialog({ kind: 'import', mode: 'case' }), overflow: 2 },
    { label: 'Export…', icon: 'export', run: () => openDialog({ kind: 'export' }), overflow: 2 },
    { label: `Theme: ${theme === 'system' ? 'follows the system' : theme}`, icon: themeIcon, run: cmd('view:toggleTheme'), overflow: 1 },
  ];

  return (
    // The page's banner landmark holds the toolbar (a toolbar role on the header itself would hide the landmark).
    <header className="app-header">
      <div className="toolbar" role="toolbar" aria-label="Main toolbar" ref={barRef}>
        <div className="tb-brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <div className="tb-title">
            {/* the page's one level-one heading: the framework's title */}
            <h1 className="tb-framework" title={title}>
              {title || 'Untitled framework'}
            </h1>
            <span className="tb-file" data-testid="doc-name">
              {name}
              {dirty && (
                <span className="dirty-dot" title="Unsaved changes" aria-label="Unsaved changes" data-testid="dirty-mark">
                  ●
                </span>
              )}
            </span>
          </div>
        </div>
        <div className="tb-group">
          <button className="tb-btn tb-overflow-1" onClick={cmd('file:new')} title="New framework" aria-label="New framework">
            <Icon name="file" />
            <TouchLabel>New</TouchLabel>
          </button>
          <button className="tb-btn" onClick={cmd('file:open')} title={`Open… (${mod}O)`} aria-label="Open">
            <Icon name="open" />
            <TouchLabel>Open</TouchLabel>
          </button>
          <OpenRecent host={host} />
          <button className="tb-btn" onClick={cmd('file:save')} title={`Save (${mod}S)`} aria-label="Save">
            <Icon name="save" />
            <TouchLabel>Save</TouchLabel>
          </button>
          <button className="tb-btn tb-text tb-overflow-1" onClick={cmd('file:saveAs')} title={`Save as… (${mod}⇧S)`}>
            <span className="tb-narrow-icon" aria-hidden>
              <Icon name="copy" />
            </span>
            <span className="tb-label">Save as…</span>
          </button>
        </div>
        <Sep />
        <div className="tb-group">
          <button className="tb-btn" onClick={cmd('edit:undo')} disabled={!undoLabel} title={undoLabel ? `Undo: ${undoLabel} (${mod}Z)` : 'Nothing to undo'} aria-label="Undo">
            <Icon name="undo" />
            <TouchLabel>Undo</TouchLabel>
          </button>
          <button className="tb-btn tb-overflow-3" onClick={cmd('edit:redo')} disabled={!redoLabel} title={redoLabel ? `Redo: ${redoLabel} (${mod}⇧Z)` : 'Nothing to redo'} aria-label="Redo">
            <Icon name="redo" />
            <TouchLabel>Redo</TouchLabel>
          </button>
        </div>
        <Sep />
        <div className="tb-group">
          <button className="btn btn-primary tb-add" onClick={() => createCompetency(store)} title="Add a competency (N)">
            <Icon name="plus" /> <span className="tb-label">Competency</span>
          </button>
          <button className="tb-btn tb-overflow-1" onClick={cmd('edit:duplicate')} disabled={!selCount} title={`Duplicate (${mod}D)`} aria-label="Duplicate">
            <Icon name="duplicate" />
            <TouchLabel>Duplicate</TouchLabel>
          </button>
          <button className="tb-btn" onClick={cmd('edit:delete')} disabled={!selCount} title="Delete (Del)" aria-label="Delete">
            <Icon name="trash" />
            <TouchLabel>Delete</TouchLabel>
          </button>
          {selCount > 1 && (
            <select
              className="tb-select"
              aria-label="Align selection"
              value=""
              onChange={(e) => {
                if (e.target.value) alignSelection(store, e.target.value as AlignMode);
                e.target.blur(); // back to the canvas keys
              }}
            >
              <option value="">Align…</option>
              {Object.entries(ALIGN_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </div>
        <Sep />
        <div className="tb-group">
          <button
            className="tb-btn tb-text tb-overflow-2"
            onClick={cmd('view:autoLayout')}
            disabled={layoutRunning}
            aria-busy={layoutRunning}
            title={layoutRunning ? 'Laying out the map… (you can keep working, or cancel)' : 'Auto-layout: prerequisites flow left to right, pinned competencies stay (L)'}
          >
            {layoutRunning ? <span className="tb-spinner" aria-hidden /> : <Icon name="layout" />} <span className="tb-label">{layoutRunning ? 'Laying out…' : 'Auto-layout'}</span>
          </button>
          {layoutRunning && (
            <button className="tb-btn tb-text tb-cancel" onClick={() => cancelAutoLayout(store)} title="Cancel the auto-layout (nothing moves)" aria-label="Cancel auto-layout" data-testid="layout-cancel">
              {/* shown where "Laying out…" has moved into More: Cancel alone would not say what runs */}
              <span className="tb-spinner" aria-hidden />
              Cancel
            </button>
          )}
          <button
            className="tb-btn tb-text tb-overflow-1"
            onClick={cmd('view:toggleLanes')}
            title="Domain lanes: horizontal, vertical or off"
            aria-label={`Lanes: ${lanes}`}
            data-testid="lanes-toggle"
          >
            <Icon name={lanes === 'vertical' ? 'lanesV' : 'lanesH'} /> <span className="tb-label">{lanes === 'none' ? 'No lanes' : lanes === 'vertical' ? 'Columns' : 'Lanes'}</span>
          </button>
          <button
            className={`tb-btn tb-text tb-overflow-2${focus ? ' is-on' : ''}`}
            onClick={cmd('view:focusMode')}
            aria-pressed={!!focus}
            title="Focus mode: the selected competency with its prerequisites and dependents (Shift+F)"
          >
            <Icon name="focus" /> <span className="tb-label">Focus</span>
          </button>
          {focus && (
            <label className="tb-depth" title="Focus depth: levels of prerequisites and dependents shown">
              <span className="tb-depth-label">Depth</span>
              <input
                type="number"
                min={1}
                max={9}
                value={focus.depth}
                aria-label="Focus depth"
                onChange={(e) => store.setSession({ focus: { ...focus, depth: Math.max(1, Math.min(9, Number(e.target.value) || 1)) } })}
              />
            </label>
          )}
        </div>
        <div className="tb-spacer" />
        <PublishButtons />
        <MoreMenu items={more} />
        <ToolbarSearch open={cmd('edit:find')} shortcut={`${mod}F`} />
        <button className="tb-btn tb-overflow-1" onClick={cmd('view:toggleTheme')} title={`Theme: ${theme === 'system' ? 'follows the system' : theme} (click to change)`} aria-label={`Theme: ${theme}`}>
          <Icon name={themeIcon} />
          <TouchLabel>Theme</TouchLabel>
        </button>
        <button className="tb-btn" onClick={cmd('help:shortcuts')} title="Help: where to start, and keyboard shortcuts (?)" aria-label="Help and keyboard shortcuts">
          <Icon name="help" />
          <TouchLabel>Help</TouchLabel>
        </button>
      </div>
    </header>
  );
}
