import type {
  NonResourceAttributes,
  ResourceAttributes,
  NonResourceRule,
  SubjectAccessReviewStatus,
} from 'kubernetes-types/authorization/v1';
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import { rfc3339 } from '../../clock/clock.ts';
import { ApiError, badRequest, fieldErrors, invalid } from '../errors.ts';
import type { ResourcePath } from '../paths.ts';
import type { ApiRequest, ApiResponse, UserInfo } from '../types.ts';
import { aggregateErrors, type Decision } from './authorizer.ts';
import { rulesFor } from './resolver.ts';
import type { RequestAttributes } from './rules.ts';
import type { ObjectStore } from '../store.ts';

/**
 * The access-review endpoints (pkg/registry/authorization, pkg/registry/authentication): nothing is
 * stored; each POST answers with the object and a status computed by the authorizer. They back
 * `kubectl auth can-i`, `can-i --list` and `auth whoami`.
 */
/** ResourceRule is authorization/v1 ResourceRule (kubernetes-types lacks its verbs and resources). */
interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export type ReviewHandler = (request: ApiRequest & { user: UserInfo }, path: ResourcePath) => ApiResponse;

interface ReviewDeps {
  store: ObjectStore;
  now: () => number;
  decide: (user: UserInfo, attributes: RequestAttributes) => Decision;
}

interface AccessReviewBody {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown>;
  spec?: {
    resourceAttributes?: ResourceAttributes;
    nonResourceAttributes?: NonResourceAttributes;
    user?: string;
    groups?: string[];
    uid?: string;
    extra?: Record<string, string[]>;
    namespace?: string;
  };
}

function body(request: ApiRequest): AccessReviewBody {
  const value = request.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ApiError(
      badRequest(
        'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
      ),
    );
  return value as AccessReviewBody;
}

function attributesOf(spec: NonNullable<AccessReviewBody['spec']>, kind: string, group: string): RequestAttributes {
  const resource = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
  if ((resource === undefined) === (nonResource === undefined)) {
    throw new ApiError(
      invalid(kind, group, '', [
        fieldErrors.invalid(
          'spec.resourceAttributes',
          'null',
          'exactly one of nonResourceAttributes or resourceAttributes must be specified',
        ),
      ]),
    );
  }
  if (resource)
    return {
      verb: resource.verb ?? '',
      resourceRequest: true,
      apiGroup: resource.group ?? '',
      resource: resource.resource ?? '',
      subresource: resource.subresource ?? '',
      name: resource.name ?? '',
      namespace: resource.namespace ?? '',
      path: '',
    };
  return {
    verb: nonResource?.verb ?? '',
    resourceRequest: false,
    apiGroup: '',
    resource: '',
    subresource: '',
    name: '',
    namespace: '',
    path: nonResource?.path ?? '',
  };
}

function status(decision: Decision): SubjectAccessReviewStatus {
  return { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
}

function answer(input: AccessReviewBody, kind: string, apiVersion: string, extra: object): ApiResponse {
  const { metadata, ...rest } = input;
  return {
    status: 201,
    body: { ...rest, kind, apiVersion, metadata: { ...(metadata ?? {}), creationTimestamp: null }, ...extra },
  };
}

const AUTHZ = 'authorization.k8s.io/v1';

export function reviewHandlers(deps: ReviewDeps): Record<string, ReviewHandler> {
  return {
    'selfsubjectaccessreviews.authorization.k8s.io': (request) => {
      const input = body(request);
      const attributes = attributesOf(input.spec ?? {}, 'SelfSubjectAccessReview', 'authorization.k8s.io');
      return answer(input, 'SelfSubjectAccessReview', AUTHZ, { status: status(deps.decide(request.user, attributes)) });
    },
    'subjectaccessreviews.authorization.k8s.io': (request) => {
      const input = body(request);
      const spec = input.spec ?? {};
      if (!spec.user && (spec.groups ?? []).length === 0) {
        throw new ApiError(
          invalid('SubjectAccessReview', 'authorization.k8s.io', '', [
            fieldErrors.invalid('spec.user', '', 'at least one of user or group must be specified'),
          ]),
        );
      }
      const attributes = attributesOf(spec, 'SubjectAccessReview', 'authorization.k8s.io');
      const subject: UserInfo = { username: spec.user ?? '', groups: spec.groups ?? [] };
      return answer(input, 'SubjectAccessReview', AUTHZ, { status: status(deps.decide(subject, attributes)) });
    },
    'localsubjectaccessreviews.authorization.k8s.io': (request, path) => {
      const input = body(request);
      const spec = input.spec ?? {};
      const attributes = attributesOf(spec, 'LocalSubjectAccessReview', 'authorization.k8s.io');
      if (attributes.namespace !== (path.namespace ?? '')) {
        throw new ApiError(
          badRequest(`spec.resourceAttributes.namespace must match namespace: ${path.namespace ?? ''}`),
        );
      }
      const subject: UserInfo = { username: spec.user ?? '', groups: spec.groups ?? [] };
      return answer(input, 'LocalSubjectAccessReview', AUTHZ, { status: status(deps.decide(subject, attributes)) });
    },
    'selfsubjectrulesreviews.authorization.k8s.io': (request) => {
      const input = body(request);
      const namespace = input.spec?.namespace ?? '';
      const user = request.user;
      const isNode = (user.groups ?? []).includes('system:nodes') && user.username.startsWith('system:node:');
      const { rules, errors } = rulesFor(deps.store, user, namespace);
      const resourceRules: ResourceRule[] = rules.filter((r) => (r.resources ?? []).length > 0).map(resourceRule);
      const nonResourceRules: NonResourceRule[] = rules
        .filter((r) => (r.nonResourceURLs ?? []).length > 0)
        .map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] }));
      const evaluation = [
        ...(isNode ? ['node authorizer does not support user rule resolution'] : []),
        ...(errors.length ? [aggregateErrors(errors)] : []),
      ];
      return answer(input, 'SelfSubjectRulesReview', AUTHZ, {
        status: {
          resourceRules,
          nonResourceRules,
          incomplete: isNode,
          ...(evaluation.length ? { evaluationError: aggregateErrors(evaluation) } : {}),
        },
      });
    },
    'selfsubjectreviews.authentication.k8s.io': (request) => {
      const input = body(request);
      const { metadata, ...rest } = input;
      return {
        status: 201,
        body: {
          ...rest,
          kind: 'SelfSubjectReview',
          apiVersion: 'authentication.k8s.io/v1',
          metadata: { ...(metadata ?? {}), creationTimestamp: rfc3339(deps.now()) },
          status: {
            userInfo: {
              username: request.user.username,
              ...((request.user.groups ?? []).length ? { groups: request.user.groups } : {}),
            },
          },
        },
      };
    },
  };
}

function resourceRule(rule: PolicyRule): ResourceRule {
  return {
    verbs: rule.verbs,
    ...(rule.apiGroups ? { apiGroups: rule.apiGroups } : {}),
    ...(rule.resources ? { resources: rule.resources } : {}),
    ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}),
  };
}
