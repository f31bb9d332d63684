/**
 * kinds.ts loads every kind's describer; each file registers itself with registerDescriber, so adding a
 * kind is one new file and one line here.
 */
import './clusterrole.ts';
import './clusterrolebinding.ts';
import './configmap.ts';
import './cronjob.ts';
import './daemonset.ts';
import './deployment.ts';
import './endpoints.ts';
import './endpointslice.ts';
import './event.ts';
import './horizontalpodautoscaler.ts';
import './ingress.ts';
import './ingressclass.ts';
import './job.ts';
import './limitrange.ts';
import './namespace.ts';
import './networkpolicy.ts';
import './node.ts';
import './persistentvolume.ts';
import './persistentvolumeclaim.ts';
import './pod.ts';
import './poddisruptionbudget.ts';
import './priorityclass.ts';
import './replicaset.ts';
import './replicationcontroller.ts';
import './resourcequota.ts';
import './role.ts';
import './rolebinding.ts';
import './secret.ts';
import './service.ts';
import './serviceaccount.ts';
import './statefulset.ts';
import './storageclass.ts';
