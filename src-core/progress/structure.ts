import { prerequisiteGraph, type PrerequisiteGraph } from '../graph/prerequisiteGraph';
import { sameList } from '../model/lists';
import type { Framework, MasteryPhase } from '../model/types';
import { learnerStatus, type LearnerStatus } from './mastery';
import { competencyOrder } from './order';
import type { Progress } from './types';

/**
 * What the learner views compute from besides the words: the prerequisite graph, the display order, the
 * mastery scale and each competency's domain. The same object for as long as none of them changes, so
 * an edit of a statement, an "I can" or a descriptor reuses where 30 learners stand, the class table, the
 * suggested sequence and the bottlenecks (a 2,500-competency map took ~250 ms per edit with the Class tab
 * open when they were taken again for every new document). Documents are immer states: the graph and the
 * order are cached per record, this per document.
 */
export interface LearnerStructure {
  graph: PrerequisiteGraph;
  /** Competency ids in display order. */
  order: readonly string[];
  phases: readonly MasteryPhase[];
  /** Each competency's domain, in `graph.ids` order. */
  domains: readonly (string | null)[];
}

const byDocument = new WeakMap<Framework, LearnerStructure>();
/** The last structure made on a graph (a text edit keeps the graph: this is where an equal structure is found). */
const byGraph = new WeakMap<PrerequisiteGraph, LearnerStructure>();

export function learnerStructure(fw: Framework): LearnerStructure {
  const hit = byDocument.get(fw);
  if (hit) return hit;
  const graph = prerequisiteGraph(fw);
  const order = competencyOrder(fw);
  const domains = graph.ids.map((id) => fw.competencies[id]?.domainId ?? null);
  const prev = byGraph.get(graph);
  let s: LearnerStructure;
  if (prev && prev.phases === fw.phases && sameList(prev.order, order) && sameList(prev.domains, domains)) s = prev;
  else byGraph.set(graph, (s = { graph, order, phases: fw.phases, domains }));
  byDocument.set(fw, s);
  return s;
}

const statuses = new WeakMap<LearnerStructure, WeakMap<object, Map<string, LearnerStatus>>>();

/**
 * Where one learner stands (`learnerStatus`), kept while the structure (graph, order, scale) and the progress
 * are the same: an edit of words reuses it, and the Learners panel and its Learner tab share one computation
 * (a 2,500-competency map took it twice per keystroke).
 */
export function learnerStatusOf(fw: Framework, progress: Pick<Progress, 'records'>, learnerId: string): LearnerStatus {
  const structure = learnerStructure(fw);
  let byProgress = statuses.get(structure);
  if (!byProgress) statuses.set(structure, (byProgress = new WeakMap()));
  let byLearner = byProgress.get(progress);
  if (!byLearner) byProgress.set(progress, (byLearner = new Map()));
  let s = byLearner.get(learnerId);
  if (!s) byLearner.set(learnerId, (s = learnerStatus(fw, progress, learnerId)));
  return s;
}

/**
 * Each competency's grade levels and estimated hours (load per grade band, pacing): the same object for as
 * long as none of them changes and no competency comes or goes.
 */
export interface LoadStructure {
  ids: readonly string[];
  levels: readonly (readonly string[])[];
  hours: readonly (number | null)[];
}

const loads = new WeakMap<Framework['competencies'], LoadStructure>();
let lastLoad: LoadStructure | null = null;

export function loadStructure(fw: Framework): LoadStructure {
  const hit = loads.get(fw.competencies);
  if (hit) return hit;
  const cs = Object.values(fw.competencies);
  const next: LoadStructure = { ids: cs.map((c) => c.id), levels: cs.map((c) => c.educationLevels), hours: cs.map((c) => c.estimatedHours) };
  const prev = lastLoad;
  const same =
    prev !== null &&
    sameList(prev.ids, next.ids) &&
    sameList(prev.hours, next.hours) &&
    prev.levels.length === next.levels.length &&
    prev.levels.every((l, i) => sameList(l, next.levels[i]!));
  const s = same ? prev : next;
  lastLoad = s;
  loads.set(fw.competencies, s);
  return s;
}

/** A learner's status, kept while what a sequence or a plan reads of it (the current records, what is mastered) is the same. */
export function sameStanding(a: LearnerStatus | null, b: LearnerStatus | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.learnerId !== b.learnerId || !sameList(a.mastered, b.mastered)) return false;
  const ka = Object.keys(a.current);
  if (ka.length !== Object.keys(b.current).length) return false;
  return ka.every((k) => a.current[k] === b.current[k]);
}
