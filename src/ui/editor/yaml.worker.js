// The monaco-yaml language server as a Vite worker entry (imported with `?worker` by loadMonaco.ts).
// Re-exporting from a local file avoids Vite's "Unexpected usage" error with the package path.
import 'monaco-yaml/yaml.worker.js';
