import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import { validateLabels } from './names.ts';
import { parseCidr } from '../../network/ip.ts';

/**
 * NetworkPolicy validation as pkg/apis/networking/validation/validation.go words it: ports and
 * endPort, one peer kind (ipBlock alone), CIDRs whose excepts are strict subsets, two policyTypes at most.
 */
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const POLICY_TYPES = ['Egress', 'Ingress'];
const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function selectorErrors(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  },
  field: string,
): FieldError[] {
  const errors = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((e, i) => {
    const at = `${field}.matchExpressions[${i}]`;
    if (!SELECTOR_OPERATORS.includes(e.operator))
      errors.push(fieldErrors.invalid(`${at}.operator`, e.operator, 'not a valid selector operator'));
    else if ((e.operator === 'In' || e.operator === 'NotIn') && (e.values ?? []).length === 0)
      errors.push(fieldErrors.required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && (e.values ?? []).length > 0)
      errors.push(
        fieldErrors.forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
      );
  });
  return errors;
}

function portErrors(port: NetworkPolicyPort, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol))
    errors.push(fieldErrors.notSupported(`${field}.protocol`, port.protocol, ['TCP', 'UDP', 'SCTP']));
  if (port.port === undefined || port.port === null) {
    if (port.endPort !== undefined)
      errors.push(
        fieldErrors.invalid(`${field}.endPort`, port.endPort, 'may not be specified when `port` is not specified'),
      );
    return errors;
  }
  if (typeof port.port === 'number') {
    if (port.port < 1 || port.port > 65535)
      errors.push(fieldErrors.invalid(`${field}.port`, port.port, 'must be between 1 and 65535, inclusive'));
    if (port.endPort !== undefined) {
      if (port.endPort < port.port)
        errors.push(fieldErrors.invalid(`${field}.endPort`, port.port, 'must be greater than or equal to `port`'));
      if (port.endPort < 1 || port.endPort > 65535)
        errors.push(fieldErrors.invalid(`${field}.endPort`, port.endPort, 'must be between 1 and 65535, inclusive'));
    }
    return errors;
  }
  if (port.endPort !== undefined)
    errors.push(
      fieldErrors.invalid(`${field}.endPort`, port.endPort, 'may not be specified when `port` is non-numeric'),
    );
  if (port.port.length > 15)
    errors.push(fieldErrors.invalid(`${field}.port`, port.port, 'must be no more than 15 characters'));
  if (!PORT_NAME.test(port.port))
    errors.push(
      fieldErrors.invalid(
        `${field}.port`,
        port.port,
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ),
    );
  else if (!/[a-z]/.test(port.port))
    errors.push(fieldErrors.invalid(`${field}.port`, port.port, 'must contain at least one letter (a-z)'));
  return errors;
}

function cidrErrors(cidr: string, field: string): FieldError[] {
  return parseCidr(cidr)
    ? []
    : [fieldErrors.invalid(field, cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

function peerErrors(peer: NetworkPolicyPeer, field: string): FieldError[] {
  const errors: FieldError[] = [];
  let kinds = 0;
  if (peer.podSelector) {
    kinds++;
    errors.push(...selectorErrors(peer.podSelector, `${field}.podSelector`));
  }
  if (peer.namespaceSelector) {
    kinds++;
    errors.push(...selectorErrors(peer.namespaceSelector, `${field}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    kinds++;
    const block = peer.ipBlock;
    if (!block.cidr) errors.push(fieldErrors.required(`${field}.ipBlock.cidr`));
    else {
      errors.push(...cidrErrors(block.cidr, `${field}.ipBlock.cidr`));
      const outer = parseCidr(block.cidr);
      (block.except ?? []).forEach((except, i) => {
        const at = `${field}.ipBlock.except[${i}]`;
        const inner = parseCidr(except);
        if (!inner) errors.push(...cidrErrors(except, at));
        else if (outer && (!outer.contains(inner.base) || outer.bits >= inner.bits))
          errors.push(fieldErrors.invalid(at, except, 'must be a strict subset of `cidr`'));
      });
    }
  }
  if (kinds === 0) errors.push(fieldErrors.required(field, 'must specify a peer'));
  else if (kinds > 1 && peer.ipBlock)
    errors.push(fieldErrors.forbidden(field, 'may not specify both ipBlock and another peer'));
  return errors;
}

export function validateNetworkPolicy(policy: NetworkPolicy): FieldError[] {
  const errors: FieldError[] = [];
  const spec: Partial<NonNullable<NetworkPolicy['spec']>> = policy.spec ?? {};
  errors.push(...selectorErrors(spec.podSelector ?? {}, 'spec.podSelector'));
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errors.push(...portErrors(port, `spec.ingress[${i}].ports[${j}]`)));
    (rule.from ?? []).forEach((peer, j) => errors.push(...peerErrors(peer, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errors.push(...portErrors(port, `spec.egress[${i}].ports[${j}]`)));
    (rule.to ?? []).forEach((peer, j) => errors.push(...peerErrors(peer, `spec.egress[${i}].to[${j}]`)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errors.push(fieldErrors.invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
    return errors;
  }
  types.forEach((type, i) => {
    if (!POLICY_TYPES.includes(type))
      errors.push(fieldErrors.notSupported(`spec.policyTypes[${i}]`, type, ['Ingress', 'Egress']));
  });
  return errors;
}
