import type { CommandResult, KubectlContext } from './types.ts';

/**
 * Stream collects a long-running command's output: straight to the terminal through ctx.onOutput
 * when there is one, otherwise into the final CommandResult (the CLI and tests).
 */
export class Stream {
  private stdout = '';
  private stderr = '';

  constructor(private readonly ctx: KubectlContext) {}

  out(text: string): void {
    if (!text) return;
    if (this.ctx.onOutput) this.ctx.onOutput(text, 'stdout');
    else this.stdout += text;
  }

  err(text: string): void {
    if (!text) return;
    if (this.ctx.onOutput) this.ctx.onOutput(text, 'stderr');
    else this.stderr += text;
  }

  get aborted(): boolean {
    return this.ctx.signal?.aborted === true;
  }

  result(exitCode: number): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode };
  }
}

/** pause lets the terminal paint between steps of a streaming command (a macrotask, not simulated time). */
export function pause(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
