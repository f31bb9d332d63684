import type { ApiHttpServer } from '../../cli/serve.ts';
import { lab, type Lab } from '../lab.ts';
import { runOracleAsync } from '../oracle.ts';

/**
 * The cluster state behind the `kubectl describe` golden test: one object (or more) of every kind the lab
 * knows, in the states a learner meets — running, crash-looping, pending, terminating — built through the
 * API as a learner would, with events about twenty minutes old.
 */
export const DESCRIBE_MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata:
  name: limits
  labels:
    team: platform
  annotations:
    owner: ops@example.com
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: limits
spec:
  hard:
    requests.cpu: "2"
    requests.memory: 2Gi
    limits.memory: 4Gi
    pods: "10"
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: best-effort
  namespace: limits
spec:
  hard:
    pods: "5"
  scopes: [BestEffort]
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: limits
spec:
  limits:
  - type: Container
    default:
      memory: 512Mi
    defaultRequest:
      memory: 256Mi
    max:
      memory: 1Gi
  - type: Container
    min:
      cpu: 50m
  - type: Pod
    max:
      cpu: "2"
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
description: For the web tier.
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: batch-low
value: -10
globalDefault: false
preemptionPolicy: Never
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  labels:
    app: web
data:
  mode: production
  nginx.conf: |
    server {
      listen 80;
    }
binaryData:
  logo.png: iVBORw0KGgo=
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: odd-text
  labels:
    empty: ""
    app.kubernetes.io/name: odd
  annotations:
    note: "ñandú 🎉"
    multi: "first line\\nsecond line\\n"
    short: "x"
data:
  escape: "before\\e[31mred\\e[0m and\\rreturn"
  tabs: "a\\tb\\tc"
  unicode.txt: "ключ emoji 🎉 and 漢字"
  empty: ""
---
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
  annotations:
    description: database credentials
type: Opaque
stringData:
  username: admin
  password: s3cr3t-passw0rd
---
apiVersion: v1
kind: Secret
metadata:
  name: registry
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: eyJhdXRocyI6e319
---
apiVersion: v1
kind: Secret
metadata:
  name: builder-token
  annotations:
    kubernetes.io/service-account.name: builder
type: kubernetes.io/service-account-token
data:
  token: ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZmFrZQ==
  namespace: ZGVmYXVsdA==
---
apiVersion: v1
kind: Secret
metadata:
  name: empty
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: empty
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: waiting
spec:
  storageClassName: fast
  accessModes: [ReadWriteOnce]
  volumeMode: Block
  resources:
    requests:
      storage: 500Mi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: recreate
  annotations:
    kubernetes.io/change-cause: first version
spec:
  replicas: 0
  strategy:
    type: Recreate
  minReadySeconds: 5
  selector:
    matchLabels:
      app: recreate
    matchExpressions:
    - key: tier
      operator: NotIn
      values: [cache]
  template:
    metadata:
      labels:
        app: recreate
    spec:
      serviceAccountName: builder
      priorityClassName: high
      containers:
      - name: app
        image: nginx
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: custom
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: recreate
  maxReplicas: 3
  metrics:
  - type: Pods
    pods:
      metric:
        name: packets-per-second
      target:
        type: AverageValue
        averageValue: 1k
  - type: Object
    object:
      metric:
        name: requests-per-second
      describedObject:
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        name: web
      target:
        type: Value
        value: 10k
  - type: Object
    object:
      metric:
        name: hits
      describedObject:
        apiVersion: v1
        kind: Service
        name: web
      target:
        type: AverageValue
        averageValue: "5"
  - type: External
    external:
      metric:
        name: queue_messages_ready
      target:
        type: AverageValue
        averageValue: "30"
  - type: External
    external:
      metric:
        name: queue_depth
      target:
        type: Value
        value: "100"
  - type: ContainerResource
    containerResource:
      name: cpu
      container: app
      target:
        type: Utilization
        averageUtilization: 60
  behavior:
    scaleUp:
      selectPolicy: Disabled
      policies:
      - type: Percent
        value: 100
        periodSeconds: 15
      - type: Pods
        value: 4
        periodSeconds: 15
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: builder
  labels:
    app: ci
imagePullSecrets:
- name: registry
- name: backup-registry
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
    tier: frontend
  annotations:
    team: web
    long-note: "${'x'.repeat(150)}"
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: app
    image: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: init-demo
