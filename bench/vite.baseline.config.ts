// The stock React Flow baseline page of the browser benchmark (bench/baseline/), built with
// `npx vite build --config bench/vite.baseline.config.ts --outDir <dir>` (default bench/.results/baseline).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export default {
  root: resolve(import.meta.dirname, 'baseline'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: resolve(import.meta.dirname, '.results/baseline'), emptyOutDir: true },
} satisfies UserConfig;
