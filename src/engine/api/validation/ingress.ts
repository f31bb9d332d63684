import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import { DNS1123_SUBDOMAIN_MESSAGE, nameErrors } from './names.ts';

/**
 * Ingress and IngressClass validation as pkg/apis/networking/validation/validation.go words it:
 * rules or a default backend, absolute paths without `//` or `/./`, a pathType, one kind of backend
 * with a service name and a port name or number, DNS hosts (a leading `*.` allowed), TLS hosts.
 */
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const WILDCARD_MESSAGE =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function hostErrors(host: string, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (IPV4.test(host)) errors.push(fieldErrors.invalid(field, host, 'must be a DNS name, not an IP address'));
  if (host.includes('*')) {
    const rest = host.slice(2);
    if (!host.startsWith('*.') || nameErrors(rest, 'dns1123Subdomain').length > 0)
      errors.push(fieldErrors.invalid(field, host, WILDCARD_MESSAGE));
  } else {
    for (const message of nameErrors(host, 'dns1123Subdomain')) errors.push(fieldErrors.invalid(field, host, message));
  }
  return errors;
}

/** validateIngressBackend is validateIngressBackend: a service (name, port name or number) or a resource. */
export function validateIngressBackend(backend: IngressBackend, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (backend.resource && backend.service)
    return [fieldErrors.invalid(field, '', 'cannot set both resource and service backends')];
  if (backend.resource) {
    if (!backend.resource.kind) errors.push(fieldErrors.required(`${field}.resource.kind`, 'kind is required'));
    if (!backend.resource.name) errors.push(fieldErrors.required(`${field}.resource.name`, 'name is required'));
    return errors;
  }
  if (!backend.service) return [fieldErrors.invalid(field, '', 'resource or service backend is required')];
  const service = backend.service;
  if (!service.name) errors.push(fieldErrors.required(`${field}.service.name`));
  else
    for (const message of nameErrors(service.name, 'dns1035Label'))
      errors.push(fieldErrors.invalid(`${field}.service.name`, service.name, message));
  const name = service.port?.name ?? '';
  const number = service.port?.number ?? 0;
  if (name && number) errors.push(fieldErrors.invalid(field, '', 'cannot set both port name & port number'));
  else if (name) {
    if (name.length > 15)
      errors.push(fieldErrors.invalid(`${field}.service.port.name`, name, 'must be no more than 15 characters'));
    if (!PORT_NAME.test(name))
      errors.push(
        fieldErrors.invalid(
          `${field}.service.port.name`,
          name,
          'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        ),
      );
  } else if (number) {
    if (!Number.isInteger(number) || number < 1 || number > 65535)
      errors.push(
        fieldErrors.invalid(`${field}.service.port.number`, number, 'must be between 1 and 65535, inclusive'),
      );
  } else errors.push(fieldErrors.required(field, 'port name or number is required'));
  return errors;
}

export function validateIngress(ingress: Ingress): FieldError[] {
  const errors: FieldError[] = [];
  const spec = ingress.spec ?? {};
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec',
      message: 'Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
    });
  }
  if (spec.defaultBackend) errors.push(...validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    if (rule.host) errors.push(...hostErrors(rule.host, `${at}.host`));
    if (!rule.http) return;
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) errors.push(fieldErrors.required(`${at}.http.paths`));
    paths.forEach((path, j) => {
      const p = `${at}.http.paths[${j}]`;
      const value = path.path ?? '';
      if (path.pathType === undefined || path.pathType === null) {
        errors.push(fieldErrors.required(`${p}.pathType`, 'pathType must be specified'));
        return;
      }
      if (path.pathType === 'Exact' || path.pathType === 'Prefix') {
        if (!value.startsWith('/')) errors.push(fieldErrors.invalid(`${p}.path`, value, 'must be an absolute path'));
        for (const seq of INVALID_SEQUENCES)
          if (value.includes(seq)) errors.push(fieldErrors.invalid(`${p}.path`, value, `must not contain '${seq}'`));
        for (const suffix of INVALID_SUFFIXES)
          if (value.endsWith(suffix))
            errors.push(fieldErrors.invalid(`${p}.path`, value, `cannot end with '${suffix}'`));
      } else if (path.pathType === 'ImplementationSpecific') {
        if (value.length > 0 && !value.startsWith('/'))
          errors.push(fieldErrors.invalid(`${p}.path`, value, 'must be an absolute path'));
      } else errors.push(fieldErrors.notSupported(`${p}.pathType`, path.pathType, PATH_TYPES));
      errors.push(...validateIngressBackend(path.backend ?? {}, `${p}.backend`));
    });
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => errors.push(...hostErrors(host, `spec.tls[${i}].hosts[${j}]`)));
    if (tls.secretName)
      for (const message of nameErrors(tls.secretName, 'dns1123Subdomain'))
        errors.push(fieldErrors.invalid(`spec.tls[${i}].secretName`, tls.secretName, message));
  });
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null)
    for (const message of nameErrors(spec.ingressClassName, 'dns1123Subdomain'))
      errors.push(fieldErrors.invalid('spec.ingressClassName', spec.ingressClassName, message));
  const annotation = ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (annotation !== undefined && spec.ingressClassName && annotation !== spec.ingressClassName) {
    errors.push(
      fieldErrors.invalid(
        'annotations.kubernetes.io/ingress.class',
        annotation,
        'must match `ingressClassName` when both are specified',
      ),
    );
  }
  return errors;
}

const DOMAIN_PREFIXED_PATH = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/.+$/;

export function validateIngressClass(ingressClass: IngressClass, old: IngressClass | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const controller = ingressClass.spec?.controller ?? '';
  if (!controller) errors.push(fieldErrors.required('spec.controller'));
  else if (!DOMAIN_PREFIXED_PATH.test(controller)) {
    const host = controller.split('/')[0] ?? '';
    if (!controller.includes('/'))
      errors.push(
        fieldErrors.invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")'),
      );
    else errors.push(fieldErrors.invalid('spec.controller', host, DNS1123_SUBDOMAIN_MESSAGE));
  }
  const parameters = ingressClass.spec?.parameters;
  if (parameters) {
    if (!parameters.kind) errors.push(fieldErrors.required('spec.parameters.kind', 'kind is required'));
    if (!parameters.name) errors.push(fieldErrors.required('spec.parameters.name', 'name is required'));
  }
  if (old && (old.spec?.controller ?? '') !== controller)
    errors.push(fieldErrors.invalid('spec.controller', controller, 'field is immutable'));
  return errors;
}
