import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The baseline page of the benchmark, built beside the app in dist/bench-baseline/. */
export default defineConfig({
  root: 'bench/baseline',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/bench-baseline', emptyOutDir: true },
  logLevel: 'warn',
});
