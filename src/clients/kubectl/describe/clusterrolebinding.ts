import { registerDescriber } from './registry.ts';
import { describeRoleBinding } from './rolebinding.ts';

/** A ClusterRoleBinding describes like a RoleBinding (ClusterRoleBindingDescriber): role reference, subjects table. */
registerDescriber('ClusterRoleBinding', describeRoleBinding, 'rbac.authorization.k8s.io');
