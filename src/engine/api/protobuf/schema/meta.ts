/**
 * k8s.io/apimachinery: runtime (TypeMeta of the runtime.Unknown envelope), resource.Quantity,
 * intstr.IntOrString, metav1.Duration and pkg/apis/meta/v1 (generated.proto). See index.ts for the notation.
 */
export const META: Record<string, string> = {
  __typeMeta: 'apiVersion/1 kind/2',
  __quantity: 'string/1',
  __intOrString: 'type/1/!l intVal/2/!i strVal/3',
  __duration: 'duration/1/!l',

  ObjectMeta: `name/1 generateName/2 namespace/3 selfLink/4 uid/5 resourceVersion/6 generation/7/l
    creationTimestamp/8/T deletionTimestamp/9/T deletionGracePeriodSeconds/10/!l labels/11/{s}
    annotations/12/{s} ownerReferences/13/OwnerReference[] finalizers/14/s[]
    managedFields/17/ManagedFieldsEntry[]`,
  OwnerReference: 'apiVersion/5 kind/1 name/3 uid/4 controller/6/!b blockOwnerDeletion/7/!b',
  ManagedFieldsEntry: 'manager/1 operation/2 apiVersion/3 time/4/T fieldsType/6 fieldsV1/7/F subresource/8',
  ListMeta: 'selfLink/1 resourceVersion/2 continue/3 remainingItemCount/4/!l',
  LabelSelector: 'matchLabels/1/{s} matchExpressions/2/LabelSelectorRequirement[]',
  LabelSelectorRequirement: 'key/1 operator/2 values/3/s[]',
  Condition: 'type/1 status/2 observedGeneration/3/l lastTransitionTime/4/T reason/5 message/6',
  Preconditions: 'uid/1/!s resourceVersion/2/!s',
  DeleteOptions: `gracePeriodSeconds/1/!l preconditions/2/Preconditions orphanDependents/3/!b
    propagationPolicy/4 dryRun/5/s[] ignoreStoreReadErrorWithClusterBreakingPotential/6/!b`,
  GroupVersionKind: 'group/1 version/2 kind/3',
  GroupVersionResource: 'group/1 version/2 resource/3',
  Verbs: '@items/1/s[]',
};
