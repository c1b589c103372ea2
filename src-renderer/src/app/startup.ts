import { readUtf8Text } from '../../../src-core/format/decodeText';
import type { EditorStore } from '../store/editorStore';
import { loadText, openHanded } from './documents';

// The bundled example (resources/examples/grade3-5-fractions.json); absent until it exists → empty framework.
const examples = import.meta.glob<string>('../../../resources/examples/grade3-5-fractions.json', { query: '?raw', import: 'default', eager: true });
const exampleText: string | undefined = Object.values(examples)[0];

/** The file name part of a URL path. */
function fileNameOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? 'framework.json');
}

/** `?open=` hands over no token: there is nothing to tell a host about what became of the file. */
const host = { openHandled: async () => undefined };

/**
 * What the window shows first: `?open=<same-origin url>` loads that framework (districts host a
 * published framework beside the viewer) or imports that CASE package as a new framework (a state's
 * published package, with its import report); otherwise the bundled example.
 */
export async function startup(store: EditorStore, location: Location = window.location): Promise<void> {
  const open = new URLSearchParams(location.search).get('open');
  if (open) {
    let url: URL;
    try {
      url = new URL(open, location.href);
    } catch {
      store.setSession({ banner: { text: `Could not open “${open}”: not a valid address.` } });
      return;
    }
    if (url.origin !== location.origin) {
      store.setSession({ banner: { text: `Could not open ${url.href}: only frameworks and CASE packages on this site (${location.origin}) can be opened by address.` } });
      return;
    }
    try {
      const res = await fetch(url.href);
      if (!res.ok) {
        store.setSession({ banner: { text: `Could not open ${fileNameOf(url)}: the server answered ${res.status} ${res.statusText}.` } });
        return;
      }
      // read as Open… reads a file (UTF-8, or UTF-16 by its byte order mark; anything else refused with where)
      const read = readUtf8Text(new Uint8Array(await res.arrayBuffer()), fileNameOf(url));
      if (!read.ok) {
        store.setSession({ banner: { text: `Could not open ${read.error.message}` } });
        return;
      }
      // a framework file opens as that document; a CASE package is imported as a new framework (not saved yet)
      await openHanded(store, host, { text: read.value, name: fileNameOf(url), docToken: null });
    } catch (e) {
      store.setSession({ banner: { text: `Could not open ${fileNameOf(url)}: ${(e as Error).message}` } });
    }
    return;
  }
  if (exampleText) loadText(store, exampleText, 'grade3-5-fractions.json', null);
}
