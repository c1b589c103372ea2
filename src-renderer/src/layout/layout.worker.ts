/// <reference lib="webworker" />
// The layout Web Worker: runs src-core's layered layout off the UI thread (protocol in src-core/layout/protocol.ts).
import { createLayoutWorkerHandler, type LayoutReply } from '../../../src-core/layout';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handler = createLayoutWorkerHandler((reply: LayoutReply) => scope.postMessage(reply));
let scheduled = false;

scope.onmessage = (e: MessageEvent<unknown>) => {
  handler.receive(e.data);
  // Run after the current message burst, so a cancel or a newer request posted right after is seen first.
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      handler.runPending();
    }, 0);
  }
};
