import { Handle, Position, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { Icon } from '../../ui/Icon';
import type { CompetencyNode as CompetencyNodeType } from '../flowModel';

/**
 * The competency a keyboard link starts from ("link from here", canvas/linkFromHere.ts), or null. A context
 * rather than node data: starting and ending a link re-renders the cards once, an edit not at all.
 */
export const LinkSourceContext = createContext<string | null>(null);

/** A competency on the canvas: code, level, statement, domain colour and status badges. */
function CompetencyNodeView({ id, data, selected }: NodeProps<CompetencyNodeType>) {
  const lr = data.direction === 'LR';
  // marked by a dashed outline and words, not by colour alone
  const linkSource = useContext(LinkSourceContext) === id;
  const complete = data.phaseCount > 0 && data.described === data.phaseCount;
  return (
    <div
      className={`cnode${selected ? ' is-selected' : ''}${data.dimmed ? ' is-dimmed' : ''}${linkSource ? ' is-link-source' : ''}`}
      style={{ '--domain': data.domainColor ?? 'var(--border-strong)' } as React.CSSProperties}
      data-testid="competency-node"
      data-code={data.code}
    >
      <Handle type="target" position={lr ? Position.Left : Position.Top} className="chandle" title="Drag here from a prerequisite to link it" />
      {linkSource && (
        <span className="cnode-link-chip" data-testid="link-source-chip">
          Prerequisite: linking from here
        </span>
      )}
      <div className="cnode-head">
        <span className={`cnode-code${data.code ? '' : ' is-empty'}`}>{data.code || 'No code'}</span>
        {data.pinned && (
          <span className="cnode-pin" title="Pinned: keeps its place when tidying">
            <Icon name="pin" size={12} />
          </span>
        )}
        {data.levels && <span className="cnode-level">{data.levels}</span>}
      </div>
      <div className={`cnode-statement${data.statement ? '' : ' is-empty'}`}>{data.statement || 'No statement yet'}</div>
      <div className="cnode-foot">
        {data.domainTitle ? <span className="cnode-domain">{data.domainTitle}</span> : <span className="cnode-domain is-empty">No domain</span>}
        <span className="cnode-badges">
          <span className={`badge${complete ? ' badge-ok' : ''}`} title={`${data.described} of ${data.phaseCount} mastery phases described`}>
            <Icon name="layers" size={11} />
            {data.described}/{data.phaseCount}
          </span>
          <span className="badge" title={`${data.indicators} performance indicators`}>
            <Icon name="indicator" size={11} />
            {data.indicators}
          </span>
          {data.alignments > 0 && (
            <span className="badge" title={`${data.alignments} standards aligned`}>
              <Icon name="link" size={11} />
              {data.alignments}
            </span>
          )}
          {data.problems > 0 && (
            <span className={`badge badge-${data.problemSeverity ?? 'warning'}`} title={`${data.problems} problem${data.problems === 1 ? '' : 's'}`} data-testid="problem-badge">
              <Icon name="warning" size={11} />
              {data.problems}
            </span>
          )}
        </span>
      </div>
      <Handle type="source" position={lr ? Position.Right : Position.Bottom} className="chandle" title="Drag to the competency this one unlocks" />
    </div>
  );
}

export const CompetencyNode = memo(CompetencyNodeView);
