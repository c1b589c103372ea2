#!/usr/bin/env node
// The `progressions` command line. Runs the TypeScript sources directly through tsx, so it works right
// after `npm install` with no build step. Never loads Electron.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
