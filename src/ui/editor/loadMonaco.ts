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
  /**
   * show puts document `path` (a workspace path, or the object `kubectl edit` opened) in the editor with
   * `text`. Each document keeps its own model, so undo history and cursor stay with the file.
   */
  show(path: string, text: string): void;
  /** setValue replaces the shown document's text (a change from outside, e.g. the terminal) unless it is the same. */
  setValue(text: string): void;
  /** forget drops the model of a document that no longer exists (deleted or renamed). */
  forget(path: string): void;
  focus(): void;
  dispose(): void;
}

export interface YamlEditorOptions {
  path: string;
  value: string;
  ariaLabel: string;
  onChange(text: string): void;
  onApply(): void;
}

let editorCount = 0;

/** languageOf: manifests (and JSON, which YAML reads) get YAML with the Kubernetes schema; other files plain text. */
function languageOf(path: string): string {
  return /\.(ya?ml|json)$/i.test(path) ? 'yaml' : 'plaintext';
}

/** createYamlEditor puts a Monaco YAML editor into `container`, with Ctrl/Cmd+Enter bound to Apply. */
export function createYamlEditor(container: HTMLElement, options: YamlEditorOptions): YamlEditor {
  editorCount += 1;
  // Each editor instance has its own root, so a remount never meets the models of the one before it.
  const root = `/kubelab-${editorCount}`;
  const models = new Map<string, monaco.editor.ITextModel>();
  let shown = options.path;
  let applyingOutsideChange = false;
  const modelFor = (path: string, text: string) => {
    let model = models.get(path);
    if (!model) {
      model = monaco.editor.createModel(
        text,
        languageOf(path),
        monaco.Uri.from({ scheme: 'file', path: `${root}/${path}` }),
      );
      model.updateOptions({ tabSize: 2, insertSpaces: true });
      const created = model;
      created.onDidChangeContent(() => {
        if (!applyingOutsideChange && shown === path) options.onChange(created.getValue());
      });
      models.set(path, model);
    } else if (model.getValue() !== text) {
      // An edit operation rather than setValue, so Ctrl+Z can take back what the terminal wrote.
      applyingOutsideChange = true;
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      applyingOutsideChange = false;
    }
    return model;
  };
  const editor = monaco.editor.create(container, {
    model: modelFor(options.path, options.value),
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
  return {
    show(path, text) {
      const model = modelFor(path, text);
      shown = path;
      if (editor.getModel() !== model) editor.setModel(model);
    },
    setValue(text) {
      modelFor(shown, text);
    },
    forget(path) {
      if (path === shown) return;
      models.get(path)?.dispose();
      models.delete(path);
    },
    focus: () => editor.focus(),
    dispose() {
      editor.dispose();
      for (const model of models.values()) model.dispose();
      models.clear();
    },
  };
}
