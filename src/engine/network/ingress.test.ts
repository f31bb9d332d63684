import type { HTTPIngressPath, Ingress } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import { hostMatches, matchIngress, prefixMatches, rewrite } from './ingress.ts';

/** Builders: an ingress with paths on one host, each path routed to a Service named after it. */
type PathSpec = [type: 'Prefix' | 'Exact' | 'ImplementationSpecific', path: string];

function paths(specs: PathSpec[]): HTTPIngressPath[] {
  return specs.map(([pathType, path]) => ({
    path,
    pathType,
    backend: { service: { name: `${pathType}:${path}`, port: { number: 80 } } },
  }));
}

function ingress(
  name: string,
  rules: { host?: string; paths: PathSpec[] }[],
  extra: { annotations?: Record<string, string>; defaultBackend?: string; created?: string } = {},
): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: extra.created ?? '2026-01-05T09:00:00Z',
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: {
      ...(extra.defaultBackend
        ? { defaultBackend: { service: { name: extra.defaultBackend, port: { number: 80 } } } }
        : {}),
      rules: rules.map((r) => ({ ...(r.host ? { host: r.host } : {}), http: { paths: paths(r.paths) } })),
    },
  };
}

function routed(ingresses: Ingress[], host: string, path: string): string {
  const match = matchIngress(ingresses, host, path);
  return match.kind === 'none' ? '404' : (match.backend.service?.name ?? '?');
}

/** The examples table of the Ingress concept page (kubernetes.io/docs/concepts/services-networking/ingress/#examples). */
const specExamples: [string, PathSpec[], string, string][] = [
  ['Prefix / matches all paths', [['Prefix', '/']], '/anything/at/all', 'Prefix:/'],
  ['Exact /foo matches /foo', [['Exact', '/foo']], '/foo', 'Exact:/foo'],
  ['Exact /foo does not match /bar', [['Exact', '/foo']], '/bar', '404'],
  ['Exact /foo does not match /foo/', [['Exact', '/foo']], '/foo/', '404'],
  ['Exact /foo/ does not match /foo', [['Exact', '/foo/']], '/foo', '404'],
  ['Exact is case-sensitive', [['Exact', '/foo']], '/FOO', '404'],
  ['Prefix /foo matches /foo', [['Prefix', '/foo']], '/foo', 'Prefix:/foo'],
  ['Prefix /foo matches /foo/', [['Prefix', '/foo']], '/foo/', 'Prefix:/foo'],
  ['Prefix /foo/ matches /foo', [['Prefix', '/foo/']], '/foo', 'Prefix:/foo/'],
  ['Prefix /foo/ matches /foo/', [['Prefix', '/foo/']], '/foo/', 'Prefix:/foo/'],
  ['Prefix /aaa/bb does not match /aaa/bbb', [['Prefix', '/aaa/bb']], '/aaa/bbb', '404'],
  ['Prefix /aaa/bbb matches /aaa/bbb', [['Prefix', '/aaa/bbb']], '/aaa/bbb', 'Prefix:/aaa/bbb'],
  [
    'Prefix /aaa/bbb/ matches /aaa/bbb, ignoring the trailing slash',
    [['Prefix', '/aaa/bbb/']],
    '/aaa/bbb',
    'Prefix:/aaa/bbb/',
  ],
  ['Prefix /aaa/bbb matches /aaa/bbb/, the trailing slash', [['Prefix', '/aaa/bbb']], '/aaa/bbb/', 'Prefix:/aaa/bbb'],
  ['Prefix /aaa/bbb matches the subpath /aaa/bbb/ccc', [['Prefix', '/aaa/bbb']], '/aaa/bbb/ccc', 'Prefix:/aaa/bbb'],
  ['Prefix /aaa/bbb does not match the string prefix /aaa/bbbxyz', [['Prefix', '/aaa/bbb']], '/aaa/bbbxyz', '404'],
  [
    'Prefix /, /aaa: /aaa/ccc matches the /aaa prefix',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
    ],
    '/aaa/ccc',
    'Prefix:/aaa',
  ],
  [
    'Prefix /, /aaa, /aaa/bbb: /aaa/bbb matches the /aaa/bbb prefix',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
      ['Prefix', '/aaa/bbb'],
    ],
    '/aaa/bbb',
    'Prefix:/aaa/bbb',
  ],
  [
    'Prefix /, /aaa, /aaa/bbb: /ccc matches the / prefix',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
      ['Prefix', '/aaa/bbb'],
    ],
    '/ccc',
    'Prefix:/',
  ],
  ['Prefix /aaa: /ccc uses the default backend', [['Prefix', '/aaa']], '/ccc', '404'],
  [
    'Mixed /foo (Prefix) and /foo (Exact): /foo prefers Exact',
    [
      ['Prefix', '/foo'],
      ['Exact', '/foo'],
    ],
    '/foo',
    'Exact:/foo',
  ],
  [
    'Mixed, listed the other way round: still Exact',
    [
      ['Exact', '/foo'],
      ['Prefix', '/foo'],
    ],
    '/foo',
    'Exact:/foo',
  ],
  ['the query string is not part of the path', [['Exact', '/foo']], '/foo?x=1', 'Exact:/foo'],
  [
    "ImplementationSpecific is nginx's string prefix",
    [['ImplementationSpecific', '/foo']],
    '/foobar',
    'ImplementationSpecific:/foo',
  ],
];

