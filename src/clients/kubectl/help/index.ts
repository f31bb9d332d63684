import { KUBECTL_HELP } from './kubectl.ts';
import { GET_HELP } from './get.ts';
import { DESCRIBE_HELP } from './describe.ts';
import { APPLY_HELP } from './apply.ts';
import { DELETE_HELP } from './delete.ts';
import { RUN_HELP } from './run.ts';
import { LOGS_HELP } from './logs.ts';
import { EXEC_HELP } from './exec.ts';
import { VERSION_HELP } from './version.ts';
import { CLUSTER_INFO_HELP } from './cluster-info.ts';
import { API_RESOURCES_HELP } from './api-resources.ts';
import { API_VERSIONS_HELP } from './api-versions.ts';
import { CONFIG_HELP } from './config.ts';
import { EXPOSE_HELP } from './expose.ts';
import { EDIT_HELP } from './edit.ts';
import { PATCH_HELP } from './patch.ts';
import { REPLACE_HELP } from './replace.ts';
import { LABEL_HELP } from './label.ts';
import { ANNOTATE_HELP } from './annotate.ts';
import { SCALE_HELP } from './scale.ts';
import { AUTOSCALE_HELP } from './autoscale.ts';
import { SET_HELP } from './set.ts';
import { ROLLOUT_HELP } from './rollout.ts';
import { CP_HELP } from './cp.ts';
import { PORT_FORWARD_HELP } from './port-forward.ts';
import { TOP_HELP } from './top.ts';
import { CORDON_HELP } from './cordon.ts';
import { UNCORDON_HELP } from './uncordon.ts';
import { DRAIN_HELP } from './drain.ts';
import { TAINT_HELP } from './taint.ts';
import { AUTH_HELP } from './auth.ts';
import { EXPLAIN_HELP } from './explain.ts';
import { WAIT_HELP } from './wait.ts';
import { DIFF_HELP } from './diff.ts';
import { EVENTS_HELP } from './events.ts';
import { KUSTOMIZE_HELP } from './kustomize.ts';

/** HELP_TEXTS holds kubectl's own --help output per command path ('rollout status'); '' is `kubectl --help`. */
export const HELP_TEXTS: Record<string, string> = {
  ...KUBECTL_HELP,
  ...GET_HELP,
  ...DESCRIBE_HELP,
  ...APPLY_HELP,
  ...DELETE_HELP,
  ...RUN_HELP,
  ...LOGS_HELP,
  ...EXEC_HELP,
  ...VERSION_HELP,
  ...CLUSTER_INFO_HELP,
  ...API_RESOURCES_HELP,
  ...API_VERSIONS_HELP,
  ...CONFIG_HELP,
  ...EXPOSE_HELP,
  ...EDIT_HELP,
  ...PATCH_HELP,
  ...REPLACE_HELP,
  ...LABEL_HELP,
  ...ANNOTATE_HELP,
  ...SCALE_HELP,
  ...AUTOSCALE_HELP,
  ...SET_HELP,
  ...ROLLOUT_HELP,
  ...CP_HELP,
  ...PORT_FORWARD_HELP,
  ...TOP_HELP,
  ...CORDON_HELP,
  ...UNCORDON_HELP,
  ...DRAIN_HELP,
  ...TAINT_HELP,
  ...AUTH_HELP,
  ...EXPLAIN_HELP,
  ...WAIT_HELP,
  ...DIFF_HELP,
  ...EVENTS_HELP,
  ...KUSTOMIZE_HELP,
};
