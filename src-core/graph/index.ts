/** Graph algorithms over a framework's prerequisite links and hierarchies (pure, allocation-light). */
export * from './prerequisiteGraph';
export * from './paths';
export * from './scc';
export * from './order';
export * from './redundant';
export * from './hierarchy';
