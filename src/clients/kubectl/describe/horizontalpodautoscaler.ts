import type { HorizontalPodAutoscaler, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import { L0, L1, L2, L3, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common.ts';
import { writeEvents } from './events.ts';
import { canonicalText } from './quantity.ts';
import { registerDescriber } from './registry.ts';

function printDirectionBehavior(w: DescribeWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.line(L1, `${direction}:`);
  if (rules.stabilizationWindowSeconds !== undefined)
    w.line(L2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds`);
  if ((rules.policies ?? []).length > 0) {
    w.line(L2, `Select Policy: ${rules.selectPolicy ?? 'Max'}`);
    w.line(L2, 'Policies:');
    for (const p of rules.policies ?? [])
      w.line(L3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds`);
  }
}

/**
 * describeHorizontalPodAutoscaler is describeHorizontalPodAutoscalerV2: one `current / target` line per metric
 * (`<unknown>` until the controller has measured), the replica bounds, behavior and conditions.
 */
export async function describeHorizontalPodAutoscaler(
  object: KubeObject,
  w: DescribeWriter,
  ctx: DescribeContext,
): Promise<void> {
  const hpa = object as unknown as HorizontalPodAutoscaler;
  const meta = hpa.metadata ?? {};
  const spec = hpa.spec;
  const status = hpa.status;
  const current = status?.currentMetrics ?? [];
  const q = (v: string | number | undefined) => canonicalText(v);
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.line(L0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}`);
  w.line(L0, `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}`);
  w.line(L0, 'Metrics:\t( current / target )');
  (spec?.metrics ?? []).forEach((metric, i) => {
    const c = current[i];
    switch (metric.type) {
      case 'External': {
        const m = metric.external;
        if (m?.target.averageValue !== undefined) {
          const now =
            c?.external?.current.averageValue !== undefined ? q(c.external.current.averageValue) : '<unknown>';
          w.line(L1, `"${m.metric.name}" (target average value):\t${now} / ${q(m.target.averageValue)}`);
        } else {
          const now = c?.external ? q(c.external.current.value) : '<unknown>';
          w.line(L1, `"${m?.metric.name ?? ''}" (target value):\t${now} / ${q(m?.target.value)}`);
        }
        break;
      }
      case 'Pods': {
        const now = c?.pods ? q(c.pods.current.averageValue) : '<unknown>';
        w.line(L1, `"${metric.pods?.metric.name ?? ''}" on pods:\t${now} / ${q(metric.pods?.target.averageValue)}`);
        break;
      }
      case 'Object': {
        const m = metric.object;
        w.write(L1, `"${m?.metric.name ?? ''}" on ${m?.describedObject.kind ?? ''}/${m?.describedObject.name ?? ''} `);
        if (m?.target.type === 'AverageValue') {
          const now = c?.object ? q(c.object.current.averageValue) : '<unknown>';
          w.line(L0, `(target average value):\t${now} / ${q(m.target.averageValue)}`);
        } else {
          const now = c?.object ? q(c.object.current.value) : '<unknown>';
          w.line(L0, `(target value):\t${now} / ${q(m?.target.value)}`);
        }
        break;
      }
      case 'Resource':
      case 'ContainerResource': {
        const m = metric.type === 'Resource' ? metric.resource : metric.containerResource;
        const cur = metric.type === 'Resource' ? c?.resource : c?.containerResource;
        if (metric.type === 'Resource') w.write(L1, `resource ${m?.name ?? ''} on pods`);
        else
          w.write(L1, `resource ${m?.name ?? ''} of container "${metric.containerResource?.container ?? ''}" on pods`);
        if (m?.target.averageValue !== undefined) {
          const now = cur ? q(cur.current.averageValue) : '<unknown>';
          w.line(L0, `:\t${now} / ${q(m.target.averageValue)}`);
        } else {
          const now =
            cur && cur.current.averageUtilization !== undefined
              ? `${cur.current.averageUtilization}% (${q(cur.current.averageValue)})`
              : '<unknown>';
          const target = m?.target.averageUtilization !== undefined ? `${m.target.averageUtilization}%` : '<auto>';
          w.line(L1, `(as a percentage of request):\t${now} / ${target}`);
        }
        break;
      }
      default:
        w.line(L1, `<unknown metric type "${String(metric.type)}">`);
    }
  });
  w.line(L0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}`);
  w.line(L0, `Max replicas:\t${spec?.maxReplicas ?? 0}`);
  if (spec?.behavior) {
    w.line(L0, 'Behavior:');
    printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(L0, `${spec?.scaleTargetRef.kind ?? ''} pods:\t`);
  w.line(L0, `${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired`);
  if ((status?.conditions ?? []).length > 0) {
    w.line(L0, 'Conditions:');
    w.line(L1, 'Type\tStatus\tReason\tMessage');
    w.line(L1, '----\t------\t------\t-------');
    for (const cond of status?.conditions ?? [])
      w.line(L1, `${cond.type}\t${cond.status}\t${cond.reason ?? ''}\t${cond.message ?? ''}`);
  }
  await writeEvents(w, ctx, object);
}

registerDescriber('HorizontalPodAutoscaler', describeHorizontalPodAutoscaler, 'autoscaling');
