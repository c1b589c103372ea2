import { BrowserWindow, dialog } from 'electron';
import type { Dialogs } from '../services/documents';

/** The services' dialogs, as Electron's native ones attached to the asking window. */
export function electronDialogs(windowOf: (owner: number) => BrowserWindow | undefined): Dialogs {
  return {
    async chooseOpenFile(owner, { title, filters }) {
      const win = windowOf(owner);
      const options = { title, filters, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    async chooseSaveFile(owner, { title, defaultName, filters }) {
      const win = windowOf(owner);
      const options = { title, defaultPath: defaultName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? undefined : r.filePath;
    },
  };
}

/**
 * The page asked to stay open (its `beforeunload`: learner progress changed and not saved — it is kept
 * apart from the framework, so the framework's close guard does not know of it) → true to leave anyway.
 * Synchronous, as Electron's `will-prevent-unload` must be answered before it returns.
 */
export function askLeaveUnsavedProgress(win: BrowserWindow): boolean {
  const r = dialog.showMessageBoxSync(win, {
    type: 'warning',
    buttons: ['Leave', 'Stay'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: 'Leave without saving the learner progress?',
    detail: 'Progress recorded since it was imported or saved is not in the framework file. Stay, then use Learners ▸ Save progress… (or Export CSV…) to keep it.',
  });
  return r === 0;
}

/** "Do you want to save the changes…?" → which button. */
export async function askUnsaved(win: BrowserWindow, documentName: string): Promise<'save' | 'discard' | 'cancel'> {
  const r = await dialog.showMessageBox(win, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes you made to "${documentName}"?`,
    detail: "Your changes will be lost if you don't save them.",
  });
  return r.response === 0 ? 'save' : r.response === 1 ? 'discard' : 'cancel';
}
