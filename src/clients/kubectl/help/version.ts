/** The help of `kubectl version`, recorded from kubectl 1.35 by src/testing/golden/record-kubectl-help.ts. */
export const VERSION_HELP: Record<string, string> = {
  version: `Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version

Options:
    --client=false:
	If true, shows client version only (no server required).

    -o, --output='':
	One of 'yaml' or 'json'.

Usage:
  kubectl version [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
};
