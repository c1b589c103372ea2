import { describe, expect, it } from 'vitest';
import { dataUrlBase64 } from '../../src-renderer/src/dialogs/export/exportFormats';
import { base64Bytes } from '../../src-renderer/src/host/browserHost';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
const B64 = Buffer.from(PNG).toString('base64');

describe('PNG export travels as base64 text', () => {
  it('takes the bytes of a data URL as base64, and refuses a URL-encoded one', () => {
    expect(dataUrlBase64(`data:image/png;base64,${B64}`)).toBe(B64);
    expect(() => dataUrlBase64('data:image/svg+xml;charset=utf-8,%3Csvg')).toThrow(/not a base64 data URL/);
  });

  it('the browser host turns it back into the exact bytes (the Blob it saves)', () => {
    expect(base64Bytes(B64)).toEqual(PNG);
  });

  it('the memory host records the encoding and refuses text that is not base64', async () => {
    const host = createMemoryHost();
    expect(await host.saveExport({ suggestedName: 'map.png', content: B64, encoding: 'base64', mimeType: 'image/png' })).toEqual({ ok: true, value: { name: 'map.png' } });
    expect(host.exports).toEqual([{ name: 'map.png', text: B64, mimeType: 'image/png', encoding: 'base64' }]);
    expect((await host.saveExport({ suggestedName: 'x.png', content: 'not base64!', encoding: 'base64', mimeType: 'image/png' })).ok).toBe(false);
    expect(host.exports).toHaveLength(1);
  });
});
