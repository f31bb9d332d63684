import { describeRole } from './role.ts';
import { registerDescriber } from './registry.ts';

/** A ClusterRole describes exactly like a Role (ClusterRoleDescriber repeats RoleDescriber): name, labels, rules. */
registerDescriber('ClusterRole', describeRole, 'rbac.authorization.k8s.io');