spec:
  initContainers:
  - name: wait
    image: busybox
    command: ["sh", "-c", "sleep 5"]
  containers:
  - name: app
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: sidecar
spec:
  initContainers:
  - name: logger
    image: busybox
    restartPolicy: Always
    command: ["sh", "-c", "while true; do echo tick; sleep 10; done"]
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: probes
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
    - containerPort: 443
      name: https
    livenessProbe:
      httpGet:
        path: /healthz
        port: 80
      initialDelaySeconds: 3
      periodSeconds: 5
    readinessProbe:
      tcpSocket:
        port: 80
    startupProbe:
      exec:
        command: ["cat", "/etc/nginx/nginx.conf"]
      failureThreshold: 30
---
apiVersion: v1
kind: Pod
metadata:
  name: grpc-probe
spec:
  containers:
  - name: web
    image: nginx
    readinessProbe:
      grpc:
        port: 9090
      timeoutSeconds: 2
    livenessProbe:
      httpGet:
        path: /
        port: http
        scheme: HTTPS
        host: example.com
---
apiVersion: v1
kind: Pod
metadata:
  name: env
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    args: ["first", "multi\\nline"]
    resources:
      limits:
        memory: 128Mi
    env:
    - name: PLAIN
      value: hello
    - name: MULTI
      value: "line one\\nline two"
    - name: MODE
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: mode
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: app-secret
          key: password
          optional: true
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: MEM_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
    envFrom:
    - configMapRef:
        name: app-config
      prefix: CFG_
    - secretRef:
        name: app-secret
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
kind: Pod
metadata:
  name: volumes
spec:
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: config
      mountPath: /etc/nginx/conf.d
      readOnly: true
    - name: secret
      mountPath: /etc/secret
    - name: data
      mountPath: /data
      subPath: web
    - name: host
      mountPath: /host
    - name: info
      mountPath: /etc/podinfo
    - name: all
      mountPath: /projected
  volumes:
  - name: cache
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
  - name: config
    configMap:
      name: app-config
  - name: secret
    secret:
      secretName: app-secret
      optional: true
  - name: data
    persistentVolumeClaim:
      claimName: data
  - name: host
    hostPath:
      path: /var/log
      type: Directory
  - name: info
    downwardAPI:
      items:
      - path: labels
        fieldRef:
          fieldPath: metadata.labels
      - path: cpu
        resourceFieldRef:
          containerName: app
          resource: requests.cpu
  - name: all
    projected:
      sources:
      - configMap:
          name: app-config
      - secret:
          name: app-secret
      - downwardAPI:
          items:
          - path: name
            fieldRef:
              fieldPath: metadata.name
  - name: scratch
    emptyDir: {}
---
apiVersion: v1
kind: Pod
metadata:
  name: guaranteed
spec:
  priorityClassName: high
  nodeSelector:
    kubernetes.io/hostname: worker-2
    kubernetes.io/os: linux
  tolerations:
  - key: dedicated
    operator: Equal
    value: web
    effect: NoSchedule
  - operator: Exists
    effect: NoExecute
    tolerationSeconds: 60
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 250m
        memory: 128Mi
      limits:
        cpu: 250m
        memory: 128Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: bad-image
spec:
  containers:
  - name: app
    image: nginx:does-not-exist
---
apiVersion: v1
kind: Pod
metadata:
  name: done
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "echo finished"]
---
apiVersion: v1
kind: Pod
metadata:
  name: missing-config
spec:
  containers:
  - name: app
    image: nginx
    env:
    - name: LEVEL
      valueFrom:
        configMapKeyRef:
          name: no-such-config
          key: level
---
apiVersion: v1
kind: Pod
metadata:
  name: init-fail
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "echo failing; exit 1"]
  containers:
  - name: app
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: ephemeral
spec:
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - name: scratch
      mountPath: /scratch
  volumes:
  - name: scratch
    ephemeral:
      volumeClaimTemplate:
        metadata:
          labels:
            type: scratch
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: standard
          resources:
            requests:
              storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: spread
  labels:
    app: spread
spec:
  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
  - maxSkew: 2
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: DoNotSchedule
    labelSelector:
      matchLabels:
        app: spread
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    image: nginx
    securityContext:
      seccompProfile:
        type: RuntimeDefault
    ports:
    - containerPort: 80
      hostPort: 8080
    - containerPort: 53
      protocol: UDP
      name: dns
---
apiVersion: v1
kind: Pod
metadata:
  name: pending
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "100"

