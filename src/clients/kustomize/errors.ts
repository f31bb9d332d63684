/**
 * KustomizeError carries a kustomize error message as kubectl prints it after `error: `. Errors
 * wrap as they rise through nested kustomizations (errors.WrapPrefixf), so the message reads
 * outermost first: `accumulating resources: accumulation err='…': …`.
 */
export class KustomizeError extends Error {
  wrap(prefix: string): KustomizeError {
    return new KustomizeError(`${prefix}: ${this.message}`);
  }
}

export function wrapError(error: unknown, prefix: string): KustomizeError {
  if (error instanceof KustomizeError) return error.wrap(prefix);
  return new KustomizeError(`${prefix}: ${error instanceof Error ? error.message : String(error)}`);
}

/** missingKustomization is NewErrMissingKustomization. */
export function missingKustomization(dir: string): KustomizeError {
  return new KustomizeError(
    `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`,
  );
}

/** noSuchFile is what Go's os.Lstat says through kustomize's evalsymlink check. */
export function evalSymlinkFailure(shown: string, abs: string): string {
  return `evalsymlink failure on '${shown}' : lstat ${abs}: no such file or directory`;
}

/** goQuote is Go's %q for the texts kustomize quotes. */
export function goQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
