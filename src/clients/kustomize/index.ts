/** kustomize for the kubectl emulator: `kubectl kustomize DIR` and the `-k DIR` of apply, create, delete … */
export { buildKustomization, kustomizeYaml, type BuildResult } from './build.ts';
export type { FileAccess } from './files.ts';
