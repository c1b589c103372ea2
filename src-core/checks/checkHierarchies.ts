import { hierarchyCycles, parentArrayCycles } from '../graph/hierarchy';
import type { StandardsSet } from '../model/types';
import type { CheckContext } from './context';
import { standardLabel } from './coverage';
import { standardsTree } from './standardsTree';

/** `domain-cycle` and `standards-cycle`: parent links that loop back, so nothing is at the top. */
export function checkHierarchies(ctx: CheckContext, sets: readonly StandardsSet[]): void {
  const domains = ctx.fw.domains;
  const byId = new Map(domains.map((d) => [d.id as string, d]));
  for (const loop of hierarchyCycles(
    domains.map((d) => d.id),
    (id) => byId.get(id)?.parentId,
  )) {
    const names = loop.map((id) => `“${byId.get(id)!.title}”`).join(' → ');
    ctx.add('domain-cycle', 'domain', loop.slice(0, -1), `Domains are nested in a loop: ${names} (each is placed inside the next). Move one of them to the top level.`);
  }
  for (const set of sets) {
    const tree = standardsTree(set, ctx.trees);
    for (const loop of parentArrayCycles(tree.parent)) {
      const names = loop.map((i) => standardLabel(tree.items[i]!)).join(' → ');
      const ids = loop.slice(0, -1).map((i) => tree.ids[i]!);
      ctx.add('standards-cycle', 'standard', ids, `Standards of “${set.title}” are nested in a loop: ${names}. The standards set is damaged; re-import it.`);
    }
  }
}
