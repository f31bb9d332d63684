import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { cpuMillis, memoryBytes } from '../../api/quantity.ts';
import { selectorMatches } from '../../api/selectors.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import { rfc3339, type Clock } from '../../clock/clock.ts';
import type { EventRecorder } from '../../events.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';
import {
  normalizeWithBehavior,
  resourceReplicas,
  type Behavior,
  type PodSample,
  type Recommendation,
} from './replicas.ts';

const NAME = 'horizontal-pod-autoscaler';
const HPAS = 'horizontalpodautoscalers.autoscaling';
/** SYNC_MS is --horizontal-pod-autoscaler-sync-period. */
export const SYNC_MS = 15_000;
const DOWN_WINDOW_S = 300;

/** TARGETS maps the scaleTargetRef kinds the simulation scales to their REST collections. */
const TARGETS: Record<string, { key: string; plural: string; group: string }> = {
  Deployment: { key: 'deployments.apps', plural: 'deployments', group: 'apps' },
  ReplicaSet: { key: 'replicasets.apps', plural: 'replicasets', group: 'apps' },
  StatefulSet: { key: 'statefulsets.apps', plural: 'statefulsets', group: 'apps' },
};

type Spec = NonNullable<HorizontalPodAutoscaler['spec']>;
type MetricStatus = NonNullable<NonNullable<HorizontalPodAutoscaler['status']>['currentMetrics']>[number];
type Rules = NonNullable<NonNullable<Spec['behavior']>['scaleUp']>;

/** metricName is how the controller names a resource utilization metric in events and conditions. */
function metricName(resource: string): string {
  return `${resource} resource utilization (percentage of request)`;
}

/** limitFrom applies a direction's policies (Pods/Percent, selectPolicy Max/Min/Disabled) to one sync period. */
function limitFrom(rules: Rules | undefined, fallback: Rules, up: boolean): (current: number) => number {
  const r = rules ?? fallback;
  const policies = r.policies ?? fallback.policies ?? [];
  return (current) => {
    if (r.selectPolicy === 'Disabled') return current;
    const values = policies.map((p) => {
      if (p.type === 'Pods') return up ? current + p.value : current - p.value;
      return up ? Math.ceil(current * (1 + p.value / 100)) : Math.trunc(current * (1 - p.value / 100));
    });
    if (values.length === 0) return up ? Infinity : 0;
    const pickMax = (r.selectPolicy ?? 'Max') === 'Max';
    return up === pickMax ? Math.max(...values) : Math.min(...values);
  };
}

/** behaviorOf reads spec.behavior with the autoscaling/v2 defaults (up: 0 s, 4 pods or 100%; down: 300 s, 100%). */
export function behaviorOf(spec: Spec): Behavior {
  const up = spec.behavior?.scaleUp;
  const down = spec.behavior?.scaleDown;
  return {
    scaleUpWindowMs: (up?.stabilizationWindowSeconds ?? 0) * 1000,
    scaleDownWindowMs: (down?.stabilizationWindowSeconds ?? DOWN_WINDOW_S) * 1000,
    scaleUpLimit: limitFrom(
      up,
      {
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      true,
    ),
    scaleDownLimit: limitFrom(down, { policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] }, false),
  };
}

function condition(type: string, status: string, reason: string, message: string, now: string) {
  return { type, status, reason, message, lastTransitionTime: now };
}

/**
 * HorizontalPodAutoscalerController is pkg/controller/podautoscaler for autoscaling/v2 Resource
 * metrics: every 15 s per HPA (a clock event, only while the HPA exists) it reads pod usage from the
 * metrics API, computes the desired count with the real replica calculator, stabilizes it, writes
 * the target's /scale, and reports status, conditions and events. Recommendation history lives in
 * memory and starts empty after a restore.
 */
