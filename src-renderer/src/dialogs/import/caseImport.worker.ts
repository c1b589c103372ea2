/// <reference lib="webworker" />
// The CASE import Web Worker: parses and maps a package off the UI thread (see caseImport.ts).
import { runCaseImport, type CaseImportReply } from './caseImport';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<{ id: number; text: string; name: string }>) => {
  const { id, text, name } = e.data;
  const post = (r: CaseImportReply) => scope.postMessage(r);
  let result: Extract<CaseImportReply, { type: 'done' }>['result'];
  try {
    result = runCaseImport(text, name, (stage) => post({ type: 'progress', id, stage }));
  } catch (err) {
    result = { ok: false, error: { code: 'import-failed', message: `Reading the package failed: ${(err as Error).message}` } };
  }
  post({ type: 'done', id, result });
};
