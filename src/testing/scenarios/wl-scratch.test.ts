import { it } from 'vitest';
import { lab } from '../lab.ts';

it('scratch', async () => {
  const l = lab();
  const y = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;
  console.log(await l.sh('kubectl apply -f -', y));
  console.log(await l.kubectl('get deploy,rs,pods', { allowFailure: true }));
  await l.advance('30s');
  console.log(await l.kubectl('get deploy,rs,pods -o wide', { allowFailure: true }));
});
