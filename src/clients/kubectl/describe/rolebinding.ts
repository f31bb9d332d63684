import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, L1, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { registerDescriber } from './registry.ts';

/** describeRoleBinding is RoleBindingDescriber (and ClusterRoleBindingDescriber): the role, then a subjects table. */
export function describeRoleBinding(object: KubeObject, w: DescribeWriter): void {
  const binding = object as unknown as RoleBinding;
  w.line(L0, `Name:\t${binding.metadata?.name ?? ''}`);
  printLabelsMultiline(w, 'Labels', binding.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', binding.metadata?.annotations);
  w.line(L0, 'Role:');
  w.line(L1, `Kind:\t${binding.roleRef?.kind ?? ''}`);
  w.line(L1, `Name:\t${binding.roleRef?.name ?? ''}`);
  w.line(L0, 'Subjects:');
  w.line(L1, 'Kind\tName\tNamespace');
  w.line(L1, '----\t----\t---------');
  for (const s of binding.subjects ?? []) w.line(L1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}`);
}

registerDescriber('RoleBinding', describeRoleBinding, 'rbac.authorization.k8s.io');
