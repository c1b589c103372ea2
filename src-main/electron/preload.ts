// Preload: exposes the typed host API (window.host) and nothing else.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('host', { kind: 'electron' });
