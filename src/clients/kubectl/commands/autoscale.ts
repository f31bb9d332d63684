import { canonicalQuantity, objectPath, type KubeObject } from '../../../engine/index.ts';
import { buildInfos } from '../builder.ts';
import { discover } from '../discovery.ts';
import { aggregateErrors, responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import {
  DRY_RUN_FLAG,
  parseDryRun,
  parseObjectOutput,
  printChanged,
  PRINT_FLAGS,
  templateOptions,
} from '../mutation.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import { RESOURCES_REQUIRED } from './scale.ts';

/**
 * `kubectl autoscale` (pkg/cmd/autoscale): an autoscaling/v2 HorizontalPodAutoscaler for a
 * scalable object, with `--cpu=50%` (utilization) or `--cpu=500m` (average value), `--memory`,
 * and the deprecated `--cpu-percent`.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'min', type: 'int', default: -1 },
  { name: 'max', type: 'int', default: -1 },
  { name: 'cpu-percent', type: 'int', default: -1 },
  { name: 'cpu', type: 'string' },
  { name: 'memory', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  DRY_RUN_FLAG,
];

const CPU_PERCENT_DEPRECATED =
  "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n";

type Target = { type: 'Utilization'; averageUtilization: number } | { type: 'AverageValue'; averageValue: string };

/** parseResourceInput reads `70%`, `500m`, `2Gi`, or a bare number (milliCPU or MiB). */
function parseResourceInput(input: string, resource: 'cpu' | 'memory'): Target | string {
  const text = input.trim();
  if (text === '') return 'empty input';
  if (text.endsWith('%')) {
    const digits = text.slice(0, -1);
    if (!/^[+-]?\d+$/.test(digits) || Number(digits) < 0 || Number(digits) > 2147483647)
      return `invalid percentage value: ${digits}`;
    return { type: 'Utilization', averageUtilization: Number(digits) };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    const value = canonicalQuantity(`${Number(text)}${resource === 'cpu' ? 'm' : 'Mi'}`);
    if (value !== undefined) return { type: 'AverageValue', averageValue: value };
  }
  const value = canonicalQuantity(text);
  if (value === undefined) return `invalid resource ${resource} value: ${input}`;
  return { type: 'AverageValue', averageValue: value };
}

/** canCreateV1 is kubectl's check before falling back: true, or the reason it cannot (Go's `%w` of it). */
function canCreateV1(cpuPercent: number, cpu: string, memory: string): true | string {
  const target = parseResourceInput(cpu, 'cpu');
  if (typeof target === 'string') return target;
  if ((cpuPercent >= 0 && memory === '') || (memory === '' && target.type === 'Utilization')) return true;
  return '%!w(<nil>)';
}

function metric(name: 'cpu' | 'memory', target: Target): object {
  return { type: 'Resource', resource: { name, target } };
}

export async function autoscaleCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  if (!args.some((a) => a === '--max' || a.startsWith('--max='))) return fail('error: required flag(s) "max" not set');
  const warning = args.some((a) => a === '--cpu-percent' || a.startsWith('--cpu-percent='))
    ? CPU_PERCENT_DEPRECATED
    : '';
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return { stdout: '', stderr: warning + output, exitCode: 1 };
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const filenames = flags.strings('filename');
  if (flags.positional.length === 0 && filenames.length === 0)
    return { ...fail(RESOURCES_REQUIRED), stderr: warning + RESOURCES_REQUIRED };
  const min = flags.int('min') ?? -1;
  const max = flags.int('max') ?? -1;
  const cpuPercent = flags.int('cpu-percent') ?? -1;
  const cpu = flags.string('cpu') ?? '';
  const memory = flags.string('memory') ?? '';
  const invalid = (message: string) => ({ stdout: '', stderr: `${warning}error: ${message}\n`, exitCode: 1 });
  if (max < 1) return invalid(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) return invalid(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (cpuPercent > 0 && cpu) return invalid('--cpu-percent and --cpu are mutually exclusive');
  const metrics: object[] = [];
  if (cpuPercent > 0) metrics.push(metric('cpu', { type: 'Utilization', averageUtilization: cpuPercent }));
  for (const [name, text] of [
    ['cpu', cpu],
    ['memory', memory],
  ] as const) {
    if (!text) continue;
    const target = parseResourceInput(text, name);
    if (typeof target === 'string') return invalid(target);
    metrics.push(metric(name, target));
  }
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames,
    recursive: flags.bool('recursive'),
    namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return { stdout: '', stderr: warning + built.error, exitCode: 1 };
  const hpaType = registry.byKind('autoscaling/v2', 'HorizontalPodAutoscaler');
  let stdout = '';
  const errors: string[] = [];
  for (const info of built.infos) {
    if (!(info.type.subresources ?? []).includes('scale')) {
      const resource = `${info.type.group}/${info.type.version}, Resource=${info.type.plural}`;
      errors.push(
        `cannot autoscale a ${info.type.kind}: could not find scale subresource for ${resource} in discovery information`,
      );
      continue;
    }
    if (!hpaType) continue;
    const hpa: KubeObject = {
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      metadata: { name: flags.string('name') || info.name },
      spec: {
        scaleTargetRef: {
          kind: info.type.kind,
          name: info.name,
          apiVersion: info.type.group ? `${info.type.group}/${info.type.version}` : info.type.version,
        },
        ...(min > 0 ? { minReplicas: min } : {}),
        maxReplicas: max,
        ...(metrics.length ? { metrics } : {}),
      },
      status: { desiredReplicas: 0, currentMetrics: null },
    };
    if (dry.dryRun === 'client') {
      const printed = printChanged(output, hpaType, hpa, 'created', dry.dryRun, true);
      if (printed.ok) stdout += printed.text;
      else {
        stdout += printed.stdout ?? '';
        errors.push(printed.error);
      }
      continue;
    }
    const created = await ctx.client.request<KubeObject>({
      verb: 'POST',
      path: objectPath(hpaType, namespace),
      body: hpa,
      query: {
        fieldManager: flags.string('field-manager') ?? 'kubectl-autoscale',
        ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
      },
    });
    let answer = created.body;
    if (responseError(created)) {
      // kubectl falls back to autoscaling/v1, which can only say "target CPU utilization".
      const v1 = canCreateV1(cpuPercent, cpu, memory);
      if (v1 !== true) {
        errors.push(
          `failed to create autoscaling/v2 HPA and the configuration is incompatible with autoscaling/v1: ${v1}`,
        );
        continue;
      }
      const spec = hpa.spec as { scaleTargetRef: object; minReplicas?: number; maxReplicas: number };
      const fallback = await ctx.client.request<KubeObject>({
        verb: 'POST',
        path: `/apis/autoscaling/v1/namespaces/${namespace}/horizontalpodautoscalers`,
        body: {
          kind: 'HorizontalPodAutoscaler',
          apiVersion: 'autoscaling/v1',
          metadata: hpa.metadata,
          spec: {
            scaleTargetRef: spec.scaleTargetRef,
            ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}),
            maxReplicas: spec.maxReplicas,
            ...(cpuPercent >= 0 ? { targetCPUUtilizationPercentage: cpuPercent } : {}),
          },
        },
      });
      const error = responseError(fallback);
      if (error) {
        errors.push(error);
        continue;
      }
      answer = fallback.body;
    }
    const printed = printChanged(output, hpaType, answer, 'autoscaled', dry.dryRun);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  errors.push(...built.errors);
  return { stdout, stderr: warning + dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
