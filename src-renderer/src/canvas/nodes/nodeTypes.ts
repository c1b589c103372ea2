import type { NodeTypes } from '@xyflow/react';
import { CollapsedDomainNode } from '../collapse/CollapsedDomainNode';
import { LaneNode } from '../lanes/LaneNode';
import { CompetencyNode } from './CompetencyNode';

/** Module scope: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = { competency: CompetencyNode, lane: LaneNode, collapsedDomain: CollapsedDomainNode };
