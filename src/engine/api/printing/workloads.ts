import type { ControllerRevision, DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { humanDuration } from '../../clock/duration.ts';
import type { KubeObject } from '../types.ts';
import { age, containersAndImages, labelSelectorText, selectorText } from './cells.ts';
import { AGE, NAME, col } from './columns.ts';
import type { KindPrinter } from './tables.ts';

/**
 * WORKLOADS_PRINTERS are the `kubectl get` columns of the workload kinds (pkg/printers/internalversion/
 * printers.go); Deployment and ReplicaSet live in tables.ts.
 */
const CONTAINERS = col('Containers', 'Names of each container in the template.', 1);
const IMAGES = col('Images', 'Images referenced by each container in the template.', 1);

function hasCondition(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** jobStatus is printJob's STATUS: finished states first, then deletion, suspension and the interim conditions. */
export function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** jobCompletions is "succeeded/completions", or "n/1 of p" for a work queue with parallelism above 1. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

export const WORKLOADS_PRINTERS: Record<string, KindPrinter> = {
  StatefulSet: {
    columns: [NAME, col('Ready', 'Number of the pod with ready state'), AGE, CONTAINERS, IMAGES],
    cells(object, now) {
      const set = object as unknown as StatefulSet;
      const [containers, images] = containersAndImages(set.spec?.template);
      return [
        object.metadata.name,
        `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0}`,
        age(object, now),
        containers,
        images,
      ];
    },
  },
  DaemonSet: {
    columns: [
      NAME,
      col(
        'Desired',
        'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
        0,
        'integer',
      ),
      col(
        'Current',
        'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
        0,
        'integer',
      ),
      col(
        'Ready',
        'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
        0,
        'integer',
      ),
      col('Up-to-date', 'The total number of nodes that are running updated daemon pod', 0, 'integer'),
      col(
        'Available',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
        0,
        'integer',
      ),
      col(
        'Node Selector',
        "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
      ),
      AGE,
      CONTAINERS,
      IMAGES,
      col(
        'Selector',
        "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        1,
      ),
    ],
    cells(object, now) {
      const ds = object as unknown as DaemonSet;
      const status = ds.status;
      const [containers, images] = containersAndImages(ds.spec?.template);
      return [
        object.metadata.name,
        status?.desiredNumberScheduled ?? 0,
        status?.currentNumberScheduled ?? 0,
        status?.numberReady ?? 0,
        status?.updatedNumberScheduled ?? 0,
        status?.numberAvailable ?? 0,
        selectorText(ds.spec?.template?.spec?.nodeSelector),
        age(object, now),
        containers,
        images,
        labelSelectorText(ds.spec?.selector),
      ];
    },
  },
  Job: {
    columns: [
      NAME,
      col('Status', 'Status of the job.'),
      col(
        'Completions',
        'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.',
      ),
      col('Duration', 'Time required to complete the job.'),
      AGE,
      CONTAINERS,
      IMAGES,
      col(
        'Selector',
        'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
        1,
      ),
    ],
    cells(object, now) {
      const job = object as unknown as Job;
      const [containers, images] = containersAndImages(job.spec?.template);
      return [
        object.metadata.name,
        jobStatus(job),
        jobCompletions(job),
        jobDuration(job, now),
        age(object, now),
        containers,
        images,
        labelSelectorText(job.spec?.selector),
      ];
    },
  },
  CronJob: {
    columns: [
      NAME,
      col('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
      col(
        'Timezone',
        'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
      ),
      col(
        'Suspend',
        'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
        0,
        'boolean',
      ),
      col('Active', 'A list of pointers to currently running jobs.', 0, 'integer'),
      col('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
      AGE,
      CONTAINERS,
      IMAGES,
      col(
        'Selector',
        'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
        1,
      ),
    ],
    cells(object, now) {
      const cj = object as unknown as CronJob;
      const last = cj.status?.lastScheduleTime;
      const suspend = cj.spec?.suspend;
      const [containers, images] = containersAndImages(cj.spec?.jobTemplate?.spec?.template);
      return [
        object.metadata.name,
        cj.spec?.schedule ?? '',
        cj.spec?.timeZone ?? '<none>',
        suspend === undefined ? '<unset>' : suspend ? 'True' : 'False',
        (cj.status?.active ?? []).length,
        last ? humanDuration(now - Date.parse(last)) : '<none>',
        age(object, now),
        containers,
        images,
        labelSelectorText(cj.spec?.jobTemplate?.spec?.selector),
      ];
    },
  },
  ControllerRevision: {
    columns: [
      NAME,
      col('Controller', 'Controller of the object'),
      col('Revision', 'Revision indicates the revision of the state represented by Data.', 0, 'integer'),
      AGE,
    ],
    cells(object: KubeObject, now) {
      const revision = object as unknown as ControllerRevision;
      const ref = (object.metadata.ownerReferences ?? []).find((o) => o.controller === true);
      let controller = '<none>';
      if (ref) {
        const slash = ref.apiVersion.indexOf('/');
        const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
        controller = `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
      }
      return [object.metadata.name, controller, revision.revision ?? 0, age(object, now)];
    },
  },
};
