import type { Container, PodSpec, Probe, Volume } from 'kubernetes-types/core/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import { DNS1123_LABEL_MESSAGE, nameErrors, validateLabels } from './names.ts';

/**
 * validatePodSpec follows pkg/apis/core/validation for the fields a learner writes by hand:
 * containers, names, images, ports, env, volumes and their mounts, probes and policies.
 */
export function validatePodSpec(spec: PodSpec | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec || typeof spec !== 'object') return [fieldErrors.required(`${field}.containers`)];
  const volumeNames = new Set<string>();
  (spec.volumes ?? []).forEach((volume, i) =>
    errors.push(...validateVolume(volume, `${field}.volumes[${i}]`, volumeNames)),
  );

  const allNames = new Set<string>();
  (spec.initContainers ?? []).forEach((c, i) =>
    errors.push(...validateContainer(c, `${field}.initContainers[${i}]`, allNames, volumeNames, true)),
  );
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    errors.push(fieldErrors.required(`${field}.containers`));
  } else {
    spec.containers.forEach((c, i) =>
      errors.push(...validateContainer(c, `${field}.containers[${i}]`, allNames, volumeNames, false)),
    );
  }
  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errors.push(
      fieldErrors.notSupported(`${field}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']),
    );
  }
  if (
    spec.dnsPolicy !== undefined &&
    !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy)
  ) {
    errors.push(
      fieldErrors.notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, [
        'ClusterFirstWithHostNet',
        'ClusterFirst',
        'Default',
        'None',
      ]),
    );
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errors.push(
      fieldErrors.invalid(
        `${field}.terminationGracePeriodSeconds`,
        spec.terminationGracePeriodSeconds,
        'must be greater than or equal to 0',
      ),
    );
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errors.push(
      fieldErrors.invalid(
        `${field}.activeDeadlineSeconds`,
        spec.activeDeadlineSeconds,
        'must be between 1 and 2147483647, inclusive',
      ),
    );
  }
  if (spec.nodeSelector) errors.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  (spec.tolerations ?? []).forEach((t, i) => {
    const at = `${field}.tolerations[${i}]`;
    if (t.operator !== undefined && !['Equal', 'Exists'].includes(t.operator)) {
      errors.push(fieldErrors.notSupported(`${at}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.operator === 'Exists' && t.value) {
      errors.push(fieldErrors.invalid(`${at}.operator`, t.operator, "value must be empty when `operator` is 'Exists'"));
    }
    if (!t.key && t.operator !== 'Exists') {
      errors.push(
        fieldErrors.invalid(
          `${at}.operator`,
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (
      t.effect !== undefined &&
      t.effect !== '' &&
      !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)
    ) {
      errors.push(fieldErrors.notSupported(`${at}.effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
    }
  });
  return errors;
}

function validateVolume(volume: Volume, field: string, seen: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (!volume.name) errors.push(fieldErrors.required(`${field}.name`));
  else {
    for (const message of nameErrors(volume.name, 'dns1123Label'))
      errors.push(fieldErrors.invalid(`${field}.name`, volume.name, message));
    if (seen.has(volume.name)) errors.push(fieldErrors.duplicate(`${field}.name`, volume.name));
    seen.add(volume.name);
  }
  const sources = [
    'emptyDir',
    'hostPath',
    'configMap',
    'secret',
    'persistentVolumeClaim',
    'projected',
    'downwardAPI',
    'nfs',
    'csi',
    'ephemeral',
  ].filter((key) => (volume as unknown as Record<string, unknown>)[key] !== undefined);
  if (sources.length === 0) errors.push(fieldErrors.required(field, 'must specify a volume type'));
  if (sources.length > 1)
    errors.push(fieldErrors.forbidden(`${field}.${sources[1]}`, 'may not specify more than 1 volume type'));
  if (volume.hostPath && !volume.hostPath.path) errors.push(fieldErrors.required(`${field}.hostPath.path`));
  if (volume.persistentVolumeClaim && !volume.persistentVolumeClaim.claimName) {
    errors.push(fieldErrors.required(`${field}.persistentVolumeClaim.claimName`));
  }
  return errors;
}

function validateContainer(
  container: Container,
  field: string,
  names: Set<string>,
  volumes: Set<string>,
  init: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!container || typeof container !== 'object') return [fieldErrors.required(field)];
  if (!container.name) errors.push(fieldErrors.required(`${field}.name`));
  else {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(container.name) || container.name.length > 63) {
      errors.push(fieldErrors.invalid(`${field}.name`, container.name, DNS1123_LABEL_MESSAGE));
    }
    if (names.has(container.name)) errors.push(fieldErrors.duplicate(`${field}.name`, container.name));
    names.add(container.name);
  }
  if (!container.image || String(container.image).trim() === '') errors.push(fieldErrors.required(`${field}.image`));
  if (
    container.imagePullPolicy !== undefined &&
    !['Always', 'IfNotPresent', 'Never'].includes(container.imagePullPolicy)
  ) {
    errors.push(
      fieldErrors.notSupported(`${field}.imagePullPolicy`, container.imagePullPolicy, [
        'Always',
        'IfNotPresent',
        'Never',
      ]),
    );
  }
  const portNames = new Set<string>();
  (container.ports ?? []).forEach((port, i) => {
    const at = `${field}.ports[${i}]`;
    if (port.containerPort === undefined) errors.push(fieldErrors.required(`${at}.containerPort`));
    else if (!Number.isInteger(port.containerPort) || port.containerPort < 1 || port.containerPort > 65535) {
      errors.push(
        fieldErrors.invalid(`${at}.containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'),
      );
    }
    if (port.hostPort !== undefined && (port.hostPort < 1 || port.hostPort > 65535)) {
      errors.push(fieldErrors.invalid(`${at}.hostPort`, port.hostPort, 'must be between 1 and 65535, inclusive'));
    }
    if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
      errors.push(fieldErrors.notSupported(`${at}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
    }
    if (port.name) {
      if (portNames.has(port.name)) errors.push(fieldErrors.duplicate(`${at}.name`, port.name));
      portNames.add(port.name);
    }
  });
  (container.env ?? []).forEach((env, i) => {
    const at = `${field}.env[${i}]`;
    if (!env.name) errors.push(fieldErrors.required(`${at}.name`));
    if (env.value !== undefined && env.valueFrom !== undefined) {
      errors.push(fieldErrors.invalid(`${at}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    }
  });
  (container.volumeMounts ?? []).forEach((mount, i) => {
    const at = `${field}.volumeMounts[${i}]`;
    if (!mount.name) errors.push(fieldErrors.required(`${at}.name`));
    else if (!volumes.has(mount.name))
      errors.push({ type: 'FieldValueInvalid', field: `${at}.name`, message: `Not found: "${mount.name}"` });
    if (!mount.mountPath) errors.push(fieldErrors.required(`${at}.mountPath`));
  });
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = container[kind];
    if (!probe) continue;
    if (init && container.restartPolicy !== 'Always') {
      errors.push(
        fieldErrors.forbidden(`${field}.${kind}`, 'may not be set for init containers without restartPolicy=Always'),
      );
      continue;
    }
    errors.push(...validateProbe(probe, `${field}.${kind}`, kind !== 'readinessProbe'));
  }
  if (container.restartPolicy !== undefined && (!init || container.restartPolicy !== 'Always')) {
    errors.push(
      init
        ? fieldErrors.notSupported(`${field}.restartPolicy`, container.restartPolicy, ['Always'])
        : fieldErrors.forbidden(`${field}.restartPolicy`, 'may not be set for non-init containers'),
    );
  }
  return errors;
}

function validateProbe(probe: Probe, field: string, needsSingleSuccess: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter(
    (k) => (probe as Record<string, unknown>)[k] !== undefined,
  );
  if (handlers.length === 0) errors.push(fieldErrors.required(field, 'must specify a handler type'));
  if (handlers.length > 1)
    errors.push(fieldErrors.forbidden(`${field}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  if (needsSingleSuccess && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errors.push(fieldErrors.invalid(`${field}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
  for (const key of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    const value = probe[key];
    if (value !== undefined && value < 0)
      errors.push(fieldErrors.invalid(`${field}.${key}`, value, 'must be greater than or equal to 0'));
  }
  if (probe.httpGet && probe.httpGet.port === undefined) errors.push(fieldErrors.required(`${field}.httpGet.port`));
  if (probe.tcpSocket && probe.tcpSocket.port === undefined)
    errors.push(fieldErrors.required(`${field}.tcpSocket.port`));
  return errors;
}
