import { applyPatches, type Patch } from 'immer';
import { applyCommand, type Command } from '../../../src-core/commands';
import type { Framework } from '../../../src-core/model/types';

/**
 * A DOM-free editor for command tests: runs commands like the app's store does and keeps an
 * undo/redo history of patches.
 */
export class TestEditor {
  undoStack: { label: string; patches: Patch[]; inverse: Patch[] }[] = [];
  redoStack: { label: string; patches: Patch[]; inverse: Patch[] }[] = [];
  lastError: string | undefined;
  constructor(public fw: Framework) {}

  run(cmd: Command): boolean {
    const r = applyCommand(this.fw, cmd, new Date('2026-01-02T03:04:05.000Z'));
    if (!r.ok) {
      this.lastError = r.error.message;
      return false;
    }
    this.lastError = undefined;
    if (r.patches.length) {
      this.fw = r.framework;
      this.undoStack.push({ label: r.label, patches: r.patches, inverse: r.inversePatches });
      this.redoStack = [];
    }
    return true;
  }
  undo(): string | undefined {
    const e = this.undoStack.pop();
    if (!e) return undefined;
    this.fw = applyPatches(this.fw, e.inverse);
    this.redoStack.push(e);
    return e.label;
  }
  redo(): string | undefined {
    const e = this.redoStack.pop();
    if (!e) return undefined;
    this.fw = applyPatches(this.fw, e.patches);
    this.undoStack.push(e);
    return e.label;
  }
}