describe('Ingress path matching (the spec examples)', () => {
  it.each(specExamples)('%s', (_name, specs, path, expected) => {
    expect(routed([ingress('i', [{ paths: specs }])], 'example.com', path)).toBe(expected);
  });
});

describe('prefixMatches', () => {
  it.each([
    ['/', '/', true],
    ['/', '/x', true],
    ['/a', '/a/b', true],
    ['/a/b', '/a', false],
    ['/a/', '/a', true],
    ['/ab', '/a', false],
  ])('Prefix %s against %s → %s', (rule, request, expected) => {
    expect(prefixMatches(rule, request)).toBe(expected);
  });
});

describe('host matching', () => {
  it.each([
    ['foo.bar.com', 'foo.bar.com', true],
    ['foo.bar.com', 'bar.com', false],
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
  ])('rule host %s, request host %s → %s', (rule, host, expected) => {
    expect(hostMatches(rule, host)).toBe(expected);
  });

  const set = [
    ingress('exact', [{ host: 'shop.example.com', paths: [['Prefix', '/exact']] }]),
    ingress('wild', [{ host: '*.example.com', paths: [['Prefix', '/wild']] }]),
    ingress('any', [{ paths: [['Prefix', '/any']] }]),
  ];

  it.each([
    ['an exact host wins over a wildcard', 'shop.example.com', '/exact/x', 'Prefix:/exact'],
    ['the exact host has no such path: no fall-through to other hosts', 'shop.example.com', '/wild', '404'],
    ['a wildcard covers one label', 'blog.example.com', '/wild', 'Prefix:/wild'],
    ['a port in Host is ignored and hosts are case-insensitive', 'Blog.Example.com:8080', '/wild', 'Prefix:/wild'],
    ['an unknown host goes to the host-less rules', 'other.test', '/any', 'Prefix:/any'],
    ['an IP address is just an unknown host', '172.18.255.200', '/any/1', 'Prefix:/any'],
  ])('%s', (_name, host, path, expected) => {
    expect(routed(set, host, path)).toBe(expected);
  });
});

describe('default backend and several Ingresses', () => {
  it('uses spec.defaultBackend when no rule matches', () => {
    const set = [ingress('a', [{ host: 'a.test', paths: [['Exact', '/']] }], { defaultBackend: 'fallback' })];
    expect(routed(set, 'a.test', '/missing')).toBe('fallback');
    expect(routed(set, 'b.test', '/')).toBe('fallback');
  });

  it('merges the paths of every Ingress for the same host, longest first', () => {
    const set = [
      ingress('root', [{ host: 'a.test', paths: [['Prefix', '/']] }], { created: '2026-01-05T09:00:00Z' }),
      ingress('api', [{ host: 'a.test', paths: [['Prefix', '/api']] }], { created: '2026-01-05T09:05:00Z' }),
    ];
    expect(routed(set, 'a.test', '/api/v1')).toBe('Prefix:/api');
    expect(routed(set, 'a.test', '/index.html')).toBe('Prefix:/');
  });

  it("answers none (the controller's 404) without a default backend", () => {
    expect(matchIngress([ingress('a', [{ host: 'a.test', paths: [['Exact', '/x']] }])], 'a.test', '/y')).toEqual({
      kind: 'none',
    });
  });
});

describe('rewrite-target', () => {
  it('with a plain path, the whole URI becomes the target', () => {
    const i = ingress('r', [{ paths: [['Prefix', '/app']] }], {
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' },
    });
    const match = matchIngress([i], 'x', '/app/page?q=1');
    expect(match.kind === 'backend' && match.upstreamPath).toBe('/?q=1');
  });

  it('with a capture group, $2 keeps the rest of the path', () => {
    const i = ingress('r', [{ paths: [['ImplementationSpecific', '/something(/|$)(.*)']] }], {
      annotations: {
        'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
        'nginx.ingress.kubernetes.io/use-regex': 'true',
      },
    });
    const path = i.spec?.rules?.[0]?.http?.paths[0];
    expect(rewrite(i, path, '/something/new')).toBe('/new');
    expect(rewrite(i, path, '/something')).toBe('/');
    expect(routed([i], 'x', '/something/else')).toBe('ImplementationSpecific:/something(/|$)(.*)');
    expect(routed([i], 'x', '/other')).toBe('404');
  });
});
