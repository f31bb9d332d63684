import { describe, expect, it } from 'vitest';
import { familiarName, parseImageReference } from './reference.ts';

describe('parseImageReference normalises like containerd', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', 'docker.io/library/nginx:1.27'],
    ['polinux/stress', 'docker.io', 'polinux/stress', 'latest', 'docker.io/polinux/stress:latest'],
    ['docker.io/library/busybox:1.36', 'docker.io', 'library/busybox', '1.36', 'docker.io/library/busybox:1.36'],
    ['index.docker.io/library/redis', 'docker.io', 'library/redis', 'latest', 'docker.io/library/redis:latest'],
    ['registry.k8s.io/busybox:1.27', 'registry.k8s.io', 'busybox', '1.27', 'registry.k8s.io/busybox:1.27'],
    [
      'docker.elastic.co/elasticsearch/elasticsearch:8.17.0',
      'docker.elastic.co',
      'elasticsearch/elasticsearch',
      '8.17.0',
      'docker.elastic.co/elasticsearch/elasticsearch:8.17.0',
    ],
    ['localhost:5000/app:v1', 'localhost:5000', 'app', 'v1', 'localhost:5000/app:v1'],
    ['localhost/app', 'localhost', 'app', 'latest', 'localhost/app:latest'],
    ['jenkins/jenkins:lts-jdk17', 'docker.io', 'jenkins/jenkins', 'lts-jdk17', 'docker.io/jenkins/jenkins:lts-jdk17'],
  ])('%s → %s/%s:%s', (text, registry, repository, tag, normalized) => {
    const r = parseImageReference(text);
    expect(r).toEqual({ ok: true, ref: { registry, repository, tag, normalized } });
  });

  it('treats a first component with capitals as a registry host, as distribution/reference does', () => {
    expect(parseImageReference('myOrg/app')).toEqual({
      ok: true,
      ref: { registry: 'myOrg', repository: 'app', tag: 'latest', normalized: 'myOrg/app:latest' },
    });
  });

  it('keeps a digest and no tag for digest-only references', () => {
    const digest = 'sha256:' + 'a'.repeat(64);
    const r = parseImageReference(`nginx@${digest}`);
    expect(r).toEqual({
      ok: true,
      ref: {
        registry: 'docker.io',
        repository: 'library/nginx',
        tag: '',
        digest,
        normalized: `docker.io/library/nginx@${digest}`,
      },
    });
  });

  it.each([
    [
      'NGINX',
      'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    ],
    [
      'Nginx:1.27',
      'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
    ],
    [
      'nginx latest',
      'Failed to apply default image tag "nginx latest": couldn\'t parse image name "nginx latest": invalid reference format',
    ],
    [
      'nginx:',
      'Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format',
    ],
    [
      'nginx:1.27:extra',
      'Failed to apply default image tag "nginx:1.27:extra": couldn\'t parse image name "nginx:1.27:extra": invalid reference format',
    ],
    [
      'ng!nx',
      'Failed to apply default image tag "ng!nx": couldn\'t parse image name "ng!nx": invalid reference format',
    ],
    [
      '',
      'Failed to apply default image tag "": couldn\'t parse image name "": repository name must have at least one component',
    ],
  ])('refuses %j with the kubelet InvalidImageName message', (text, message) => {
    expect(parseImageReference(text)).toEqual({ ok: false, message });
  });

  it.each([
    ['nginx', 'nginx:latest'],
    ['polinux/stress:1.0.4', 'polinux/stress:1.0.4'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
  ])('familiarName(%s) = %s', (text, familiar) => {
    const r = parseImageReference(text);
    if (!r.ok) throw new Error(r.message);
    expect(familiarName(r.ref)).toBe(familiar);
  });
});
