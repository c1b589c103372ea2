import type { DomainId } from '../model/ids';
import type { Domain, Framework } from '../model/types';
import { forgetCaseIdentifiers } from '../model/caseIdentifiers';
import { base, command, refuse, type Command } from './command';

const title = (fw: Framework, id: DomainId) => fw.domains.find((d) => d.id === id)?.title || 'domain';
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Adds a domain / strand (at `index`, default last). */
export function addDomain(domain: Domain, index?: number): Command {
  return command('addDomain', `add domain ${domain.title}`, (fw) => {
    if (fw.domains.some((d) => d.id === domain.id)) return refuse('duplicate-id', 'A domain with this id already exists.');
    if (!COLOR.test(domain.color)) return refuse('bad-color', 'A domain colour must look like #1a2b3c.');
    if (domain.parentId && !fw.domains.some((d) => d.id === domain.parentId)) return refuse('unknown-domain', 'The parent domain does not exist.');
    const at = index === undefined ? fw.domains.length : Math.max(0, Math.min(index, fw.domains.length));
    fw.domains.splice(at, 0, { ...domain });
  });
}

/** Renames, recolours or re-parents a domain; refuses a parent that would make a loop. */
export function updateDomain(id: DomainId, patch: Partial<Omit<Domain, 'id'>>): Command {
  return command(
    'updateDomain',
    'edit domain',
    (fw) => {
      const d = fw.domains.find((x) => x.id === id);
      if (!d) return refuse('not-found', 'That domain no longer exists.');
      if (patch.color !== undefined && !COLOR.test(patch.color)) return refuse('bad-color', 'A domain colour must look like #1a2b3c.');
      if (patch.parentId) {
        const byId = new Map(fw.domains.map((x) => [x.id as string, x]));
        if (!byId.has(patch.parentId)) return refuse('unknown-domain', 'The parent domain does not exist.');
        for (let p: string | null = patch.parentId, steps = 0; p; p = byId.get(p)?.parentId ?? null, steps++) {
          if (p === id || steps > fw.domains.length) return refuse('domain-cycle', 'A domain cannot be inside itself.');
        }
      }
      Object.assign(d, patch);
    },
    (before) => `edit domain ${title(before, id)}`,
  );
}

/** Removes a domain; its competencies become domainless and its sub-domains move up a level. */
export function removeDomain(id: DomainId): Command {
  return command(
    'removeDomain',
    'remove domain',
    (fw) => {
      const i = fw.domains.findIndex((x) => x.id === id);
      if (i < 0) return refuse('not-found', 'That domain no longer exists.');
      const parent = fw.domains[i]!.parentId;
      fw.domains.splice(i, 1);
      for (const d of fw.domains) if (d.parentId === id) d.parentId = parent;
      for (const c of Object.values(base(fw).competencies)) if (c.domainId === id) fw.competencies[c.id]!.domainId = null;
      forgetCaseIdentifiers(fw, base(fw), [id]);
    },
    (before) => `remove domain ${title(before, id)}`,
  );
}

/** Reorders a domain. */
export function moveDomain(id: DomainId, toIndex: number): Command {
  return command(
    'moveDomain',
    'reorder domains',
    (fw) => {
      const i = fw.domains.findIndex((x) => x.id === id);
      if (i < 0) return refuse('not-found', 'That domain no longer exists.');
      const [d] = fw.domains.splice(i, 1);
      fw.domains.splice(Math.max(0, Math.min(toIndex, fw.domains.length)), 0, d!);
    },
    (before) => `move domain ${title(before, id)}`,
  );
}
