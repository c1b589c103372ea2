import { newId, type CompetencyId, type DomainId, type FrameworkId, type PhaseId } from './ids';
import type { Competency, Domain, Framework, MasteryPhase } from './types';

/** Colours given to new domains in turn (readable on light and dark canvases). */
export const DOMAIN_PALETTE = [
  '#2f6fdf',
  '#d9480f',
  '#2b8a3e',
  '#9c36b5',
  '#c2255c',
  '#0b7285',
  '#e67700',
  '#5f3dc4',
  '#5c940d',
  '#1864ab',
] as const;

/** The default four-phase scale, Proficient being the mastery threshold. */
export function defaultPhases(): MasteryPhase[] {
  return [
    {
      id: newId<PhaseId>(),
      label: 'Beginning',
      description: 'Recalls parts of the skill with support; misconceptions are common.',
      threshold: false,
    },
    {
      id: newId<PhaseId>(),
      label: 'Developing',
      description: 'Applies the skill in familiar tasks with some support; errors remain.',
      threshold: false,
    },
    {
      id: newId<PhaseId>(),
      label: 'Proficient',
      description: 'Applies the skill independently and accurately; this is mastery.',
      threshold: true,
    },
    {
      id: newId<PhaseId>(),
      label: 'Advanced',
      description: 'Transfers the skill to new, complex situations and explains it to others.',
      threshold: false,
    },
  ];
}

/** A new, empty draft framework with the default scale. */
export function createFramework(init: Partial<Framework> = {}, now: Date = new Date()): Framework {
  return {
    id: newId<FrameworkId>(),
    title: 'Untitled framework',
    description: '',
    subjects: [],
    educationLevels: [],
    creator: '',
    publisher: '',
    version: '0.1.0',
    status: 'draft',
    license: '',
    language: 'en',
    lastChangeDateTime: now.toISOString(),
    phases: defaultPhases(),
    domains: [],
    competencies: {},
    prerequisites: new Map(),
    standardsSets: {},
    alignments: new Map(),
    comments: {},
    ...init,
  };
}

/** A new competency with empty text; callers fill in what they know. */
export function createCompetency(init: Partial<Competency> = {}): Competency {
  return {
    id: newId<CompetencyId>(),
    code: '',
    statement: '',
    iCan: '',
    domainId: null,
    educationLevels: [],
    estimatedHours: null,
    evidenceTypes: [],
    notes: '',
    phases: {},
    position: { x: 0, y: 0 },
    pinned: false,
    ...init,
  };
}

/** A new domain; its colour is picked from the palette by index. */
export function createDomain(init: Partial<Domain> = {}, index = 0): Domain {
  return {
    id: newId<DomainId>(),
    code: '',
    title: 'New domain',
    description: '',
    color: DOMAIN_PALETTE[index % DOMAIN_PALETTE.length]!,
    parentId: null,
    ...init,
  };
}

/** The threshold phase, or undefined when the scale has none (a validation error). */
export function thresholdPhase(fw: Pick<Framework, 'phases'>): MasteryPhase | undefined {
  return fw.phases.find((p) => p.threshold);
}

/** Index of the threshold phase in the scale, or -1. */
export function thresholdIndex(fw: Pick<Framework, 'phases'>): number {
  return fw.phases.findIndex((p) => p.threshold);
}
