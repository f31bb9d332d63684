/** applyManifests lives with the shell so the UI has one import for command lines and the editor's Apply. */
export { applyManifests } from './shell.ts';
