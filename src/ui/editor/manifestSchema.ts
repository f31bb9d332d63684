import type { JSONSchema } from 'monaco-yaml';

/**
 * manifestSchema is a small JSON schema for Kubernetes manifests: enough for completion of the top-level
 * fields and a warning when apiVersion, kind or metadata.name is missing. The full generated OpenAPI
 * schema can replace it later through the same monaco-yaml `update()`.
 */
export const manifestSchema: JSONSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: {
      type: 'string',
      description: 'APIVersion defines the versioned schema of this representation of an object.',
      examples: ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1'],
    },
    kind: {
      type: 'string',
      description: 'Kind is a string value representing the REST resource this object represents.',
      examples: [
        'Pod',
        'Deployment',
        'ReplicaSet',
        'Service',
        'ConfigMap',
        'Secret',
        'Namespace',
        'Job',
        'CronJob',
        'StatefulSet',
        'DaemonSet',
        'Ingress',
        'PersistentVolumeClaim',
      ],
    },
    metadata: {
      type: 'object',
      description: "Standard object's metadata.",
      required: ['name'],
      properties: {
        name: { type: 'string', description: 'Name must be unique within a namespace.' },
        namespace: {
          type: 'string',
          description: 'Namespace defines the space within which each name must be unique.',
        },
        labels: {
          type: 'object',
          description: 'Map of string keys and values that can be used to organize and categorize objects.',
          additionalProperties: { type: 'string' },
        },
        annotations: {
          type: 'object',
          description: 'Annotations is an unstructured key value map stored with a resource.',
          additionalProperties: { type: 'string' },
        },
      },
    },
    spec: { type: 'object', description: 'Spec defines the desired behavior of the object.' },
    data: { type: 'object', description: 'Data contains the configuration data (ConfigMap, Secret).' },
  },
};
