import type { AndOr, Command, Pipeline, Redirect, Script, SimpleCommand, Word } from './ast.ts';

/** PipeRole says which ends of the enclosing pipeline a stage reads from and writes to. */
export type PipeRole = 'first' | 'middle' | 'last';

/**
 * Instr is one step of a compiled shell program. Control flow is explicit (jumps to indexes in the
 * same code array, loop and pipe stacks in the frame), so a running script is data: it can stop at
 * any instruction, be snapshotted as JSON, and continue after restore.
 */
export type Instr =
  | { op: 'simple'; cmd: SimpleCommand; pipe?: PipeRole; tail?: true }
  /** a compound command run in its own frame: subshells, redirected groups, pipeline stages, `&` jobs */
  | { op: 'block'; code: Instr[]; subshell: boolean; redirects: Redirect[]; pipe?: PipeRole; background?: true }
  | { op: 'function'; name: string; code: Instr[] }
  | { op: 'jump'; to: number }
  | { op: 'jumpIfFail'; to: number }
  | { op: 'jumpIfOk'; to: number }
  | { op: 'negate' }
  | { op: 'setStatus'; code: number }
  | { op: 'pipeOpen' }
  | { op: 'pipeShift' }
  | { op: 'pipeClose' }
  | { op: 'loopEnter'; breakTo: number; continueTo: number }
  | { op: 'forEnter'; name: string; words: Word[] | null; breakTo: number; continueTo: number }
  | { op: 'forNext'; name: string; exitTo: number }
  | { op: 'loopRecord' }
  | { op: 'loopLeave' }
  | { op: 'caseMatch'; subject: Word; arms: { patterns: Word[]; to: number }[]; endTo: number };

/** compileScript turns a parsed script into instructions; `tail` marks commands the shell may exec. */
export function compileScript(script: Script, tail = false): Instr[] {
  const code: Instr[] = [];
  emitList(code, script, tail);
  return code;
}

function emitList(code: Instr[], script: Script, tail: boolean): void {
  if (script.length === 0) {
    code.push({ op: 'setStatus', code: 0 });
    return;
  }
  script.forEach((item, i) => {
    const isTail = tail && i === script.length - 1 && !item.background;
    if (item.background) {
      code.push({ op: 'block', code: compileAndOr(item.andOr), subshell: true, redirects: [], background: true });
    } else emitAndOr(code, item.andOr, isTail);
  });
}

function compileAndOr(andOr: AndOr): Instr[] {
  const code: Instr[] = [];
  emitAndOr(code, andOr, false);
  return code;
}

function emitAndOr(code: Instr[], andOr: AndOr, tail: boolean): void {
  emitPipeline(code, andOr.first, tail && andOr.rest.length === 0);
  andOr.rest.forEach((step, i) => {
    const jump: Instr = step.op === '&&' ? { op: 'jumpIfFail', to: -1 } : { op: 'jumpIfOk', to: -1 };
    code.push(jump);
    emitPipeline(code, step.pipeline, tail && i === andOr.rest.length - 1);
    jump.to = code.length;
  });
}

function emitPipeline(code: Instr[], pipeline: Pipeline, tail: boolean): void {
  if (pipeline.commands.length === 1) {
    const only = pipeline.commands[0];
    if (only) emitCommand(code, only, undefined, tail && !pipeline.negate);
  } else {
    code.push({ op: 'pipeOpen' });
    pipeline.commands.forEach((cmd, i) => {
      if (i > 0) code.push({ op: 'pipeShift' });
      const role: PipeRole = i === 0 ? 'first' : i === pipeline.commands.length - 1 ? 'last' : 'middle';
      emitCommand(code, cmd, role, false);
    });
    code.push({ op: 'pipeClose' });
  }
  if (pipeline.negate) code.push({ op: 'negate' });
}

function emitCommand(code: Instr[], cmd: Command, pipe: PipeRole | undefined, tail: boolean): void {
  if (cmd.type === 'simple') {
    const instr: Instr = { op: 'simple', cmd };
    if (pipe) instr.pipe = pipe;
    if (tail) instr.tail = true;
    code.push(instr);
    return;
  }
  if (cmd.type === 'function') {
    const body: Instr[] = [];
    emitCommand(body, cmd.body, undefined, false);
    code.push({ op: 'function', name: cmd.name, code: body });
    return;
  }
  if (pipe || cmd.redirects.length > 0 || cmd.type === 'subshell') {
    const inner: Instr[] = [];
    emitCompound(inner, cmd, false);
    const block: Instr = {
      op: 'block',
      code: inner,
      subshell: pipe !== undefined || cmd.type === 'subshell',
      redirects: cmd.redirects,
    };
    if (pipe) block.pipe = pipe;
    code.push(block);
    return;
  }
  emitCompound(code, cmd, tail);
}

function emitCompound(code: Instr[], cmd: Exclude<Command, SimpleCommand | { type: 'function' }>, tail: boolean): void {
  switch (cmd.type) {
    case 'group':
    case 'subshell':
      emitList(code, cmd.body, tail);
      return;
    case 'if': {
      const ends: Instr[] = [];
      for (const clause of cmd.clauses) {
        emitList(code, clause.cond, false);
        const skip: Instr = { op: 'jumpIfFail', to: -1 };
        code.push(skip);
        emitList(code, clause.body, tail);
        const end: Instr = { op: 'jump', to: -1 };
        code.push(end);
        ends.push(end);
        skip.to = code.length;
      }
      if (cmd.elseBody) emitList(code, cmd.elseBody, tail);
      else code.push({ op: 'setStatus', code: 0 });
      for (const end of ends) if (end.op === 'jump') end.to = code.length;
      return;
    }
    case 'while':
    case 'until': {
      const enter: Instr = { op: 'loopEnter', breakTo: -1, continueTo: -1 };
      code.push(enter);
      const cond = code.length;
      emitList(code, cmd.cond, false);
      const exit: Instr = cmd.type === 'while' ? { op: 'jumpIfFail', to: -1 } : { op: 'jumpIfOk', to: -1 };
      code.push(exit);
      emitList(code, cmd.body, false);
      code.push({ op: 'loopRecord' }, { op: 'jump', to: cond });
      exit.to = code.length;
      code.push({ op: 'loopLeave' });
      enter.breakTo = code.length;
      enter.continueTo = cond;
      return;
    }
    case 'for': {
      const enter: Instr = { op: 'forEnter', name: cmd.name, words: cmd.words ?? null, breakTo: -1, continueTo: -1 };
      code.push(enter);
      const next = code.length;
      const step: Instr = { op: 'forNext', name: cmd.name, exitTo: -1 };
      code.push(step);
      emitList(code, cmd.body, false);
      code.push({ op: 'loopRecord' }, { op: 'jump', to: next });
      step.exitTo = code.length;
      code.push({ op: 'loopLeave' });
      enter.breakTo = code.length;
      enter.continueTo = next;
      return;
    }
    case 'case': {
      const match: Instr = { op: 'caseMatch', subject: cmd.subject, arms: [], endTo: -1 };
      code.push(match);
      const ends: Instr[] = [];
      for (const arm of cmd.arms) {
        match.arms.push({ patterns: arm.patterns, to: code.length });
        emitList(code, arm.body, tail);
        const end: Instr = { op: 'jump', to: -1 };
        code.push(end);
        ends.push(end);
      }
      match.endTo = code.length;
      code.push({ op: 'setStatus', code: 0 });
      for (const end of ends) if (end.op === 'jump') end.to = code.length;
      return;
    }
  }
}
