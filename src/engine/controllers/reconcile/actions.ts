import { isStatus, type ApiRequest, type ApiResponse, type KubeObject } from '../../api/types.ts';
import type { EventInput, EventRecorder } from '../../events.ts';
import { pathOf, type Resource } from './resources.ts';

/**
 * Action is one write a reconcile function asks for. Reconcilers are pure: they read a view of the
 * cluster and return actions; the controller applies them, in order, through the API as its own
 * service account, so every effect is an API write with the real events and watch updates.
 */
export type Action =
  /** create POSTs a new object; `event` is recorded on `on` once created, with `{name}` replaced by the server-given name. */
  | {
      type: 'create';
      resource: Resource;
      object: KubeObject;
      event?: { on: KubeObject; input: EventInput };
      /** failure is recorded on `on` as Warning `reason` `<prefix><server message>` when the API refuses. */
      failure?: { on: KubeObject; reason: string; prefix: string };
      /** then gives the writes that need the created object (its uid), as a CronJob's active list does. */
      then?: (created: KubeObject) => Action[];
    }
  /** update PUTs an object's main resource (spec, labels, annotations); status is kept by the server. */
  | { type: 'update'; resource: Resource; object: KubeObject; event?: { on: KubeObject; input: EventInput } }
  /** updateStatus PUTs the status subresource. */
  | { type: 'updateStatus'; resource: Resource; object: KubeObject }
  /** patch sends a JSON merge patch (adoption, release, claim owners). */
  | { type: 'patch'; resource: Resource; namespace: string; name: string; patch: unknown }
  | {
      type: 'delete';
      resource: Resource;
      namespace: string;
      name: string;
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
      event?: { on: KubeObject; input: EventInput };
      failure?: { on: KubeObject; reason: string; prefix: string };
    }
  | { type: 'event'; on: KubeObject; input: EventInput }
  /** requeue asks to look at the object again at a simulated instant (minReadySeconds, deadlines, back-off, schedules). */
  | { type: 'requeue'; at: number };

export interface ActionContext {
  request: (request: Omit<ApiRequest, 'user'>) => ApiResponse;
  events: EventRecorder;
  component: string;
  requeue: (at: number) => void;
}

/** ApplyResult says whether a create or delete was refused, and the API server's words for it. */
export interface ApplyResult {
  failure?: string;
}

/**
 * applyActions performs a reconcile's actions in order. A refused create stops the creates after it
 * (the slow-start batching of controller.slowStartBatch), as the real controllers do.
 */
export function applyActions(ctx: ActionContext, actions: readonly Action[]): ApplyResult {
  const source = { component: ctx.component };
  const result: ApplyResult = {};
  let createsFailed = false;
  for (const action of actions) {
    switch (action.type) {
      case 'create': {
        if (createsFailed) break;
        const namespace = action.object.metadata.namespace ?? '';
        const response = ctx.request({ verb: 'POST', path: pathOf(action.resource, namespace), body: action.object });
        if (response.status >= 300) {
          createsFailed = true;
          result.failure ??= statusMessage(response);
          if (action.failure) ctx.events.record(action.failure.on, source, failureInput(action.failure, response));
          break;
        }
        const created = response.body as KubeObject;
        if (action.event) {
          const message = action.event.input.message.replace('{name}', created.metadata.name ?? '');
          ctx.events.record(action.event.on, source, { ...action.event.input, message });
        }
        if (action.then) {
          const more = applyActions(ctx, action.then(created));
          if (more.failure !== undefined) result.failure ??= more.failure;
        }
        break;
      }
      case 'update': {
        const object = withoutResourceVersion(action.object);
        const response = ctx.request({
          verb: 'PUT',
          path: pathOf(action.resource, object.metadata.namespace ?? '', object.metadata.name),
          body: object,
        });
        if (response.status < 300 && action.event) ctx.events.record(action.event.on, source, action.event.input);
        break;
      }
      case 'updateStatus': {
        const object = withoutResourceVersion(action.object);
        ctx.request({
          verb: 'PUT',
          path: pathOf(action.resource, object.metadata.namespace ?? '', object.metadata.name, 'status'),
          body: object,
        });
        break;
      }
      case 'patch':
        ctx.request({
          verb: 'PATCH',
          path: pathOf(action.resource, action.namespace, action.name),
          headers: { 'content-type': 'application/merge-patch+json' },
          body: action.patch,
        });
        break;
      case 'delete': {
        const response = ctx.request({
          verb: 'DELETE',
          path: pathOf(action.resource, action.namespace, action.name),
          ...(action.propagationPolicy ? { body: { propagationPolicy: action.propagationPolicy } } : {}),
        });
        if (response.status >= 300 && response.status !== 404) {
          result.failure ??= statusMessage(response);
          if (action.failure) ctx.events.record(action.failure.on, source, failureInput(action.failure, response));
        } else if (response.status < 300 && action.event) {
          ctx.events.record(action.event.on, source, action.event.input);
        }
        break;
      }
      case 'event':
        ctx.events.record(action.on, source, action.input);
        break;
      case 'requeue':
        ctx.requeue(action.at);
        break;
    }
  }
  return result;
}

function statusMessage(response: ApiResponse): string {
  return isStatus(response.body) ? (response.body.message ?? '') : `status ${response.status}`;
}

function failureInput(failure: { reason: string; prefix: string }, response: ApiResponse): EventInput {
  return { type: 'Warning', reason: failure.reason, message: `${failure.prefix}${statusMessage(response)}` };
}

function withoutResourceVersion(object: KubeObject): KubeObject {
  const { resourceVersion: _rv, ...metadata } = object.metadata;
  return { ...object, metadata };
}
