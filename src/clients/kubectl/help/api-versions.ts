/** The help of `kubectl api-versions`, recorded from kubectl 1.35 by src/testing/golden/record-kubectl-help.ts. */
export const API_VERSIONS_HELP: Record<string, string> = {
  'api-versions': `Print the supported API versions on the server, in the form of "group/version".

Examples:
  # Print the supported API versions
  kubectl api-versions

Usage:
  kubectl api-versions [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
};
