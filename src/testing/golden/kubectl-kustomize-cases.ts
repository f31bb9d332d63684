/**
 * Kustomization trees for the kubectl kustomize golden test: each case is a folder of files and the
 * folder to build (default: the root). They cover bases and overlays, generators and their hashes,
 * prefixes and suffixes with name references, every kind of patch, images, replicas, labels into
 * selectors, components, and kustomize's errors.
 */
export interface KustomizeCase {
  name: string;
  files: Record<string, string>;
  /** dir is the folder to build, relative to the case root ('' is the root). */
  dir?: string;
  /** relative builds with a path relative to the working folder instead of an absolute one. */
  relative?: boolean;
}

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        ports:
        - containerPort: 80
${extra}`;

const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 80
`;

const BASE = {
  'base/kustomization.yaml': 'resources:\n- deployment.yaml\n- service.yaml\n',
  'base/deployment.yaml': deployment('web'),
  'base/service.yaml': service('web'),
};

export const KUSTOMIZE_CASES: KustomizeCase[] = [
  { name: 'plain resources', files: { ...BASE }, dir: 'base' },
  {
    name: 'overlay with prefix, namespace and labels',
    files: {
      ...BASE,
      'overlays/dev/kustomization.yaml':
        'resources:\n- ../../base\nnamePrefix: dev-\nnamespace: dev\nlabels:\n- pairs:\n    env: dev\n  includeSelectors: true\n',
    },
    dir: 'overlays/dev',
  },
  {
    name: 'commonLabels reach selectors and templates',
    files: { ...BASE, 'kustomization.yaml': 'resources:\n- base\ncommonLabels:\n  team: blue\n  version: "2"\n' },
  },
  {
    name: 'labels without selectors, with templates',
    files: {
      ...BASE,
      'kustomization.yaml':
        'resources:\n- base\nlabels:\n- pairs:\n    a: one\n- pairs:\n    b: two\n  includeTemplates: true\n',
    },
  },
  {
    name: 'commonAnnotations',
    files: {
      ...BASE,
      'kustomization.yaml': 'resources:\n- base\ncommonAnnotations:\n  owner: "team a"\n  tier: "gold"\n',
    },
  },
  {
    name: 'configMapGenerator literals, files and envs with the hash',
    files: {
      'kustomization.yaml':
        'configMapGenerator:\n- name: app-config\n  literals:\n  - MODE=prod\n  - GREETING="hello world"\n  files:\n  - app.properties\n  - custom=app.properties\n  envs:\n  - vars.env\nresources:\n- deployment.yaml\n',
      'app.properties': 'color=blue\nsize=10\n',
      'vars.env': '# comment\nA=1\n\nB=two=2\n',
      'deployment.yaml': deployment(
        'web',
        '        envFrom:\n        - configMapRef:\n            name: app-config\n      volumes:\n      - name: cfg\n        configMap:\n          name: app-config\n',
      ),
    },
  },
  {
    name: 'secretGenerator with types and references',
    files: {
      'kustomization.yaml':
        'secretGenerator:\n- name: db\n  literals:\n  - password=s3cr3t\n  - user=admin\n- name: tls\n  type: kubernetes.io/tls\n  files:\n  - tls.crt\n  - tls.key\nresources:\n- deployment.yaml\n',
      'tls.crt': 'CERT\n',
      'tls.key': 'KEY\n',
      'deployment.yaml': deployment(
        'web',
        '        env:\n        - name: PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n      volumes:\n      - name: certs\n        secret:\n          secretName: tls\n',
      ),
    },
  },
  {
    name: 'generatorOptions',
    files: {
      'kustomization.yaml':
        'generatorOptions:\n  disableNameSuffixHash: true\n  labels:\n    generated: "true"\n  annotations:\n    note: generated\nconfigMapGenerator:\n- name: plain\n  literals: [a=b]\n- name: immutable\n  literals: [c=d]\n  options:\n    immutable: true\n    labels:\n      extra: x\n',
    },
  },
  {
    name: 'generator behavior merge and replace in an overlay',
    files: {
      'base/kustomization.yaml':
        'configMapGenerator:\n- name: cfg\n  literals: [a=1, b=2]\n- name: other\n  literals: [x=1]\nresources:\n- deployment.yaml\n',
      'base/deployment.yaml': deployment(
        'web',
        '        envFrom:\n        - configMapRef:\n            name: cfg\n        - configMapRef:\n            name: other\n',
      ),
      'overlay/kustomization.yaml':
        'resources:\n- ../base\nnamePrefix: prod-\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=3, c=4]\n- name: other\n  behavior: replace\n  literals: [y=2]\n',
    },
    dir: 'overlay',
  },
  {
    name: 'prefix and suffix with name references',
    files: {
      'kustomization.yaml': 'namePrefix: pre-\nnameSuffix: -suf\nresources:\n- all.yaml\n',
      'all.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  k: v
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      serviceAccountName: runner
      containers:
      - name: db
        image: postgres:16
        env:
        - name: K
          valueFrom:
            configMapKeyRef:
              name: settings
              key: k
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 5432
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [settings]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
- kind: ServiceAccount
  name: runner
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: db
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: db
  minReplicas: 1
  maxReplicas: 3
`,
    },
  },
  {
    name: 'ingress references a prefixed service and a generated TLS secret',
    files: {
      'kustomization.yaml':
        'namePrefix: shop-\nresources:\n- ingress.yaml\n- service.yaml\nsecretGenerator:\n- name: cert\n  literals: [tls.crt=a, tls.key=b]\n  type: kubernetes.io/tls\n',
      'service.yaml': service('front'),
      'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: front
spec:
  tls:
  - hosts: [shop.example.com]
    secretName: cert
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: front
            port:
              number: 80
`,
    },
  },
  {
    name: 'images: newTag, newName and digest',
    files: {
      'kustomization.yaml':
        'resources:\n- d.yaml\nimages:\n- name: nginx\n  newTag: "1.27"\n- name: busybox\n  newName: registry.example.com/tools/busybox\n- name: redis\n  digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3\n- name: example.com:5000/app\n  newName: example.com:5000/app2\n  newTag: v2\n',
      'd.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  selector:
    matchLabels:
      app: d
  template:
    metadata:
      labels:
        app: d
    spec:
      initContainers:
      - name: init
        image: busybox
      containers:
      - name: web
        image: nginx:1.25
      - name: cache
        image: redis:7
      - name: app
        image: example.com:5000/app:v1
      - name: other
        image: nginx-exporter:1
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox:1.36
`,
    },
  },
  {
    name: 'replicas',
    files: {
      ...BASE,
      'kustomization.yaml': 'resources:\n- base\nnamePrefix: x-\nreplicas:\n- name: web\n  count: 5\n',
    },
  },
  {
    name: 'patches: inline strategic merge',
    files: {
      ...BASE,
      'kustomization.yaml': `resources:
- base
patches:
- patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
          - name: app
            resources:
              limits:
                memory: 128Mi
            env:
            - name: NEW
              value: "1"
          - name: sidecar
            image: busybox
            args: [sleep, "3600"]
`,
    },
  },
  {
    name: 'patches: file strategic merge with $patch delete and null',
    files: {
      ...BASE,
      'kustomization.yaml': 'resources:\n- base\npatches:\n- path: patch.yaml\n',
      'patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: null
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: app
        ports:
        - containerPort: 80
          $patch: delete
        - containerPort: 8080
`,
    },
  },
  {
    name: 'patches: JSON 6902 inline with target',
    files: {
      ...BASE,
      'kustomization.yaml': `resources:
- base
patches:
- target:
    kind: Deployment
    name: web
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 4
    - op: add
      path: /spec/template/spec/containers/0/args
      value: ["--verbose"]
    - op: remove
      path: /metadata/labels
`,
    },
  },
  {
    name: 'patches: target by regex name, labelSelector and annotationSelector',
    files: {
      'kustomization.yaml': `resources:
- r.yaml
patches:
- target:
    kind: Deployment
    name: "api-.*"
  patch: |-
    - op: add
      path: /spec/paused
      value: true
- target:
    labelSelector: tier=front
  patch: |-
    - op: add
      path: /metadata/annotations
      value: {front: "yes"}
- target:
    annotationSelector: team in (a,b)
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ignored
    spec:
      minReadySeconds: 10
`,
      'r.yaml': [deployment('api-one'), deployment('api-two'), deployment('web')]
        .join('---\n')
        .replace('name: web\n  labels:\n', 'name: web\n  annotations:\n    team: a\n  labels:\n    tier: front\n'),
    },
  },
  {
    name: 'patchesStrategicMerge and patchesJson6902 (deprecated)',
    files: {
      ...BASE,
      'kustomization.yaml':
        'resources:\n- base\npatchesStrategicMerge:\n- smp.yaml\npatchesJson6902:\n- target:\n    group: apps\n    version: v1\n    kind: Deployment\n    name: web\n  path: json.yaml\n',
      'smp.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n',
      'json.yaml': '[{"op": "replace", "path": "/spec/replicas", "value": 2}]\n',
    },
  },
  {
    name: 'strategic merge on service ports and list order',
    files: {
      'kustomization.yaml': `resources:
- s.yaml
patches:
- patch: |-
    apiVersion: v1
    kind: Service
    metadata:
      name: s
    spec:
      ports:
      - port: 443
        name: https
      - port: 80
        targetPort: 8081
`,
      's.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n  - port: 81\n',
    },
  },
  {
    name: 'components',
    files: {
      ...BASE,
      'components/monitoring/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  prometheus.io/scrape: "true"\nconfigMapGenerator:\n- name: monitoring\n  literals: [interval=30s]\n',
      'overlay/kustomization.yaml': 'resources:\n- ../base\ncomponents:\n- ../components/monitoring\nnameSuffix: -v2\n',
    },
    dir: 'overlay',
  },
  {
    name: 'bases (deprecated) and two overlays levels',
    files: {
      ...BASE,
      'mid/kustomization.yaml': 'bases:\n- ../base\nnamePrefix: mid-\n',
      'top/kustomization.yaml': 'resources:\n- ../mid\nnamePrefix: top-\nnamespace: prod\n',
    },
    dir: 'top',
  },
  {
    name: 'legacy sort order across many kinds',
    files: {
      'kustomization.yaml': 'resources:\n- many.yaml\n',
      'many.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: j
        image: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: p
    image: nginx
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
spec:
  podSelector: {}
---
apiVersion: v1
kind: Namespace
metadata:
  name: zz
---
apiVersion: v1
kind: Service
metadata:
  name: b
  namespace: a
---
apiVersion: v1
kind: Service
metadata:
  name: a
  namespace: b
---
apiVersion: v1
kind: Service
metadata:
  name: c
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ds
spec:
  selector:
    matchLabels:
      a: b
  template:
    metadata:
      labels:
        a: b
    spec:
      containers:
      - name: c
        image: nginx
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: example.com/x
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pdb
spec:
  minAvailable: 1
`,
    },
  },
  {
    name: 'namespace on subjects, Namespace objects and cluster-scoped kinds',
    files: {
      'kustomization.yaml': 'namespace: team\nresources:\n- r.yaml\n',
      'r.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: whatever
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: crb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: default
  namespace: default
- kind: ServiceAccount
  name: other
  namespace: elsewhere
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  namespace: old
`,
    },
  },
  {
    name: 'YAML styles survive: quoting, block strings, numbers',
    files: {
      'kustomization.yaml': 'resources:\n- cm.yaml\n',
      'cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: styles
data:
  yes: "yes"
  on: "on"
  num: "1.50"
  empty: ""
  colon: "a: b"
  multi: |
    line one
    line two
  folded: >
    folded text
    here
  tilde: "~"
  long: "aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii"
`,
    },
  },
  {
    name: 'relative path',
    files: { ...BASE },
    dir: 'base',
    relative: true,
  },
  { name: 'error: no kustomization', files: { 'empty/readme.txt': 'x' }, dir: 'empty' },
  { name: 'error: directory does not exist', files: { 'a.txt': 'x' }, dir: 'missing' },
  { name: 'error: path is a file', files: { 'a.yaml': 'x: y\n' }, dir: 'a.yaml' },
  { name: 'error: missing resource file', files: { 'kustomization.yaml': 'resources:\n- missing.yaml\n' } },
  {
    name: 'error: base without kustomization',
    files: { 'kustomization.yaml': 'resources:\n- base\n', 'base/x.yaml': deployment('x') },
  },
  { name: 'error: cycle', files: { 'a/kustomization.yaml': 'resources:\n- ../a\n' }, dir: 'a' },
  { name: 'error: unknown field', files: { 'kustomization.yaml': 'resource:\n- a.yaml\n' } },
  { name: 'error: empty kustomization', files: { 'kustomization.yaml': '' } },
  {
    name: 'error: several kustomization files',
    files: { 'kustomization.yaml': 'resources: []\n', Kustomization: 'resources: []\n' },
  },
  {
    name: 'error: file outside the root',
    files: { 'outside.yaml': service('x'), 'k/kustomization.yaml': 'resources:\n- ../outside.yaml\n' },
    dir: 'k',
  },
  {
    name: 'error: duplicate resources',
    files: { 'kustomization.yaml': 'resources:\n- s.yaml\n- s.yaml\n', 's.yaml': service('s') },
  },
  {
    name: 'error: resource without a name',
    files: {
      'kustomization.yaml': 'resources:\n- s.yaml\n',
      's.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n',
    },
  },
  {
    name: 'error: malformed resource YAML',
    files: {
      'kustomization.yaml': 'resources:\n- s.yaml\n',
      's.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n',
    },
  },
  {
    name: 'error: invalid literal',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: x\n  literals: [novalue]\n' },
  },
  {
    name: 'error: missing generator file',
    files: { 'kustomization.yaml': 'configMapGenerator:\n- name: x\n  files: [nope.txt]\n' },
  },
  {
    name: 'error: missing patch file',
    files: { ...BASE, 'kustomization.yaml': 'resources:\n- base\npatches:\n- path: nope.yaml\n' },
  },
  {
    name: 'error: component of the wrong kind',
    files: { ...BASE, 'kustomization.yaml': 'components:\n- base\n' },
  },
  {
    name: 'error: a component used as a resource',
    files: {
      'kustomization.yaml': 'resources:\n- comp\n',
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamePrefix: x-\n',
    },
  },
  {
    name: 'error: replicas for an unknown name',
    files: { ...BASE, 'kustomization.yaml': 'resources:\n- base\nreplicas:\n- name: nothing\n  count: 2\n' },
  },
  {
    name: 'patches: JSON 6902 replace of a missing key adds it',
    files: {
      'kustomization.yaml':
        'resources:\n- cm.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    - op: replace\n      path: /data/new\n      value: x\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n',
    },
  },
  {
    name: 'error: JSON patch file without target',
    files: {
      'kustomization.yaml': 'patches:\n- path: p.yaml\n',
      'p.yaml': '- op: remove\n  path: /spec/replicas\n',
    },
  },
  {
    name: 'error: JSON patch without target',
    files: {
      ...BASE,
      'kustomization.yaml': 'resources:\n- base\npatches:\n- patch: |-\n    - op: remove\n      path: /spec/replicas\n',
    },
  },
  {
    name: 'error: strategic merge patch for a missing resource',
    files: {
      ...BASE,
      'kustomization.yaml':
        'resources:\n- base\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: nope\n    spec:\n      replicas: 2\n',
    },
  },
];
