import { isUuid } from '../model/ids';
import { fail, ok, type Result } from '../result';
import type { CaseVersion } from './types';
import { isAbsoluteUri } from './uri';

export interface CasePackageUrl {
  /** The URL to GET: `…/ims/case/v1p0|v1p1/CFPackages/{documentId}`. */
  url: string;
  /** The CASE version of the endpoint. */
  version: CaseVersion;
  documentId: string;
}

const PATH = /^(.*\/ims\/case\/(v1p0|v1p1))\/(CFPackages|CFDocuments|CFItems|CFAssociations)\/([^/?#]+)\/?$/i;
/**
 * OpenSALT's public URI of a framework, `https://host/uri/{document id}` (optionally `.json`): the `uri`
 * its packages give their CFDocument, and what its pages show as the framework's URI. Its CASE API sits
 * at `https://host/ims/case/v1p0/…` on the same host.
 */
const OPENSALT_URI = /^(https?:\/\/[^/?#]+)\/uri\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\.json)?\/?$/i;

/**
 * Understands what a user pastes to import from a CASE server: the package URL itself
 * (`https://host/ims/case/v1p1/CFPackages/{id}`), the URL of its document (`…/CFDocuments/{id}`,
 * turned into the package URL), or an OpenSALT framework URI (`https://host/uri/{id}`, turned into
 * `https://host/ims/case/v1p0/CFPackages/{id}`). Refuses anything else with a message saying what is expected. Only
 * http(s), parsed without DOM or Node APIs; the caller fetches (and reports "offline" / HTTP errors).
 */
export function casePackageUrl(input: string): Result<CasePackageUrl> {
  const s = input.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme === undefined || !isAbsoluteUri(s)) {
    return fail('bad-url', `"${s.slice(0, 200)}" is not a web address. Paste the CASE package URL, e.g. https://case.example.org/ims/case/v1p1/CFPackages/<document id>.`);
  }
  if (scheme !== 'https' && scheme !== 'http') {
    return fail('bad-url', `Only http(s) CASE servers are supported (found ${scheme}:).`);
  }
  const q = s.search(/[?#]/);
  const path = q < 0 ? s : s.slice(0, q);
  const search = q < 0 || s[q] === '#' ? '' : s.slice(q).replace(/#.*$/, '');
  const m = PATH.exec(path);
  if (!m) {
    const o = OPENSALT_URI.exec(path);
    if (o) {
      const documentId = o[2]!.toLowerCase();
      return ok({ url: `${o[1]}/ims/case/v1p0/CFPackages/${documentId}${search}`, version: '1.0', documentId });
    }
    return fail(
      'not-case-url',
      'This is not a CASE package address: expected …/ims/case/v1p0/CFPackages/<document id> or …/ims/case/v1p1/CFPackages/<document id> (or an OpenSALT framework URI, https://<server>/uri/<document id>).',
    );
  }
  const [, base, ver, kind, rawId] = m;
  if (kind!.toLowerCase() === 'cfitems' || kind!.toLowerCase() === 'cfassociations') {
    return fail('not-case-url', `This address is one ${kind!.slice(2, -1).toLowerCase()} of a framework; paste the framework's CFPackages (or CFDocuments) address instead.`);
  }
  let documentId = rawId!;
  try {
    documentId = decodeURIComponent(rawId!);
  } catch {
    /* keep it as written */
  }
  const version: CaseVersion = ver!.toLowerCase() === 'v1p1' ? '1.1' : '1.0';
  return ok({ url: `${base}/CFPackages/${rawId}${search}`, version, documentId: isUuid(documentId) ? documentId.toLowerCase() : documentId });
}
