// Builds the console into dist/, which `hudud serve` serves at /. In
// development (`npm run dev`), API calls go to a local `hudud serve`.
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/v1': process.env.HUDUD_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
