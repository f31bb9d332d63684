/**
 * The container runtime's error texts (containerd 2 with runc), in one place. The kubelet shows
 * them verbatim in container statuses, events and probe results.
 */

/** startErrorMessage is a container's StartError message when runc cannot exec its command. */
export function startErrorMessage(detail: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`;
}

/** execStartErrorMessage is what `kubectl exec` and exec probes get when the command cannot start. */
export function execStartErrorMessage(execId: string, detail: string): string {
  return `failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`;
}

/** EXEC_IN_STOPPED_CONTAINER is the exec error for a container that is not running. */
export const EXEC_IN_STOPPED_CONTAINER = 'failed to exec in container: container is in CONTAINER_EXITED state';
