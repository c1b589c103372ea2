/** Learner progress: model, files, CSV, mastery status, sequence, analytics, pacing and framework diff. */
export * from './types';
export * from './dates';
export * from './progressFile';
export * from './csv';
export * from './order';
export * from './mastery';
export * from './sequence';
export * from './analytics';
export * from './pacing';
export * from './diff';
export * from './plan';
export * from './checkProgress';
export * from './change';
