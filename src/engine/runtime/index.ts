/**
 * The container runtime: what runs inside simulated containers. The kubelet pulls images from the
 * catalog, builds each container's filesystem, and starts, resumes, signals and execs processes
 * through this API; everything it keeps is plain JSON.
 */
export { parseImageReference, familiarName, type ImageRef, type ImageRefResult } from './images/reference.ts';
export { lookupImage, pullErrorMessage, pullDuration, repositoryExists, REPOSITORIES } from './images/catalog.ts';
export type { ImageInfo, ImageBehavior, OsFamily, ServerKind } from './images/types.ts';
export {
  ContainerFileSystem,
  newDirectory,
  normalizePath,
  errnoText,
  utf8Length,
  type FsTree,
  type FsNode,
  type FsFile,
  type FsDirectory,
  type FsMount,
  type FsResult,
  type FsStat,
  type Errno,
} from './vfs.ts';
export { createImageRootFs, kubernetesHostsFile, resolvConf } from './rootfs.ts';
export {
  startProcess,
  processUsage,
  resumeProcess,
  terminateProcess,
  execInProcess,
  httpGet,
  tcpOpen,
  containerArgv,
  type ExecResult,
  type HttpGetResult,
} from './process.ts';
export type { LocalRequest } from './net.ts';
export type {
  ContainerContext,
  NetworkAccess,
  HttpOutcome,
  LogLine,
  ProcessState,
  ProcessStep,
  ExitReason,
  ServerState,
} from './types.ts';
export { parseScript, ShSyntaxError } from './sh/parse.ts';
