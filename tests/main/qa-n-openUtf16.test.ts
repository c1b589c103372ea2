import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { readFrameworkAny } from '../../src-core/formats/readAny';
import { makeServices, sampleFramework, shown, tempDir, value } from './helpers';

// A framework file saved by Windows PowerShell 5 (`>` writes UTF-16LE with a byte order mark) or Notepad's
// "Unicode" opened with `progressions validate` and in the browser, but File ▸ Open on the desktop refused it
// ("save it as UTF-8"): the desktop read its bytes as UTF-8.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());
const W = 1;

const utf16 = (text: string, le = true) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
};

describe('desktop Open of a UTF-16 framework file (qa-n)', () => {
  it('opens UTF-16 LE and BE by their byte order mark, as a framework file the window can save', async () => {
    const s = makeServices(dir);
    const text = serializeFramework(sampleFramework('Fractions — “Zoë”'));
    for (const [name, le] of [['ps5.progressions', true], ['be.json', false]] as const) {
      const p = join(dir, name);
      await fs.writeFile(p, utf16(text, le));
      const doc = value(await shown(s.docs, W + (le ? 0 : 1), await s.docs.openPath(W + (le ? 0 : 1), p)));
      expect(doc.text).toBe(text);
      expect(doc.docToken).not.toBeNull();
      const loaded = loadFrameworkText(doc.text);
      expect(loaded.ok && loaded.value.framework.title).toBe('Fractions — “Zoë”');
    }
  });

  it('saving it back is no "changed by another program" conflict, and writes UTF-8', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'ps5.progressions');
    await fs.writeFile(p, utf16(serializeFramework(sampleFramework('Fractions'))));
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    const next = serializeFramework(sampleFramework('Fractions v2'));
    expect(value(await s.docs.save(W, { docToken: doc.docToken!, text: next })).name).toBe('ps5.progressions');
    expect(readFileSync(p, 'utf8')).toBe(next);
  });

  it('a CASE package in UTF-16 opens to be imported', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'case16.json');
    await fs.writeFile(p, utf16(readFileSync(join(import.meta.dirname, '../fixtures/case/sample.case-1.1.json'), 'utf8')));
    const doc = value(await s.docs.openPath(W, p));
    expect(readFrameworkAny(doc.text).ok).toBe(true);
  });

  it('UTF-16 without the mark opens where its zero bytes leave no doubt, as a framework file the window can save (qa-r)', async () => {
    const s = makeServices(dir);
    const text = serializeFramework(sampleFramework('Fractions — “Zoë”'));
    for (const [name, le] of [['nobom-le.json', true], ['nobom-be.progressions', false]] as const) {
      const p = join(dir, name);
      await fs.writeFile(p, utf16(text, le).subarray(2));
      const w = W + (le ? 0 : 1);
      const doc = value(await shown(s.docs, w, await s.docs.openPath(w, p)));
      expect(doc.text).toBe(text);
      expect(doc.docToken).not.toBeNull();
      // the stamp reads the file the same way: saving back is no conflict, and writes UTF-8
      const next = serializeFramework(sampleFramework('Fractions v2'));
      expect(value(await s.docs.save(w, { docToken: doc.docToken!, text: next })).name).toBe(name);
      expect(readFileSync(p, 'utf8')).toBe(next);
    }
  });

  it('UTF-16 without the mark that is not unambiguous (a stray byte at the end) is refused with what to do', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'nobom.json');
    await fs.writeFile(p, Buffer.concat([Buffer.from(serializeFramework(sampleFramework()), 'utf16le'), Buffer.from([0x0a])]));
    const doc = value(await s.docs.openPath(W, p));
    const r = loadFrameworkText(doc.text);
    expect(!r.ok && r.error.message).toMatch(/saved as UTF-16 \("Unicode"\), not as UTF-8: save it as UTF-8/);
  });
});