---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: web-nodeport
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
    nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector:
    app: web
  externalTrafficPolicy: Local
  sessionAffinity: ClientIP
  externalIPs: [203.0.113.10]
  loadBalancerSourceRanges: [10.0.0.0/8, 192.168.0.0/16]
  ports:
  - name: http
    port: 80
    targetPort: 80
  - name: https
    port: 443
    targetPort: 443
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  labels:
    app: frontend
spec:
  replicas: 2
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 50m
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: standalone
spec:
  replicas: 1
  selector:
    matchLabels:
      app: standalone
  template:
    metadata:
      labels:
        app: standalone
    spec:
      containers:
      - name: app
        image: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: postgres
        image: postgres:16
        env:
        - name: POSTGRES_PASSWORD
          value: example
  volumeClaimTemplates:
  - metadata:
      name: pgdata
      labels:
        app: db
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 2Gi
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "echo 3.14159"]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 1
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 3600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: fail
        image: busybox
        command: ["sh", "-c", "exit 1"]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: indexed
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox
        command: ["sh", "-c", "echo $JOB_COMPLETION_INDEX"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: suspended
spec:
  schedule: "0 0 * * *"
  timeZone: Europe/Madrid
  suspend: true
  startingDeadlineSeconds: 100
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 1
  failedJobsHistoryLimit: 0
  jobTemplate:
    spec:
      activeDeadlineSeconds: 60
      completions: 2
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: busybox
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox
            command: ["sh", "-c", "date; echo Hello"]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: frontend
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: frontend
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
  - type: Resource
    resource:
      name: memory
      target:
        type: AverageValue
        averageValue: 100Mi
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
      - type: Pods
        value: 1
        periodSeconds: 60
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
      - path: /api
        pathType: Exact
        backend:
          service:
            name: missing
            port:
              name: http
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web-nodeport
            port:
              number: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: fallback
  labels:
    app: web
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  defaultBackend:
    service:
      name: web
      port:
        name: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: static
spec:
  defaultBackend:
    resource:
      apiGroup: k8s.example.com
      kind: StorageBucket
      name: static-assets
  tls:
  - hosts: [static.example.com, www.static.example.com]
  rules:
  - host: static.example.com
    http:
      paths:
      - path: /icons
        pathType: ImplementationSpecific
        backend:
          resource:
            kind: ConfigMap
            name: icons
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-manual
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-local
spec:
  storageClassName: fast
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOncePod]
  volumeMode: Filesystem
  local:
    path: /mnt/disks/ssd1
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [worker-1, worker-2]
        - key: disk
          operator: Exists
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-nfs
spec:
  capacity:
    storage: 100Mi
  accessModes: [ReadWriteMany]
  nfs:
    server: nfs.example.com
    path: /exports
    readOnly: true
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-csi
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  csi:
    driver: ebs.csi.aws.com
    volumeHandle: vol-0123
    fsType: ext4
    volumeAttributes:
      type: gp3
      encrypted: "true"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: manual-claim
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 3Gi
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
mountOptions: [debug]
parameters:
  type: ssd
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: frontend
    - namespaceSelector:
        matchLabels:
          team: platform
      podSelector:
        matchExpressions:
        - key: tier
          operator: In
          values: [web, api]
    ports:
    - protocol: TCP
      port: 80
  - from:
    - ipBlock:
        cidr: 10.0.0.0/16
        except: [10.0.1.0/24]
  egress:
  - to:
    - namespaceSelector: {}
    ports:
    - port: 53
      protocol: UDP
    - port: 8000
      endPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: frontend
spec:
  maxUnavailable: 25%
  selector:
    matchLabels:
      app: frontend
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
- apiGroups: ["apps"]
  resources: [deployments]
  resourceNames: [frontend]
  verbs: [get, patch]
- apiGroups: [""]
  resources: [pods]
  verbs: [delete]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
rules:
- apiGroups: [""]
  resources: [nodes, nodes/metrics]
  verbs: [get, list]
- nonResourceURLs: [/metrics, /healthz]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
- kind: ServiceAccount
  name: builder
  namespace: default
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: monitoring
subjects:
- kind: Group
  name: system:monitoring
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: monitoring
  apiGroup: rbac.authorization.k8s.io
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames: [ct]
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;

