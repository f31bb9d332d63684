import { describe, expect, it } from 'vitest';
import { lookupImage, pullErrorMessage, REPOSITORIES } from './catalog.ts';
import { parseImageReference, type ImageRef } from './reference.ts';

function ref(text: string): ImageRef {
  const r = parseImageReference(text);
  if (!r.ok) throw new Error(r.message);
  return r.ref;
}

describe('lookupImage answers as the registry would', () => {
  it.each([
    'nginx',
    'nginx:1.27',
    'nginx:1.27.3',
    'nginx:1.26',
    'nginx:alpine',
    'nginx:1.27-alpine',
    'nginx:1.14.2',
    'httpd:2.4',
    'busybox',
    'busybox:1.28',
    'alpine:3.20',
    'ubuntu:22.04',
    'ubuntu:jammy',
    'debian:bookworm-slim',
    'fedora:latest',
    'centos:7',
    'redis:7-alpine',
    'mysql:8.0',
    'mysql:5.7',
    'mariadb:lts',
    'postgres:16',
    'postgres:17-alpine',
    'mongo:7',
    'wordpress',
    'docker.elastic.co/elasticsearch/elasticsearch:8.17.0',
    'elasticsearch:8.17.0',
    'docker.elastic.co/kibana/kibana:8.17.0',
    'docker.elastic.co/beats/filebeat:8.17.0',
    'jenkins/jenkins:lts',
    'python:3.12-slim',
    'node:20-alpine',
    'registry.k8s.io/busybox',
    'registry.k8s.io/pause:3.10',
    'polinux/stress',
    'vish/stress',
    'traefik/whoami',
    'hashicorp/http-echo',
    'registry.k8s.io/e2e-test-images/agnhost:2.40',
    'registry.k8s.io/hpa-example',
    'gcr.io/google-samples/hello-app:1.0',
    'registry:2',
    'curlimages/curl',
    'hello-world',
  ])('has %s', (text) => {
    const info = lookupImage(ref(text));
    expect(info?.name).toBe(ref(text).normalized);
  });

  it.each([
    'nginx:1.99',
    'nginxx',
    'busybox:9',
    'elasticsearch',
    'docker.elastic.co/elasticsearch/elasticsearch',
    'example.com/app:v1',
    'ubuntu:99.04',
  ])('has no %s', (text) => expect(lookupImage(ref(text))).toBeUndefined());

  it('gives tags of one build the same imageID and a digest reference finds it', () => {
    const latest = lookupImage(ref('nginx:latest'));
    const mainline = lookupImage(ref('nginx:mainline'));
    expect(latest?.imageID).toBe(mainline?.imageID);
    expect(latest?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    const digest = latest?.imageID.split('@')[1] ?? '';
    expect(lookupImage(ref(`nginx@${digest}`))?.version).toBe(latest?.version);
    expect(lookupImage(ref('nginx:1.26'))?.imageID).not.toBe(latest?.imageID);
  });

  it('makes pull time grow with size, deterministically', () => {
    const nginx = lookupImage(ref('nginx'));
    const busybox = lookupImage(ref('busybox'));
    const es = lookupImage(ref('docker.elastic.co/elasticsearch/elasticsearch:8.17.0'));
    expect(nginx?.sizeBytes).toBeGreaterThan(60e6);
    expect(nginx?.pullMs).toBeGreaterThanOrEqual(5000);
    expect(nginx?.pullMs).toBeLessThanOrEqual(8000);
    expect(busybox?.pullMs).toBeGreaterThanOrEqual(1000);
    expect(busybox?.pullMs).toBeLessThanOrEqual(2000);
    expect(es?.pullMs).toBeGreaterThan(nginx?.pullMs ?? 0);
    expect(lookupImage(ref('nginx'))).toEqual(nginx);
  });

  it.each([
    ['nginx', ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;'], [80]],
    ['busybox', [], ['sh'], []],
    ['ubuntu', [], ['/bin/bash'], []],
    ['mysql', ['docker-entrypoint.sh'], ['mysqld'], [3306, 33060]],
    ['polinux/stress', ['stress'], [], []],
  ])('%s has entrypoint %j and cmd %j', (text, entrypoint, cmd, ports) => {
    const info = lookupImage(ref(text));
    expect(info?.entrypoint).toEqual(entrypoint);
    expect(info?.cmd).toEqual(cmd);
    expect(info?.ports).toEqual(ports);
  });

  it('fills versioned environment variables', () => {
    expect(lookupImage(ref('nginx:1.27.3'))?.env['NGINX_VERSION']).toBe('1.27.3');
    expect(lookupImage(ref('postgres:16'))?.env['PG_MAJOR']).toBe('16');
    expect(lookupImage(ref('postgres:18'))?.env['PGDATA']).toBe('/var/lib/postgresql/18/docker');
  });

  it('lists every repository under unique names', () => {
    const names = REPOSITORIES.flatMap((r) => r.names);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('pullErrorMessage uses containerd wording', () => {
  it.each([
    [
      'nginx:1.99',
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    ],
    [
      'nginxx',
      'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      'someone/private-app:1.0',
      'failed to pull and unpack image "docker.io/someone/private-app:1.0": failed to resolve reference "docker.io/someone/private-app:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      'registry.k8s.io/pause:99',
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/pause:99": failed to resolve reference "registry.k8s.io/pause:99": registry.k8s.io/pause:99: not found',
    ],
    [
      'myregistry.example.com/app:v1',
      'failed to pull and unpack image "myregistry.example.com/app:v1": failed to resolve reference "myregistry.example.com/app:v1": failed to do request: Head "https://myregistry.example.com/v2/app/manifests/v1": dial tcp: lookup myregistry.example.com on 127.0.0.53:53: no such host',
    ],
  ])('%s', (text, message) => expect(pullErrorMessage(text, ref(text))).toBe(message));
});
