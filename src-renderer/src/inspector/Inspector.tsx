import { useEditor } from '../store/useEditor';
import { CompetencyInspector } from './CompetencyInspector';
import { LinkInspector } from './LinkInspector';
import { MultiInspector } from './MultiInspector';
import { NothingSelected } from './NothingSelected';

/** Shows and edits the selection: one competency, several, or a prerequisite link. */
export function Inspector() {
  const comps = useEditor((s) => s.session.selection.competencies);
  const links = useEditor((s) => s.session.selection.links);
  if (comps.length === 1) return <CompetencyInspector key={comps[0]} id={comps[0]!} />;
  if (comps.length > 1) return <MultiInspector ids={comps} />;
  if (links.length === 1) return <LinkInspector key={links[0]} id={links[0]!} />;
  return <NothingSelected />;
}
