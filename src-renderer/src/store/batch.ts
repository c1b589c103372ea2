import { command, type Command } from '../../../src-core/commands';

/**
 * Several commands as one undo step (e.g. "move 5 competencies to a domain", "delete the selection").
 * Runs each recipe on the same draft in order; the first refusal refuses the whole batch, so a batch
 * either applies completely or changes nothing.
 */
export function batch(label: string, commands: readonly Command[]): Command {
  return command('batch', label, (draft) => {
    for (const c of commands) {
      const problem = c.run(draft);
      if (problem) return problem;
    }
  });
}
