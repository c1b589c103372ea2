// Electron main entry: one app instance, secure windows (one per document), the typed host API.
import { app } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSettingsStore } from '../services/settingsStore';
import { DesktopApp } from './desktopApp';

const here = import.meta.dirname;

if (!app.requestSingleInstanceLock()) {
  // Another instance is running: it receives our command line (`second-instance`) and opens the files.
  app.quit();
} else {
  // Windows groups taskbar buttons and jump lists by this id (the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId('org.progressions.desktop');
  const desktop = new DesktopApp({
    location: {
      indexUrl: pathToFileURL(join(here, '../renderer/index.html')).href,
      devServerUrl: !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined,
    },
    preloadPath: join(here, '../preload/preload.cjs'),
    userDataDir: app.getPath('userData'),
    settings: createSettingsStore({ onProblem: (m) => console.warn(`[settings] ${m}`) }),
    isDev: !app.isPackaged,
    iconPath: join(app.getAppPath(), 'resources/icons/png/512x512.png'),
  });
  desktop.install();
  void app.whenReady().then(() => desktop.start(process.argv, process.cwd()));
}
