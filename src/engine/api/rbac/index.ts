import type { ApiServer, Authorizer } from '../server.ts';
import { attributesOf, authorize, forbiddenMessage } from './authorizer.ts';
import { applyImpersonation } from './impersonation.ts';
import { reviewHandlers } from './reviews.ts';
import type { RequestAttributes } from './rules.ts';

/**
 * RBAC for the simulated API server: installRbac registers the access-review endpoints and the
 * impersonation filter on the server and returns the authorizer, so the cluster wires all of it
 * with `this.server.authorizer = installRbac(this.server, now)`.
 */
export function installRbac(server: ApiServer, now: () => number): Authorizer {
  const decide = (user: Parameters<Authorizer>[0], attributes: RequestAttributes) =>
    authorize(server.store, user, attributes);
  for (const [resource, handler] of Object.entries(reviewHandlers({ store: server.store, now, decide })))
    server.resourceHandlers.set(resource, handler);
  server.impersonate = (request, requester) => applyImpersonation(request, requester, decide);
  return (user, verb, path) => {
    const attributes = attributesOf(verb, path);
    const decision = decide(user, attributes);
    if (decision.allowed) return { allowed: true };
    return { allowed: false, message: forbiddenMessage(user, attributes, decision.reason) };
  };
}

export { authorize, forbiddenMessage, type Decision } from './authorizer.ts';
export { impersonatedUser } from './impersonation.ts';
export { ruleAllows, type RequestAttributes } from './rules.ts';
export { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapNamespacedRoles } from './bootstrap-policy.ts';
