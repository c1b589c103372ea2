/**
 * Shows a failed recovery-journal write once per document, not on every autosave tick: the next
 * failure is shown again only after a write succeeded (or for another document). `hide` takes back
 * what was shown once writes succeed again.
 */
export function journalFailureReports(show: (message: string) => void, hide: (message: string) => void = () => undefined) {
  let reported: { docKey: string; message: string } | null = null;
  return {
    /** A write of document `docKey` failed with `message`. */
    failed(docKey: string, message: string): void {
      if (reported?.docKey === docKey) return;
      reported = { docKey, message };
      show(message);
    },
    /** A write succeeded: unsaved changes are kept again. */
    succeeded(): void {
      if (reported) hide(reported.message);
      reported = null;
    },
  };
}
