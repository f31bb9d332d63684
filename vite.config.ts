// Vite config for the browser lab. Monaco is split into its own lazy chunk by the dynamic import in
// src/ui/editor/loadMonaco.ts; its workers (editor + YAML) are bundled as ES module workers.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // Without these two the dev server serves monaco-yaml's worker as CommonJS ("module is not defined").
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js', 'path-browserify'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
});
