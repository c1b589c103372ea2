import { useEffect } from 'react';
import type { HostApi, HostSettings } from '../../../src-core/host/contract';
import { Canvas } from '../canvas/Canvas';
import { ConfirmDialogHost } from '../dialogs/confirm';
import { followDocument, linkProgressHistory } from '../features/learners/learnersStore';
import { LockBadge } from '../features/lock/LockBadge';
import type { EditorStore } from '../store/editorStore';
import { EditorContext, useEditor } from '../store/useEditor';
import { ErrorBoundary } from './ErrorBoundary';
import { HelpOverlay } from './HelpOverlay';
import { Notices } from './Notices';
import { RecoveryOffer } from './RecoveryOffer';
import { SaveConflictDialog } from './saveConflict';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { useDocumentSync } from './useDocumentSync';
import { useKeyboard } from './useKeyboard';

function Shell({ store, host, settings }: { store: EditorStore; host: HostApi; settings: HostSettings }) {
  useKeyboard(store, host);
  useDocumentSync(store, host, settings.autosaveSeconds);
  useEffect(() => followDocument(store), [store]);
  useEffect(() => linkProgressHistory(store), [store]);
  const lanes = useEditor((s) => s.session.laneOrientation);
  const theme = useEditor((s) => s.session.theme);
  useEffect(() => {
    void host.setSettings({ laneOrientation: lanes, theme });
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [lanes, theme, host]);
  return (
    <div className="app">
      <Toolbar host={host} />
      <div className="workspace">
        <main className="canvas-area">
          <ErrorBoundary what="the canvas">
            <Canvas colorMode={theme} showMinimap={settings.showMinimap} />
          </ErrorBoundary>
          <LockBadge />
          <Notices />
        </main>
        <SidePanel host={host} />
      </div>
      <HelpOverlay mac={host.platform === 'mac'} browser={host.kind === 'browser'} />
      <RecoveryOffer host={host} />
      <SaveConflictDialog />
      <ConfirmDialogHost />
    </div>
  );
}

/** The editor window. */
export function App({ store, host, settings }: { store: EditorStore; host: HostApi; settings: HostSettings }) {
  return (
    <EditorContext.Provider value={store}>
      <Shell store={store} host={host} settings={settings} />
    </EditorContext.Provider>
  );
}
