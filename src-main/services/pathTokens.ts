import { randomUUID } from 'node:crypto';

/**
 * What a granted path may be used for. `source`: a file read for the page that it may import but never
 * save to (a CASE package opened as a document); the token only lets it say what it did with the file.
 * `recent`: an entry of Open Recent, good only for opening it (the open grants a `document` token if it is
 * a framework file), never for saving or for claiming the file as the window's document.
 */
export type PathPurpose = 'document' | 'import' | 'export' | 'source' | 'recent';

interface Grant {
  owner: number;
  path: string;
  purpose: PathPurpose;
}

/**
 * Path capabilities: the renderer never names a file. Main grants an opaque token for a path the
 * user chose (a dialog, the command line, the OS, the recent list, a drop that main checked), and
 * later resolves the token back to the path — only for the window it was granted to and only for
 * the purpose it was granted for. An unknown, foreign or wrong-purpose token resolves to nothing.
 */
export class PathTokens {
  readonly #grants = new Map<string, Grant>();
  readonly #newToken: () => string;

  constructor(newToken: () => string = randomUUID) {
    this.#newToken = newToken;
  }

  /** Grants `owner` (a window / web contents id) a token for `path`. */
  grant(owner: number, path: string, purpose: PathPurpose): string {
    const token = this.#newToken();
    this.#grants.set(token, { owner, path, purpose });
    return token;
  }

  /** The path behind a token, when `owner` holds it for `purpose`; otherwise undefined. */
  resolve(owner: number, token: unknown, purpose: PathPurpose): string | undefined {
    if (typeof token !== 'string') return undefined;
    const g = this.#grants.get(token);
    return g && g.owner === owner && g.purpose === purpose ? g.path : undefined;
  }

  revoke(token: string): void {
    this.#grants.delete(token);
  }

  /** Forgets every token of a closed window. */
  revokeOwner(owner: number): void {
    for (const [t, g] of this.#grants) if (g.owner === owner) this.#grants.delete(t);
  }
}
