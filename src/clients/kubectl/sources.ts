import type { KubeObject, ResourceRegistry, ResourceType } from '../../engine/index.ts';
import { buildKustomization, type FileAccess } from '../kustomize/index.ts';
import { parseManifests, validateBasics, type Manifest } from './manifests.ts';
import type { KubectlContext } from './types.ts';

/**
 * The -f sources of apply, create, delete and friends: files, folders (their .yaml, .yml and .json
 * files) and `-` for stdin, read into manifests with kubectl's errors for missing paths and bad YAML.
 */
export type SourcesResult = { ok: true; manifests: Manifest[] } | { ok: false; error: string };

export function readSources(filenames: string[], ctx: KubectlContext, recursive = false): SourcesResult {
  const manifests: Manifest[] = [];
  const readOne = (path: string): string | undefined => {
    if (path === '-') return ctx.stdin ?? '';
    return ctx.readFile?.(path);
  };
  const files: string[] = [];
  for (const name of filenames) {
    if (name === '-') {
      files.push('-');
      continue;
    }
    const listing = ctx.listDir?.(name);
    if (listing) {
      const wanted = listing
        .filter((f) => /\.(ya?ml|json)$/.test(f) && (recursive || !f.slice(name.length + 1).includes('/')))
        .sort();
      files.push(...wanted);
      continue;
    }
    files.push(name);
  }
  for (const file of files) {
    const text = readOne(file);
    if (text === undefined) return { ok: false, error: `error: the path "${file}" does not exist` };
    const parsed = parseManifests(text, file);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    manifests.push(...parsed.manifests);
  }
  return { ok: true, manifests };
}

/** typeOf finds the resource of a manifest, or kubectl's "no matches for kind" error. */
export function typeOf(
  registry: ResourceRegistry,
  manifest: Manifest,
): { ok: true; type: ResourceType } | { ok: false; error: string } {
  const basics = validateBasics(manifest);
  if (basics) return { ok: false, error: basics };
  const { apiVersion, kind, metadata } = manifest.object;
  const type = registry.byKind(apiVersion, kind);
  if (type) return { ok: true, type };
  const label = manifest.source === '-' ? 'STDIN' : manifest.source;
  return {
    ok: false,
    error: `error: resource mapping not found for name: "${metadata?.name ?? ''}" namespace: "${metadata?.namespace ?? ''}" from "${label}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
  };
}

/** kustomizeFiles is the file access kustomize builds from: the command's files and working folder. */
export function kustomizeFiles(ctx: KubectlContext): FileAccess {
  return {
    readFile: (path) => ctx.readFile?.(path),
    listDir: (path) => ctx.listDir?.(path),
    ...(ctx.workingDir !== undefined ? { cwd: ctx.workingDir } : {}),
  };
}

export type ManifestSourcesResult =
  { ok: true; manifests: Manifest[]; warnings: string } | { ok: false; error: string; warnings: string };

/**
 * readManifestSources reads the objects a command acts on from `-f` files or a `-k` kustomization
 * (never both, as kubectl insists); kustomize's deprecation warnings come back for stderr.
 */
export function readManifestSources(
  ctx: KubectlContext,
  options: { filenames: string[]; kustomize?: string | undefined; recursive?: boolean },
): ManifestSourcesResult {
  const { filenames, kustomize } = options;
  if (kustomize !== undefined && kustomize !== '') {
    if (filenames.length > 0) return { ok: false, error: 'error: only one of -f or -k can be specified', warnings: '' };
    const built = buildKustomization(kustomizeFiles(ctx), kustomize);
    const warnings = built.warnings.map((w) => `${w}\n`).join('');
    if (!built.ok) return { ok: false, error: `error: ${built.error}`, warnings };
    return {
      ok: true,
      warnings,
      manifests: built.objects.map((object, index) => ({
        object: object as unknown as KubeObject,
        source: kustomize,
        index,
      })),
    };
  }
  const read = readSources(filenames, ctx, options.recursive === true);
  return read.ok ? { ...read, warnings: '' } : { ...read, warnings: '' };
}