export class HorizontalPodAutoscalerController implements Controller {
  readonly name = NAME;
  private readonly queue = new Set<string>();
  private readonly history = new Map<string, Recommendation[]>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {
    this.request = controllerClient(server, NAME);
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  observe(change: StoredChange): void {
    if (change.resource !== HPAS) return;
    const key = `${change.object.metadata.namespace ?? ''}/${change.object.metadata.name ?? ''}`;
    if (change.type === 'DELETED') {
      this.history.delete(key);
      return;
    }
    const specChanged = JSON.stringify(change.object.spec) !== JSON.stringify(change.previous?.spec);
    if (change.type === 'ADDED') {
      this.queue.add(key);
      this.clock.schedule(this.clock.now + SYNC_MS, timerType(NAME), `${key}|${change.object.metadata.uid ?? ''}`);
    } else if (specChanged) this.queue.add(key);
  }

  run(): void {
    const keys = [...this.queue].sort();
    this.queue.clear();
    for (const key of keys) this.sync(key);
  }

  handleTimer(ref: string): void {
    const [key = '', uid = ''] = ref.split('|');
    const [namespace = '', name = ''] = key.split('/');
    const hpa = this.server.store.get(HPAS, namespace, name);
    if (!hpa || hpa.metadata.uid !== uid) return;
    this.queue.add(key);
    this.clock.schedule(this.clock.now + SYNC_MS, timerType(NAME), ref);
  }

  rebuild(): void {
    for (const hpa of this.server.store.list(HPAS)) {
      const key = `${hpa.metadata.namespace ?? ''}/${hpa.metadata.name ?? ''}`;
      this.queue.add(key);
      this.clock.schedule(this.clock.now + SYNC_MS, timerType(NAME), `${key}|${hpa.metadata.uid ?? ''}`);
    }
  }

  private sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const hpa = this.server.store.get(HPAS, namespace, name) as unknown as HorizontalPodAutoscaler | undefined;
    if (!hpa?.spec || hpa.metadata?.deletionTimestamp) return;
    const spec = hpa.spec;
    const now = this.clock.now;
    const stamp = rfc3339(now);
    const ref = spec.scaleTargetRef;
    const target = TARGETS[ref.kind];
    const object = target ? this.server.store.get(target.key, namespace, ref.name) : undefined;
    const conditions: HorizontalPodAutoscalerCondition[] = [];
    const status: NonNullable<HorizontalPodAutoscaler['status']> = {
      ...(hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
      currentReplicas: hpa.status?.currentReplicas ?? 0,
      desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    };
    if (!target || !object) {
      const message = `the HPA controller was unable to get the target's current scale: ${target?.plural ?? ref.kind.toLowerCase()}/scale${target ? `.${target.group}` : ''} "${ref.name}" not found`;
      this.warn(
        hpa,
        'FailedGetScale',
        message.replace("the HPA controller was unable to get the target's current scale: ", ''),
      );
      conditions.push(condition('AbleToScale', 'False', 'FailedGetScale', message, stamp));
      this.writeStatus(hpa, { ...status, conditions });
      return;
    }
    const current = (object.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    status.currentReplicas = current;
    const minReplicas = spec.minReplicas ?? 1;
    if (current === 0 && minReplicas !== 0) {
      conditions.push(
        condition(
          'AbleToScale',
          'True',
          'SucceededGetScale',
          "the HPA controller was able to get the target's current scale",
          stamp,
        ),
        condition(
          'ScalingActive',
          'False',
          'ScalingDisabled',
          'scaling is disabled since the replica count of the target is zero',
          stamp,
        ),
      );
      this.writeStatus(hpa, { ...status, desiredReplicas: 0, conditions });
      return;
    }
    const selector = (object.spec as { selector?: LabelSelector } | undefined)?.selector;
    const pods = (this.server.store.list('pods', namespace) as unknown as Pod[]).filter(
      (p) =>
        !p.metadata?.deletionTimestamp && p.status?.phase !== 'Failed' && selectorMatches(selector, p.metadata?.labels),
    );
    const usage = this.podUsage(namespace);
    let proposal = 0;
    let proposalMetric = '';
    const currentMetrics: MetricStatus[] = [];
    for (const metric of spec.metrics ?? []) {
      if (metric.type !== 'Resource' || !metric.resource) continue;
      const resource = metric.resource.name;
      const read = resource === 'cpu' ? cpuMillis : memoryBytes;
      const samples: PodSample[] = [];
      let missingRequest: string | undefined;
      for (const pod of pods) {
        let request = 0;
        for (const c of pod.spec?.containers ?? []) {
          const value = (c.resources?.requests as Record<string, string> | undefined)?.[resource];
          if (value === undefined)
            missingRequest ??= `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}`;
          request += read(value);
        }
        const ready = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
        samples.push({
          name: pod.metadata?.name ?? '',
          request,
          usage: usage.get(pod.metadata?.name ?? '')?.[resource],
          ready,
        });
      }
      const targetUtilization = metric.resource.target.averageUtilization ?? 100;
      const measured = samples.some((s) => s.usage !== undefined);
      const failure = !measured
        ? `failed to get ${resource} utilization: unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`
        : missingRequest
          ? `failed to get ${resource} utilization: ${missingRequest}`
          : undefined;
      const result = failure ? undefined : resourceReplicas(current, targetUtilization, samples, resource === 'cpu');
      if (!result) {
        const text = failure ?? '';
        this.warn(hpa, 'FailedGetResourceMetric', text);
        this.warn(
          hpa,
          'FailedComputeMetricsReplicas',
          `invalid metrics (1 invalid out of 1), first error is: failed to get ${resource} resource metric value: ${text}`,
        );
        conditions.push(
          condition(
            'AbleToScale',
            'True',
            'SucceededGetScale',
            "the HPA controller was able to get the target's current scale",
            stamp,
          ),
          condition(
            'ScalingActive',
            'False',
            'FailedGetResourceMetric',
            `the HPA was unable to compute the replica count: failed to get ${resource} resource metric value: ${text}`,
            stamp,
          ),
        );
        this.writeStatus(hpa, { ...status, currentMetrics: null as never, conditions });
        return;
      }
      currentMetrics.push({
        type: 'Resource',
        resource: {
          name: resource,
          current: {
            averageUtilization: result.utilization,
            averageValue: resource === 'cpu' ? `${result.averageValue}m` : String(result.averageValue),
          },
        },
      });
      if (result.replicas > proposal) {
        proposal = result.replicas;
        proposalMetric = metricName(resource);
      }
    }
    const history = (this.history.get(key) ?? []).filter((r) => r.at > now - 600_000);
    const normalized = normalizeWithBehavior(
      current,
      proposal,
      history,
      now,
      behaviorOf(spec),
      minReplicas,
      spec.maxReplicas,
    );
    history.push({ at: now, replicas: proposal });
    this.history.set(key, history);
    const desired = normalized.replicas;
    let able = normalized.ableToScale;
    if (desired !== current) {
      this.request({
        verb: 'PUT',
        path: `/apis/${target.group}/v1/namespaces/${namespace}/${target.plural}/${ref.name}/scale`,
        body: {
          apiVersion: 'autoscaling/v1',
          kind: 'Scale',
          metadata: { name: ref.name, namespace },
          spec: { replicas: desired },
        },
      });
      const reason = desired > current ? `${proposalMetric} above target` : 'All metrics below target';
      this.events.record(
        hpa as unknown as KubeObject,
        { component: NAME },
        {
          type: 'Normal',
          reason: 'SuccessfulRescale',
          message: `New size: ${desired}; reason: ${reason}`,
        },
      );
      able = {
        reason: 'SucceededRescale',
        message: `the HPA controller was able to update the target scale to ${desired}`,
      };
      status.lastScaleTime = stamp;
    }
    const activeMetric = proposalMetric || metricName(spec.metrics?.[0]?.resource?.name ?? 'cpu');
    conditions.push(
      condition('AbleToScale', 'True', able.reason, able.message, stamp),
      condition(
        'ScalingActive',
        'True',
        'ValidMetricFound',
        `the HPA was able to successfully calculate a replica count from ${activeMetric}`,
        stamp,
      ),
      condition(
        'ScalingLimited',
        normalized.limited.status,
        normalized.limited.reason,
        normalized.limited.message,
        stamp,
      ),
    );
    this.writeStatus(hpa, { ...status, desiredReplicas: desired, currentMetrics, conditions });
  }

  /** podUsage reads metrics.k8s.io PodMetrics for a namespace: per pod, summed cpu millicores and memory bytes. */
  private podUsage(namespace: string): Map<string, Record<string, number>> {
    const response = this.request({ verb: 'GET', path: `/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods` });
    const items =
      (response.body as { items?: { metadata: { name: string }; containers: { usage: Record<string, string> }[] }[] })
        ?.items ?? [];
    const out = new Map<string, Record<string, number>>();
    for (const item of items) {
      let cpu = 0;
      let memory = 0;
      for (const c of item.containers) {
        cpu += cpuMillis(c.usage['cpu']);
        memory += memoryBytes(c.usage['memory']);
      }
      out.set(item.metadata.name, { cpu, memory });
    }
    return out;
  }

  /** writeStatus keeps a condition's lastTransitionTime while its status does not change. */
  private writeStatus(hpa: HorizontalPodAutoscaler, status: NonNullable<HorizontalPodAutoscaler['status']>): void {
    const previous = hpa.status?.conditions ?? [];
    status.conditions = (status.conditions ?? []).map((c) => {
      const before = previous.find((p) => p.type === c.type);
      return before && before.status === c.status && before.lastTransitionTime
        ? { ...c, lastTransitionTime: before.lastTransitionTime }
        : c;
    });
    if ((status.currentMetrics as unknown) === null) delete status.currentMetrics;
    if (JSON.stringify(status) === JSON.stringify(hpa.status)) return;
    const namespace = hpa.metadata?.namespace ?? '';
    this.request({
      verb: 'PUT',
      path: `/apis/autoscaling/v2/namespaces/${namespace}/horizontalpodautoscalers/${hpa.metadata?.name ?? ''}/status`,
      body: { ...hpa, status },
    });
  }

  private warn(hpa: HorizontalPodAutoscaler, reason: string, message: string): void {
    this.events.record(hpa as unknown as KubeObject, { component: NAME }, { type: 'Warning', reason, message });
  }
}
