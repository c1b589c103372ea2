import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, OpenedDocument } from '../../src-core/host/contract';
import { createBrowserHost } from '../../src-renderer/src/host/browserHost';
import { memoryJournalStore } from '../../src-renderer/src/host/journalStorage';
import { memoryStorage } from './helpers/journalFixtures';

/** `text` in Windows-1252, the code page of Excel's "CSV (Comma delimited)" (the characters used here). */
function cp1252(text: string): Uint8Array<ArrayBuffer> {
  const map: Record<string, number> = { ë: 0xeb, ú: 0xfa, ñ: 0xf1, é: 0xe9, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

/**
 * A browser page whose file input answers with `picked` (a real File, as the browser builds it) and whose
 * drops the test drives (a `window.alert` is recorded: the page must not use it).
 */
function browserPage(picked: () => File) {
  vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
  const handlers = new Map<string, (e: unknown) => void>();
  const alerts: string[] = [];
  // the file input pickWithInput adds to the page: its click "chooses" the file
  vi.stubGlobal('document', {
    createElement: () => {
      const on = new Map<string, () => void>();
      const input = {
        style: {},
        setAttribute: () => undefined,
        addEventListener: (t: string, l: () => void) => void on.set(t, l),
        remove: () => undefined,
        files: null as File[] | null,
        click: () => {
          input.files = [picked()];
          on.get('change')!();
        },
      };
      return input;
    },
    body: { append: () => undefined },
  });
  const win = {
    localStorage: memoryStorage(),
    crypto: { randomUUID: () => 'page' },
    setInterval: () => 0,
    clearInterval: () => undefined,
    addEventListener: (t: string, l: (e: unknown) => void) => void handlers.set(t, l),
    alert: (m: string) => void alerts.push(m),
    document: { title: '' },
  } as unknown as Window;
  const host: HostApi = createBrowserHost(win, { journal: memoryJournalStore(), recent: { load: async () => [], save: async () => undefined } });
  const drop = (file: File) => handlers.get('drop')!({ dataTransfer: { files: [file] }, preventDefault: () => undefined });
  return { host, drop, alerts };
}

describe('browser build: the encoding of files read from the disk', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a progress CSV saved by Excel as "CSV (Comma delimited)" is read as Windows-1252, names intact, and says so', async () => {
    const { host } = browserPage(() => new File([cp1252('learner,name\r\nzoe,Zoë Núñez\r\n')], 'class.csv', { type: 'text/csv' }));
    expect(await host.pickImport({ accept: ['csv', 'json'] })).toEqual({ ok: true, value: { name: 'class.csv', text: 'learner,name\r\nzoe,Zoë Núñez\r\n', encoding: 'windows-1252' } });
  });

  it('a UTF-8 CSV (with Excel\'s byte order mark) is UTF-8', async () => {
    const { host } = browserPage(() => new File(['\ufeffcode,statement\nA.1,“Zoë” – é\n'], 'standards.csv'));
    expect(await host.pickImport({ accept: ['csv'] })).toEqual({ ok: true, value: { name: 'standards.csv', text: 'code,statement\nA.1,“Zoë” – é\n', encoding: 'utf-8-bom' } });
  });

  it('a CASE package (JSON) that is not UTF-8 is refused for import, with where', async () => {
    const { host } = browserPage(() => new File([cp1252('{"CFDocument": {"title": "Mathématiques"}}')], 'case.json'));
    const r = await host.pickImport({ accept: ['json'] });
    expect(!r.ok && r.error.message).toMatch(/^case\.json: line 1, column 31 \(.*\): this file is not UTF-8 text.*CASE packages are UTF-8/);
  });

  it('a framework file dropped on the page must be UTF-8: one in the Windows code page is refused, saying where; a UTF-8 one opens', async () => {
    const { host, drop, alerts } = browserPage(() => new File([], 'x'));
    const opened: OpenedDocument[] = [];
    const failed: { name: string; message: string }[] = [];
    host.on('file:openRequested', (d) => void opened.push(d));
    host.on('file:openFailed', (f) => void failed.push(f));
    drop(new File([cp1252('{"format": "progressions-framework", "title": "Zoë"}')], 'plan.json'));
    // said in the page (its banner), not in the browser's message box
    await vi.waitFor(() => expect(failed).toHaveLength(1));
    expect(failed[0]!.name).toBe('plan.json');
    expect(failed[0]!.message).toMatch(/^plan\.json: line 1, column 50 .*not UTF-8 text/);
    expect(alerts).toEqual([]);
    expect(opened).toEqual([]);
    drop(new File(['{"title": "Zoë"}'], 'good.json'));
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toEqual({ text: '{"title": "Zoë"}', name: 'good.json', docToken: null });
  });
});
