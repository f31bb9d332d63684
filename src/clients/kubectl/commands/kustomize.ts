import { buildKustomization, kustomizeYaml } from '../../kustomize/index.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { kustomizeFiles } from '../sources.ts';
import type { CommandResult, KubectlContext } from '../types.ts';

const KUSTOMIZE_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'as-current-user', type: 'bool' },
  { name: 'enable-alpha-plugins', type: 'bool' },
  { name: 'enable-helm', type: 'bool' },
  { name: 'env', short: 'e', type: 'strings' },
  { name: 'helm-api-versions', type: 'strings' },
  { name: 'helm-command', type: 'string' },
  { name: 'helm-debug', type: 'bool' },
  { name: 'helm-kube-version', type: 'string' },
  { name: 'load-restrictor', type: 'string' },
  { name: 'mount', type: 'strings' },
  { name: 'network', type: 'bool' },
  { name: 'network-name', type: 'string' },
];

/**
 * `kubectl kustomize [DIR]`: the kustomization built and printed, deprecation warnings on stderr
 * first, kustomize's errors as `error: …`; `-o FILE` writes the YAML to a file instead.
 */
export async function kustomizeCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, KUSTOMIZE_FLAGS);
  if (flags.positional.length > 1)
    return { stdout: '', stderr: 'error: specify one path to kustomization.yaml\n', exitCode: 1 };
  const dir = flags.positional[0] ?? '.';
  const result = buildKustomization(kustomizeFiles(ctx), dir);
  const warnings = result.warnings.map((w) => `${w}\n`).join('');
  if (!result.ok) return { stdout: '', stderr: `${warnings}error: ${result.error.replace(/\n$/, '')}\n`, exitCode: 1 };
  const yaml = kustomizeYaml(result.objects);
  const output = flags.string('output');
  if (output) {
    if (!ctx.writeFile?.(output, yaml))
      return { stdout: '', stderr: `${warnings}error: open ${output}: no such file or directory\n`, exitCode: 1 };
    return { stdout: '', stderr: warnings, exitCode: 0 };
  }
  return { stdout: yaml, stderr: warnings, exitCode: 0 };
}
