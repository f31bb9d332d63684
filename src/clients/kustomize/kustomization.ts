/**
 * The kustomization file: finding it (kustomization.yaml, kustomization.yml or Kustomization),
 * reading it strictly (unknown fields are errors), warning about deprecated fields and folding them
 * into their replacements (FixKustomization), as types.Kustomization does.
 */
import { parseManifests } from '../kubectl/manifests.ts';
import { KustomizeError, missingKustomization } from './errors.ts';
import { joinPath, type FileAccess } from './files.ts';
import { isObject, type KObject } from './resource.ts';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface Patch {
  path?: string;
  patch?: string;
  target?: Selector;
  options?: Record<string, boolean>;
}

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  options?: GeneratorOptions;
  type?: string;
}

export interface Image {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

export interface Label {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  fields?: { group?: string; version?: string; kind?: string; path: string; create?: boolean }[];
}

export interface Kustomization {
  apiVersion?: string;
  kind?: string;
  metadata?: KObject;
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  labels?: Label[];
  commonAnnotations?: Record<string, string>;
  patchesStrategicMerge?: string[];
  patchesJson6902?: Patch[];
  patches?: Patch[];
  images?: Image[];
  imageTags?: Image[];
  replicas?: { name?: string; count?: number }[];
  resources?: string[];
  components?: string[];
  bases?: string[];
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  sortOptions?: { order?: string; legacySortOptions?: unknown };
  buildMetadata?: string[];
  [field: string]: unknown;
}

/** KNOWN_FIELDS are the JSON fields of types.Kustomization in kustomize v5. */
const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'buildMetadata',
]);

/** UNSUPPORTED fields parse but are beyond the lab's kustomize (plugins, helm, vars, replacements). */
const UNSUPPORTED = [
  'replacements',
  'vars',
  'helmCharts',
  'helmChartInflationGenerator',
  'generators',
  'transformers',
  'validators',
  'configurations',
  'crds',
];

const FIX = "Run 'kustomize edit fix' to update your Kustomization automatically.";

/** deprecationWarnings is CheckDeprecatedFields, in its order. */
function deprecationWarnings(k: Kustomization): string[] {
  const out: string[] = [];
  if (k.bases !== undefined) out.push(`# Warning: 'bases' is deprecated. Please use 'resources' instead. ${FIX}`);
  if (k.commonLabels !== undefined)
    out.push(`# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${FIX}`);
  if (k.imageTags !== undefined) out.push(`# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${FIX}`);
  if (k.patchesJson6902 !== undefined)
    out.push(`# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${FIX}`);
  if (k.patchesStrategicMerge !== undefined)
    out.push(`# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${FIX}`);
  if (k.vars !== undefined)
    out.push(`# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${FIX}`);
  return out;
}

export interface LoadedKustomization {
  kustomization: Kustomization;
  fileName: string;
  warnings: string[];
}

/** loadKustomization is KustTarget.Load for the folder dir (absolute as shown in errors: shownDir). */
export function loadKustomization(files: FileAccess, dir: string, shownDir: string): LoadedKustomization {
  let found: { name: string; text: string } | undefined;
  let matches = 0;
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const text = files.readFile(joinPath(dir, name));
    if (text !== undefined) {
      matches++;
      found = { name, text };
    }
  }
  if (matches === 0 || !found) throw missingKustomization(shownDir);
  if (matches > 1) throw new KustomizeError(`Found multiple kustomization files under: ${shownDir}\n`);
  const k = parseKustomization(found.text);
  const warnings = deprecationWarnings(k);
  fixKustomization(k);
  if (isEmpty(k)) throw new KustomizeError('kustomization.yaml is empty');
  const unsupported = UNSUPPORTED.find((f) => k[f] !== undefined);
  if (unsupported)
    throw new KustomizeError(`'${unsupported}' is not supported by the lab's kustomize (in ${shownDir})`);
  return { kustomization: k, fileName: found.name, warnings };
}

export function parseKustomization(text: string): Kustomization {
  if (text.trim() === '') return {};
  const parsed = parseManifests(text, 'kustomization');
  if (!parsed.ok) {
    const marker = 'error converting YAML to JSON: ';
    const at = parsed.error.indexOf(marker);
    throw new KustomizeError(
      `invalid Kustomization: ${at >= 0 ? parsed.error.slice(at + marker.length) : parsed.error}`,
    );
  }
  const object = (parsed.manifests[0]?.object ?? {}) as unknown;
  if (!isObject(object)) throw new KustomizeError('invalid Kustomization: not a map');
  for (const key of Object.keys(object)) {
    if (!KNOWN_FIELDS.has(key)) throw new KustomizeError(`invalid Kustomization: json: unknown field "${key}"`);
  }
  return object as Kustomization;
}

/** fixKustomization is FixKustomization: defaults and deprecated fields moved to their successors. */
function fixKustomization(k: Kustomization): void {
  if (!k.apiVersion) k.apiVersion = 'kustomize.config.k8s.io/v1beta1';
  if (!k.kind) k.kind = 'Kustomization';
  if (k.bases) {
    k.resources = [...(k.resources ?? []), ...k.bases];
    delete k.bases;
  }
  if (k.imageTags) {
    k.images = [...(k.images ?? []), ...k.imageTags];
    delete k.imageTags;
  }
  for (const gen of [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])]) {
    if (gen.env) {
      gen.envs = [...(gen.envs ?? []), gen.env];
      delete gen.env;
    }
  }
}

function isEmpty(k: Kustomization): boolean {
  return Object.keys(k).every((key) => key === 'apiVersion' || key === 'kind');
}