/** Objects that need the CRD registered (or other objects in place) before they can be created. */
export const DESCRIBE_LATE_MANIFESTS = `
apiVersion: stable.example.com/v1
kind: CronTab
metadata:
  name: nightly
  labels:
    app: backup
spec:
  cronSpec: "0 3 * * *"
  image: my-awesome-cron-image
  replicas: 2
  enabled: true
  ratio: 0.5
  podCIDRs: [10.0.0.0/24]
  apiURL: https://example.com
  nodeUID: abc
  items:
  - name: first
    size: 1
  - name: second
  tags: [a, b]
  nested:
    deepValue: x
    emptyMap: {}
    nothing: null
---
apiVersion: v1
kind: Endpoints
metadata:
  name: manual
  labels:
    app: manual
subsets:
- addresses:
  - ip: 10.0.0.5
  - ip: 10.0.0.6
  notReadyAddresses:
  - ip: 10.0.0.7
  ports:
  - name: http
    port: 8080
    protocol: TCP
  - port: 9090
    protocol: UDP
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: manual-abc12
  labels:
    kubernetes.io/service-name: manual
addressType: IPv4
ports:
- name: http
  port: 8080
  protocol: TCP
endpoints:
- addresses: [10.0.0.5]
  conditions:
    ready: true
  nodeName: worker-1
  targetRef:
    kind: Pod
    name: manual-1
- addresses: [10.0.0.7]
  conditions:
    ready: false
  zone: zone-a
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  replicas: 1
  selector:
    app: legacy
  template:
    metadata:
      labels:
        app: legacy
    spec:
      containers:
      - name: app
        image: nginx
---
apiVersion: apps/v1
kind: ControllerRevision
metadata:
  name: custom-data
revision: 3
data:
  podCIDRs: [10.0.0.0/24, 10.0.1.0/24]
  apiURL: https://example.com
  nodeUID: abc
  serviceAccountName: default
  x-custom-field: kept
  http2Enabled: true
  ratio: 0.5
  big: 12345678901
  nothing: null
  emptyMap: {}
  emptyList: []
  items:
  - name: first
    size: 1
  - name: second
    labels:
      a: b
  tags: [a, b]
  matrix: [[1, 2], [3]]
  mixed: [{k: v}, plain, {nested: {deep: x}}]
  TLSConfig:
    caBundle: abc
  IPAddress: 10.0.0.1
  osbGuid: x
  brokerGUIDValue: y
  uidList: [z]
---
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  name: my-lock
spec:
  holderIdentity: worker-1
  leaseDurationSeconds: 15
`;

/** TERMINATING_POD ignores SIGTERM for an hour once deleted, so it stays Terminating while we look. */
const TERMINATING_POD = `
apiVersion: v1
kind: Pod
metadata:
  name: terminating
spec:
  terminationGracePeriodSeconds: 3600
  restartPolicy: Never
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
`;

