/**
 * The pages ingress-nginx answers with itself (nginx's built-in error pages), byte for byte as a
 * learner sees them through curl, and the API server's answers to pods that call it.
 */
const REASONS: Record<number, string> = {
  308: 'Permanent Redirect',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** nginxErrorPage is the body nginx sends for its own 3xx/4xx/5xx answers. */
export function nginxErrorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export function nginxHeaders(now: number, length: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Date: new Date(now).toUTCString(),
    'Content-Type': 'text/html',
    'Content-Length': String(length),
    Connection: 'keep-alive',
    ...extra,
  };
}

/** forbiddenStatus is the API server's answer to an anonymous request it does not allow. */
export function anonymousForbidden(verb: string, path: string): string {
  return `${JSON.stringify(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `forbidden: User "system:anonymous" cannot ${verb} path "${path}"`,
      reason: 'Forbidden',
      details: {},
      code: 403,
    },
    null,
    2,
  )}\n`;
}
