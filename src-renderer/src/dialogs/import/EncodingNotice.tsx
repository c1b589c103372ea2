import { encodingNotice, type TextEncodingName } from '../../../../src-core/format/decodeText';

/**
 * Says how the host read the picked file when it was not UTF-8: a CSV Excel saved as "CSV (Comma
 * delimited)" was read as Windows-1252, so the user checks its accented names. Nothing for UTF-8.
 */
export function EncodingNotice({ encoding }: { encoding: TextEncodingName | undefined }) {
  const notice = encodingNotice(encoding);
  if (!notice) return null;
  return (
    <div className="pub-warn" role="note" data-testid="encoding-notice">
      <p>{notice}</p>
    </div>
  );
}
