/**
 * loadMonaco is the only module that imports Monaco; EditorPane loads it with a dynamic import() after
 * first paint, so the editor lands in its own chunk. It pulls in the editor API with its contributions
 * (find, hover, suggest, folding) and the YAML language only — no other languages or workers.
 */
import 'monaco-editor/esm/vs/editor/editor.all.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml } from 'monaco-yaml';
import type { JSONSchema, MonacoYamlOptions } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.js?worker';
import kubernetesSchemaUrl from './kubernetes.schema.json?url';
import { manifestSchema } from './manifestSchema.ts';

function createWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

self.MonacoEnvironment = { getWorker: (_workerId: string, label: string) => createWorker(label) };

/**
 * LegacyWorkerOptions is the `createWebWorker({moduleId, label, createData})` form monaco-yaml (through
 * monaco-worker-manager) still uses. Monaco's full `editor.main.js` bridges it to the new `{worker}` form;
 * the bare editor API we import does not, so we install the same bridge here (without it the YAML worker
 * never starts and the console fills with "Missing requestHandler or method: doValidation").
 */
interface LegacyWorkerOptions {
  label?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

const createWebWorker = monaco.editor.createWebWorker;
monaco.editor.createWebWorker = (<T extends object>(options: LegacyWorkerOptions) => {
  if (options.worker !== undefined) return createWebWorker<T>({ ...options, worker: options.worker });
  const worker = Promise.resolve(createWorker(options.label ?? 'monaco-editor-worker')).then((started) => {
    started.postMessage('ignore');
    started.postMessage(options.createData);
    return started;
  });
  return createWebWorker<T>({
    worker,
    host: options.host,
    ...(options.keepIdleModels !== undefined ? { keepIdleModels: options.keepIdleModels } : {}),
  });
}) as typeof createWebWorker;

const schemaFor = (schema: JSONSchema): MonacoYamlOptions => ({
  enableSchemaRequest: false,
  isKubernetes: true,
  schemas: [{ uri: 'inmemory://schemas/kubernetes.json', fileMatch: ['**/*.yaml'], schema }],
});

// Start with the small built-in schema, then switch to the full one generated from the Kubernetes types
// (scripts/generate-schemas.ts). It is ~700 kB, so it is fetched as an asset rather than bundled as code.
const monacoYaml = configureMonacoYaml(monaco, schemaFor(manifestSchema));
void fetch(kubernetesSchemaUrl)
  .then((response) => (response.ok ? (response.json() as Promise<JSONSchema>) : undefined))
  .then((schema) => (schema ? monacoYaml.update(schemaFor(schema)) : undefined))
  .catch(() => undefined); // the small schema stays: completion is a help, not a requirement

export interface YamlEditor {
  /** setValue replaces the text (for changes that come from outside, e.g. a lesson) unless it is the same. */
  setValue(text: string): void;
  focus(): void;
  dispose(): void;
}

export interface YamlEditorOptions {
  value: string;
  ariaLabel: string;
  onChange(text: string): void;
  onApply(): void;
}

let modelCount = 0;

/** createYamlEditor puts a Monaco YAML editor into `container`, with Ctrl/Cmd+Enter bound to Apply. */
export function createYamlEditor(container: HTMLElement, options: YamlEditorOptions): YamlEditor {
  modelCount += 1;
  const uri = monaco.Uri.parse(`file:///manifest-${modelCount}.yaml`);
  const model = monaco.editor.createModel(options.value, 'yaml', uri);
  const editor = monaco.editor.create(container, {
    model,
    ariaLabel: options.ariaLabel,
    theme: 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineHeight: 19,
    fontFamily: "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, monospace",
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    renderLineHighlight: 'line',
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    fixedOverflowWidgets: true,
    padding: { top: 6 },
    scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onApply());
  const listener = model.onDidChangeContent(() => options.onChange(model.getValue()));
  return {
    setValue(text) {
      if (model.getValue() !== text) model.setValue(text);
    },
    focus: () => editor.focus(),
    dispose() {
      listener.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