/** ROLLOUT_V1 and ROLLOUT_V2 give a Deployment an old and a new ReplicaSet. */
const ROLLOUT = (image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: rollout
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: rollout
  template:
    metadata:
      labels:
        app: rollout
      annotations:
        team: web
    spec:
      containers:
      - name: web
        image: ${image}
`;

/**
 * DESCRIBE_CASES are the `kubectl describe` arguments compared with the real kubectl. `{event}` is the
 * name of an event about pod web, found once the cluster is built.
 */
export const DESCRIBE_CASES: string[] = [
  'pod web',
  'pod crash',
  'pod init-demo',
  'pod sidecar',
  'pod probes',
  'pod env',
  'pod volumes',
  'pod guaranteed',
  'pod pending',
  'pod bad-image',
  'pod done',
  'pod missing-config',
  'pod init-fail',
  'pod ephemeral',
  'pod/web service/web',
  'pod spread',
  'pod terminating',
  'pods -n kube-system',
  'pod web --show-events=false',
  'node control-plane',
  'node worker-1',
  'node worker-2',
  'nodes',
  'namespace default',
  'namespace limits',
  'namespace kube-system',
  'service web',
  'service web-nodeport',
  'service web-lb',
  'service external-db',
  'service web-headless',
  'service kubernetes',
  'service kube-dns -n kube-system',
  'endpoints manual',
  'endpoints web',
  'endpoints kube-dns -n kube-system',
  'endpointslice manual-abc12',
  'endpointslices -n kube-system',
  'configmap app-config',
  'configmap kube-root-ca.crt',
  'configmap odd-text',
  'configmap empty',
  'secret empty',
  'pvc waiting',
  'deployment recreate',
  'hpa custom',
  'secret app-secret',
  'secret registry',
  'secret builder-token',
  'serviceaccount builder',
  'serviceaccount default',
  'deployment frontend',
  'deployment rollout',
  'replicasets -l app=rollout',
  'pods -l app=frontend',
  'replicasets',
  'replicaset standalone',
  'replicationcontroller legacy',
  'statefulset db',
  'daemonset node-agent',
  'controllerrevisions',
  'controllerrevision custom-data',
  'job pi',
  'job fail',
  'job indexed',
  'cronjob suspended',
  'jobs -l batch.kubernetes.io/job-name!=pi',
  'cronjob hello',
  'hpa frontend',
  'ingress web',
  'ingress fallback',
  'ingress static',
  'ingressclass nginx',
  'pv pv-manual',
  'pv pv-local',
  'pv pv-nfs',
  'pv pv-csi',
  'pvc data',
  'pvc manual-claim',
  'storageclass standard',
  'storageclass fast',
  'networkpolicy api-allow',
  'networkpolicy default-deny',
  'pdb web',
  'pdb frontend',
  'priorityclass batch-low',
  'priorityclass system-node-critical',
  'resourcequota compute -n limits',
  'resourcequota best-effort -n limits',
  'limitrange defaults -n limits',
  'role pod-reader',
  'clusterrole monitoring',
  'clusterrole view',
  'clusterrole system:node',
  'rolebinding read-pods',
  'clusterrolebinding monitoring',
  'clusterrolebinding cluster-admin',
  'crontab nightly',
  'crd crontabs.stable.example.com',
  'lease my-lock',
  'event {event}',
  'pod does-not-exist',
  'services -l app=web',
  'pod we',
  'pod in',
  'services web-',
  'resourcequota compute -n nosuchns',
  'pods -A -l app=nothing',
  'services -A',
  'po web',
  'deploy',
  'pods -n kube-public',
  'nosuchkind foo',
  'pod web nosuch',
];

/**
 * DESCRIBE_ENGINE_GAPS are cases that differ because of the simulated cluster, not the describers: the real
 * kubectl dereferences fields the API server always defaults, and panics when they are missing. Each is
 * expected to fail until the engine defaults the field.
 */
export const DESCRIBE_ENGINE_GAPS: { args: string; reason: string }[] = [
  { args: 'pod grpc-probe', reason: 'probe grpc.service is not defaulted to ""' },
  { args: 'priorityclass high', reason: 'PriorityClass preemptionPolicy is not defaulted to PreemptLowerPriority' },
];

/** buildDescribeLab creates the cluster for the cases; the real kubectl reads ages off the wall clock. */
export async function buildDescribeLab(): Promise<Lab> {
  const l = lab({ start: Date.now() - 25 * 60_000 });
  l.file('early.yaml', DESCRIBE_MANIFESTS);
  await l.kubectl('apply -f early.yaml', { allowFailure: true });
  l.file('rollout.yaml', ROLLOUT('nginx:1.26'));
  await l.kubectl('apply -f rollout.yaml');
  await l.advance('5s');
  l.file('late.yaml', DESCRIBE_LATE_MANIFESTS);
  await l.kubectl('apply -f late.yaml', { allowFailure: true });
  await l.advance('1m');
  l.file('rollout.yaml', ROLLOUT('nginx:1.27'));
  await l.kubectl('apply -f rollout.yaml');
  await l.advance('18m');
  l.file('terminating.yaml', TERMINATING_POD);
  await l.kubectl('apply -f terminating.yaml');
  await l.advance('20s');
  await l.cluster.request({ verb: 'DELETE', path: '/api/v1/namespaces/default/pods/terminating' });
  await setStatuses(l);
  await l.advance('5s');
  return l;
}

/** setStatus writes an object's status through its /status subresource, as its controller would. */
async function setStatus(l: Lab, path: string, status: unknown): Promise<void> {
  const current = await l.cluster.request<Record<string, unknown>>({ verb: 'GET', path });
  if (current.status >= 300) return;
  await l.cluster.request({ verb: 'PUT', path: `${path}/status`, body: { ...current.body, status } });
}

/**
 * setStatuses fills in what controllers the lab may not run yet would report (quota usage, an HPA's
 * measurements, an ingress address) and the events a node's kubelet and controllers record, so those
 * parts of the layouts are compared too.
 */
async function setStatuses(l: Lab): Promise<void> {
  const now = new Date(Math.floor(l.cluster.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  await setStatus(l, '/api/v1/namespaces/limits/resourcequotas/compute', {
    hard: { 'requests.cpu': '2', 'requests.memory': '2Gi', 'limits.memory': '4Gi', pods: '10' },
    used: { 'requests.cpu': '500m', 'requests.memory': '1073741824', pods: '3' },
  });
  await setStatus(l, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/frontend', {
    currentReplicas: 2,
    desiredReplicas: 2,
    currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '6m' } } },
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '3022848' } } },
    ],
    conditions: [
      {
        type: 'AbleToScale',
        status: 'True',
        lastTransitionTime: now,
        reason: 'ReadyForNewScale',
        message: 'recommended size matches current size',
      },
      {
        type: 'ScalingActive',
        status: 'True',
        lastTransitionTime: now,
        reason: 'ValidMetricFound',
        message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      },
    ],
  });
  await l.cluster.request({
    verb: 'PATCH',
    path: '/api/v1/nodes/worker-2',
    headers: { 'content-type': 'application/strategic-merge-patch+json' },
    body: { spec: { unschedulable: true } },
  });
  await setStatus(l, '/apis/networking.k8s.io/v1/namespaces/default/ingresses/web', {
    loadBalancer: { ingress: [{ ip: '172.18.0.5' }, { hostname: 'lb.example.com' }, { ip: '172.18.0.4' }] },
  });
  const node = await l.cluster.request<{ metadata: { uid?: string } }>({ verb: 'GET', path: '/api/v1/nodes/worker-2' });
  const nodeEvent = (name: string, uid: string, reason: string, message: string, component: string) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Node', name: 'worker-2', uid, apiVersion: 'v1' },
    reason,
    message,
    source: { component, host: 'worker-2' },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: 'Normal',
  });
  for (const event of [
    nodeEvent('worker-2.starting', 'worker-2', 'Starting', 'Starting kubelet.', 'kubelet'),
    nodeEvent('worker-2.registered', node.body.metadata.uid ?? '', 'RegisteredNode', 'Node worker-2 event: Registered Node worker-2 in Controller', 'node-controller'),
  ])
    await l.cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/events', body: event });
}

/** eventName finds an event about pod web for the `event {event}` case. */
export async function eventName(l: Lab): Promise<string> {
  const response = await l.cluster.request<{ items?: { metadata: { name?: string }; involvedObject?: { name?: string } }[] }>({
    verb: 'GET',
    path: '/api/v1/namespaces/default/events',
  });
  return (response.body.items ?? []).find((e) => e.involvedObject?.name === 'web')?.metadata.name ?? 'missing';
}

export interface DescribeOutcome {
  real: { stdout: string; stderr: string; exitCode: number };
  ours: { stdout: string; stderr: string; exitCode: number };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * compareDescribe runs each case with the real kubectl and ours at the same instant. Timestamps carry
 * whole seconds, so the cluster clock is set to the wall clock just after a second turns, and a real run
 * that finishes in a later second (its ages might have moved on) is run again.
 */
export async function compareDescribe(
  l: Lab,
  server: ApiHttpServer,
  cases: readonly string[],
): Promise<Map<string, DescribeOutcome>> {
  const results = new Map<string, DescribeOutcome>();
  const event = await eventName(l);
  let pending = [...cases];
  for (let round = 0; round < 10 && pending.length > 0; round++) {
    const retry: string[] = [];
    for (let i = 0; i < pending.length; i += 8) {
      const batch = pending.slice(i, i + 8);
      const ms = Date.now() % 1000;
      if (ms > 50) await sleep(1000 - ms + 10);
      const target = Date.now();
      if (target > l.cluster.now()) await l.cluster.advance(target - l.cluster.now());
      const second = Math.floor(target / 1000);
      const reals = await Promise.all(
        batch.map(async (c) => {
          const args = c.replace('{event}', event).split(' ');
          const real = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, 'describe', ...args]);
          return { c, args, real, late: Math.floor(Date.now() / 1000) !== second };
        }),
      );
      for (const { c, args, real, late } of reals) {
        if (late && round < 9) {
          retry.push(c);
          continue;
        }
        const ours = await l.sh(`kubectl describe ${args.join(' ')}`);
        results.set(c, { real, ours: { stdout: ours.stdout, stderr: ours.stderr, exitCode: ours.exitCode } });
      }
    }
    pending = retry;
  }
  return results;
}
