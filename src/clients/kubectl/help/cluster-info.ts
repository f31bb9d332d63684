/** The help of `kubectl cluster-info`, recorded from kubectl 1.35 by src/testing/golden/record-kubectl-help.ts. */
export const CLUSTER_INFO_HELP: Record<string, string> = {
  'cluster-info': `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

Examples:
  # Print the address of the control plane and cluster services
  kubectl cluster-info

Available Commands:
  dump          Dump relevant information for debugging and diagnosis

Usage:
  kubectl cluster-info [flags] [options]

Use "kubectl cluster-info <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
};
