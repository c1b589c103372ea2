import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocToken, HostApi } from '../../src-core/host/contract';
import { fsAccessPage } from './helpers/fsAccessPage';

/** A file the File System Access picker hands over (read only here). */
function pickedFile(name: string, text: string): FileSystemFileHandle {
  const handle = {
    kind: 'file',
    name,
    async getFile() {
      return { name, size: text.length, lastModified: 1_000, arrayBuffer: async () => new TextEncoder().encode(text).buffer } as unknown as File;
    },
    isSameEntry: async (o: unknown) => o === handle,
  } as unknown as FileSystemFileHandle;
  return handle;
}

async function open(host: HostApi): Promise<DocToken> {
  const r = await host.openFile();
  if (!r.ok || !r.value?.docToken) throw new Error('nothing opened');
  return r.value.docToken;
}

const names = async (host: HostApi) => (await host.listRecent()).map((r) => r.name);

describe('browser build: Open Recent lists what the page opened, as the desktop does', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a file joins the list once the page shows it, not when it is read', async () => {
    const host = fsAccessPage([pickedFile('fractions.json', '{}')]);
    const token = await open(host);
    expect(await names(host)).toEqual([]);
    await host.setDocument({ docToken: token, name: 'fractions.json' });
    expect(await names(host)).toEqual(['fractions.json']);
    // shown again (a rename, a reload): still one entry
    await host.setDocument({ docToken: token, name: 'fractions.json' });
    expect(await names(host)).toEqual(['fractions.json']);
  });

  it('a file the page refused (broken inside, or the user kept their changes) is not listed', async () => {
    const host = fsAccessPage([pickedFile('broken.json', '{ "competencies": '), pickedFile('fine.json', '{}')]);
    const broken = await open(host);
    await host.openHandled({ token: broken, outcome: 'refused' });
    const fine = await open(host);
    await host.setDocument({ docToken: fine, name: 'fine.json' });
    expect(await names(host)).toEqual(['fine.json']);
    // the refused file's token shown later by mistake does not list it either: it was answered
    await host.setDocument({ docToken: broken, name: 'broken.json' });
    expect(await names(host)).toEqual(['fine.json']);
  });

  it('a CASE package the page imported is listed (reopening it imports it again)', async () => {
    const host = fsAccessPage([pickedFile('sbac-math.json', '{"CFDocument":{}}')]);
    const token = await open(host);
    await host.openHandled({ token, outcome: 'imported' });
    expect(await names(host)).toEqual(['sbac-math.json']);
  });
});
