import { enableMapSet, enablePatches, isDraft, original, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Framework } from '../model/types';
import type { Problem } from '../result';

enablePatches();
// The links and alignments records are Maps in memory (model/types.ts).
enableMapSet();

/**
 * A named edit of the framework: an immer recipe. `run` mutates the draft, or returns a Problem to
 * refuse the edit — in which case nothing changes (the draft is thrown away).
 */
export interface Command {
  /** Stable machine name, e.g. `linkPrerequisite`. */
  readonly name: string;
  /** What the user sees in Undo/Redo, e.g. `link 3.NF.A.1 → 3.NF.A.2`. May be refined by `describe`. */
  readonly label: string;
  run(draft: Framework): Problem | void;
  /** Optional: a label computed from the document before the edit (e.g. using competency codes). */
  describe?(before: Framework): string;
}

export type CommandOutcome =
  | { ok: true; framework: Framework; patches: Patch[]; inversePatches: Patch[]; label: string }
  | { ok: false; error: Problem };

/**
 * Runs a command with `produceWithPatches`. The framework's `lastChangeDateTime` is bumped with every
 * edit that changes something (it is part of the patches, so undo restores it). A command that
 * returns a problem changes nothing; one that makes no change returns the same document and no patches.
 */
export function applyCommand(fw: Framework, cmd: Command, now: Date = new Date()): CommandOutcome {
  let problem: Problem | undefined;
  const [produced, patches, inversePatches] = produceWithPatches(fw, (draft: Draft<Framework>) => {
    problem = cmd.run(draft as Framework) as Problem | undefined;
  });
  if (problem !== undefined) return { ok: false, error: problem };
  const label = cmd.describe ? cmd.describe(fw) : cmd.label;
  if (patches.length === 0) return { ok: true, framework: fw, patches, inversePatches, label };
  const stamp = now.toISOString();
  const framework = { ...produced, lastChangeDateTime: stamp };
  patches.push({ op: 'replace', path: ['lastChangeDateTime'], value: stamp });
  inversePatches.unshift({ op: 'replace', path: ['lastChangeDateTime'], value: fw.lastChangeDateTime });
  return { ok: true, framework, patches, inversePatches, label };
}

/** A command built from a name, a label and a recipe. */
export function command(name: string, label: string, run: (draft: Framework) => Problem | void, describe?: (before: Framework) => string): Command {
  return { name, label, run, describe };
}

/** A refusal. */
export function refuse(code: string, message: string, path?: string): Problem {
  return path ? { code, message, path } : { code, message };
}

/** True for a Problem (as returned by a refusing recipe helper). */
export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && typeof (x as Problem).code === 'string' && typeof (x as Problem).message === 'string';
}

/**
 * The framework as it was before this command, for read-only scans inside a recipe: reading every
 * entry of a draft would create a proxy per entry, which is slow on large frameworks.
 */
export function base(fw: Framework): Framework {
  return isDraft(fw) ? (original(fw) as Framework) : fw;
}
