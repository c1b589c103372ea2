// The renderer build of electron.vite.config.ts, written to bench/.results/renderer so the browser
// benchmark never races other builds of out/ (`npx vite build --config bench/vite.renderer.config.ts`).
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import config from '../electron.vite.config';

const renderer = (config as { renderer: UserConfig }).renderer;

export default {
  ...renderer,
  build: { ...renderer.build, outDir: resolve(import.meta.dirname, '.results/renderer'), emptyOutDir: true },
} satisfies UserConfig;
