import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File names the app opens when the OS or the command line hands them over. */
export function isDocumentPath(path: string): boolean {
  return /\.(progressions|json)$/i.test(path);
}

/**
 * The documents named on a command line (first start or a second instance): every argument that is
 * not a switch and names a `.progressions` or `.json` file, resolved against `cwd`; `file://` URLs
 * (some Linux launchers pass `%U`) are turned into paths. The executable (and, when running from
 * source, the app folder) come first and are skipped.
 */
export function documentsFromArgv(argv: readonly string[], cwd: string, isPackaged: boolean): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  const out: string[] = [];
  for (const arg of args) {
    if (!arg || arg.startsWith('-')) continue;
    let path = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        path = fileURLToPath(arg);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue;
    if (!isDocumentPath(path)) continue;
    const abs = isAbsolute(path) ? path : resolve(cwd, path);
    if (!out.includes(abs)) out.push(abs);
  }
  return out;
}
