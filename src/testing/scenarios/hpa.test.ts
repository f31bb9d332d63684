import { describe, expect, it } from 'vitest';
import { lab } from '../lab.ts';

/** The HorizontalPodAutoscaler walkthrough of the Kubernetes docs: php-apache under a busybox load generator. */
describe('HorizontalPodAutoscaler walkthrough', () => {
  it('scales php-apache up under load and reports the CPU it sees', async () => {
    const l = lab();
    await l.kubectl('create deployment php-apache --image=registry.k8s.io/hpa-example');
    await l.kubectl('set resources deployment php-apache --requests=cpu=200m');
    await l.kubectl('expose deployment php-apache --port=80');
    await l.kubectl('autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
    await l.advance('60s');
    expect(await l.kubectl('get hpa')).toMatch(/php-apache\s+Deployment\/php-apache\s+cpu: \d+%\/50%\s+1\s+10\s+1\s/);
    await l.kubectl(
      'run load-generator --image=busybox:1.36 -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"',
    );
    await l.advance('2m');
    const row = (await l.kubectl('get hpa')).split('\n')[1] ?? '';
    const replicas = Number(row.trim().split(/\s{2,}/)[5]);
    expect(replicas).toBeGreaterThan(1);
    expect(await l.kubectl('describe hpa php-apache')).toMatch(
      /SuccessfulRescale\s+.*New size: \d+; reason: cpu resource utilization \(percentage of request\) above target/,
    );
  });
});
