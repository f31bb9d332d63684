/**
 * `kubectl create`: `-f`/`-k` create from manifests (commands/apply.ts); otherwise the word after
 * `create` names a generator that builds the object from flags (create_*.go in kubectl). Without
 * either, kubectl insists on -f or -k.
 */
import { fail, ok, type CommandResult, type KubectlContext } from '../../types.ts';
import { createFromFiles } from '../apply.ts';
import { createClusterRole } from './clusterrole.ts';
import { createClusterRoleBinding } from './clusterrolebinding.ts';
import { createConfigMap } from './configmap.ts';
import { createCronJob } from './cronjob.ts';
import { createDeployment } from './deployment.ts';
import { CREATE_HELP } from './help.ts';
import { createIngress } from './ingress.ts';
import { createJob } from './job.ts';
import { createNamespace } from './namespace.ts';
import { createPodDisruptionBudget } from './poddisruptionbudget.ts';
import { createPriorityClass } from './priorityclass.ts';
import { createQuota } from './quota.ts';
import { createRole } from './role.ts';
import { createRoleBinding } from './rolebinding.ts';
import { createSecret } from './secret.ts';
import { createService } from './service.ts';
import { createServiceAccount } from './serviceaccount.ts';
import { createToken } from './token.ts';
import { findSubcommand } from './parent.ts';

type Generator = (args: string[], ctx: KubectlContext) => Promise<CommandResult>;

/** GENERATORS maps each `kubectl create` subcommand and alias to its generator. */
const GENERATORS: Record<string, Generator> = {
  clusterrole: createClusterRole,
  clusterrolebinding: createClusterRoleBinding,
  configmap: createConfigMap,
  cm: createConfigMap,
  cronjob: createCronJob,
  cj: createCronJob,
  deployment: createDeployment,
  deploy: createDeployment,
  ingress: createIngress,
  ing: createIngress,
  job: createJob,
  namespace: createNamespace,
  ns: createNamespace,
  poddisruptionbudget: createPodDisruptionBudget,
  pdb: createPodDisruptionBudget,
  priorityclass: createPriorityClass,
  pc: createPriorityClass,
  quota: createQuota,
  resourcequota: createQuota,
  role: createRole,
  rolebinding: createRoleBinding,
  secret: createSecret,
  service: createService,
  svc: createService,
  serviceaccount: createServiceAccount,
  sa: createServiceAccount,
  token: createToken,
};

function hasFilenameFlag(args: string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (/^(-f|--filename|-k|--kustomize)(=|$)/.test(arg) || /^-f./.test(arg) || /^-k./.test(arg)) return true;
  }
  return false;
}

export async function createCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const at = findSubcommand(args);
  const word = at >= 0 ? (args[at] as string) : undefined;
  const generator = word === undefined ? undefined : GENERATORS[word];
  if (generator) return generator([...args.slice(0, at), ...args.slice(at + 1)], ctx);
  if (hasFilenameFlag(args)) return createFromFiles(args, ctx);
  if (args.includes('-h') || args.includes('--help')) return ok(CREATE_HELP.create ?? '');
  if (word !== undefined) {
    const unexpected = args.filter((a, i) => i >= at && !a.startsWith('-'));
    return fail(`error: Unexpected args: [${unexpected.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`);
  }
  return fail('error: must specify one of -f and -k\n');
}
