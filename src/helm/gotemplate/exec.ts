/**
 * Template execution (text/template/exec.go): walks the tree with dot and the variable stack,
 * evaluates pipelines with Go's typing rules, and stops with Go's error texts,
 * `template: NAME:LINE:COL: executing "NAME" at <CONTEXT>: MESSAGE`.
 */
import { sprint } from './fmt/print.ts';
import { BUILTINS, invoke } from './builtins.ts';
import { goQuote } from './lexer.ts';
import {
  errorContext,
  nodeString,
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type FieldNode,
  type ChainNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type Tree,
  type VariableNode,
} from './node.ts';
import {
  Iface,
  MISSING,
  assignable,
  canBeNil,
  elementOf,
  indirect,
  indirectInterface,
  isTrue,
  rvType,
  toGo,
  truth,
  wrap,
  zeroOf,
  type Final,
  type RV,
} from './rv.ts';
import { GoError, GoFunc, GoInt, GoStruct, elemType, isIntType, isMap, sortedKeys, type GoValue } from './value.ts';

/** ExecError is an execution failure; message is the whole Go text. */
export class ExecError extends Error {
  constructor(
    message: string,
    readonly templateName: string,
  ) {
    super(message);
  }
}

export type MissingKey = 'default' | 'zero' | 'error';

/** ExecContext is what execution needs from the template set. */
export interface ExecContext {
  lookup(name: string): { name: string; tree: Tree | undefined } | undefined;
  funcs: Record<string, GoFunc>;
  missingKey: MissingKey;
}

const MAX_EXEC_DEPTH = 100000;

class Break {}
class Continue {}
const BREAK = new Break();
const CONTINUE = new Continue();

interface Variable {
  name: string;
  value: RV;
}

class State {
  node: Node | undefined;
  vars: Variable[];
  constructor(
    readonly ctx: ExecContext,
    readonly name: string,
    readonly tree: Tree,
    readonly out: string[],
    readonly depth: number,
    dot: RV,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  // --- errors and variables --------------------------------------------------------------------
  errorf(message: string): never {
    if (!this.node) throw new ExecError(`template: ${this.name}: ${message}`, this.name);
    const { location, context } = errorContext(this.node, this.tree);
    throw new ExecError(
      `template: ${location}: executing ${goQuote(this.name)} at <${context}>: ${message}`,
      this.name,
    );
  }
  at(node: Node): void {
    this.node = node;
  }
  setVar(name: string, value: RV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  setTopVar(n: number, value: RV): void {
    (this.vars[this.vars.length - n] as Variable).value = value;
  }
  varValue(name: string): RV {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v.value;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // --- walking -------------------------------------------------------------------------------
  walk(dot: RV, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'comment':
        return;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out.push(node.text);
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  walkIfOrWith(node: BranchNode, dot: RV): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const { truth: t, ok } = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${sprint([toGo(val)])}`);
      if (t) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  walkRange(dot: RV, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe)).value;
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const oneIteration = (index: RV, elem: RV): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[decl.length > 1 ? 0 : 0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      try {
        if (Array.isArray(val)) {
          if (val.length > 0) {
            for (let i = 0; i < val.length; i++) oneIteration(new GoInt(BigInt(i)), elementOf(val, i));
            return;
          }
        } else if (val instanceof GoInt) {
          if (decl.length > 1) this.errorf(`can't use ${val.value} to iterate over more than one variable`);
          if (val.value > 0n) {
            for (let i = 0n; i < val.value; i++) oneIteration(undefined, new GoInt(i, val.type));
            return;
          }
        } else if (isMap(val)) {
          const keys = sortedKeys(val);
          if (keys.length > 0) {
            for (const key of keys) oneIteration(key, wrap(val[key] ?? null, elemType(val)));
            return;
          }
        } else if (val !== undefined && !(val instanceof Iface)) {
          this.errorf(`range can't iterate over ${sprint([toGo(val)])}`);
        }
      } catch (e) {
        if (e === BREAK) return;
        throw e;
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  walkTemplate(dot: RV, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.ctx.lookup(t.name);
    if (!tmpl || !tmpl.tree) return this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const state = new State(this.ctx, tmpl.name, tmpl.tree, this.out, this.depth + 1, newDot);
    try {
      state.walk(newDot, tmpl.tree.root);
    } catch (e) {
      if (e instanceof RangeError) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      throw e;
    }
  }

  // --- evaluation ----------------------------------------------------------------------------
  evalPipeline(dot: RV, pipe: PipeNode | undefined): RV {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value instanceof Iface) value = value.inner === null ? undefined : value.inner;
    }
    const result = value === MISSING ? undefined : value;
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0] as string, result);
      else this.vars.push({ name: v.ident[0] as string, value: result });
    }
    return result;
  }

  notAFunction(args: ArgNode[] | undefined, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING)
      this.errorf(`can't give argument to non-function ${nodeString(args?.[0] as Node)}`);
  }

  evalCommand(dot: RV, cmd: CommandNode, final: Final): RV {
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  idealConstant(n: NumberNode): RV {
    this.at(n);
    const isHexInt = /^0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    const isRune = n.text.startsWith("'");
    if (n.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(n.text)) return n.float64;
    if (n.isInt) return new GoInt(n.int64, 'int');
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: RV, field: FieldNode, args: ArgNode[] | undefined, final: Final): RV {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: RV, chain: ChainNode, args: ArgNode[] | undefined, final: Final): RV {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariableNode(dot: RV, variable: VariableNode, args: ArgNode[] | undefined, final: Final): RV {
    this.at(variable);
    const value = this.varValue(variable.ident[0] as string);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  evalFieldChain(dot: RV, receiver: RV, node: Node, ident: string[], args: ArgNode[] | undefined, final: Final): RV {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++)
      receiver = this.evalField(dot, ident[i] as string, node, undefined, MISSING, receiver);
    return this.evalField(dot, ident[n - 1] as string, node, args, final, receiver);
  }

  evalFunction(dot: RV, node: IdentifierNode, cmd: Node, args: ArgNode[] | undefined, final: Final): RV {
    this.at(node);
    const name = node.ident;
    const own = Object.prototype.hasOwnProperty.call(this.ctx.funcs, name) ? this.ctx.funcs[name] : undefined;
    const builtin = Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
    const fn = own ?? builtin;
    if (!fn) return this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, !own, cmd, name, args, final);
  }

  evalField(dot: RV, fieldName: string, node: Node, args: ArgNode[] | undefined, final: Final, receiver: RV): RV {
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const typ = rvType(receiver);
    const { value: recv, isNil } = indirect(receiver);
    if (recv instanceof Iface && isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    if (recv instanceof GoStruct && Object.prototype.hasOwnProperty.call(recv.methods, fieldName))
      return this.evalCall(dot, recv.methods[fieldName] as GoFunc, false, node, fieldName, args, final);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (recv instanceof GoStruct) {
      if (Object.prototype.hasOwnProperty.call(recv.fields, fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        const v = recv.fields[fieldName] ?? null;
        return v === null ? new Iface(null) : v;
      }
    } else if (isMap(recv)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (Object.prototype.hasOwnProperty.call(recv, fieldName)) return wrap(recv[fieldName] ?? null, elemType(recv));
      switch (this.ctx.missingKey) {
        case 'zero':
          return zeroOf(elemType(recv));
        case 'error':
          return this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
        default:
          return undefined;
      }
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  evalCall(
    dot: RV,
    fn: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    argNodes: ArgNode[] | undefined,
    final: Final,
  ): RV {
    const args = argNodes ? argNodes.slice(1) : [];
    const sig = fn.signature;
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (sig.variadic !== undefined) {
      numFixed = sig.params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== sig.params.length)
      this.errorf(`wrong number of args for ${name}: want ${sig.params.length} got ${numIn}`);

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: RV = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'reflect.Value', arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'reflect.Value');
      return v;
    }

    const argv: RV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++)
      argv.push(this.evalArg(dot, sig.params[i] as string, args[i] as ArgNode));
    if (sig.variadic !== undefined)
      for (; i < args.length; i++) argv.push(this.evalArg(dot, sig.variadic, args[i] as ArgNode));
    if (final !== MISSING) {
      let t: string;
      if (sig.variadic !== undefined) t = numIn - 1 < numFixed ? (sig.params[numIn - 1] as string) : sig.variadic;
      else t = sig.params[sig.params.length - 1] as string;
      argv.push(this.validateType(final, t));
    }
    if (isBuiltin && name === 'call') argv.unshift(nodeString(args[0] as Node));
    try {
      return invoke(fn, argv);
    } catch (e) {
      if (e instanceof ExecError) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  validateType(value: RV, typ: string | undefined): RV {
    if (value === undefined) {
      if (typ === undefined) return undefined;
      if (canBeNil(typ)) return zeroOf(typ);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === 'reflect.Value') return value;
    if (typ !== undefined && !assignable(value, typ)) {
      if (value instanceof Iface && value.inner !== null && assignable(value.inner, typ)) return value.inner;
      this.errorf(`wrong type for value; expected ${typ}; got ${rvType(value)}`);
    }
    return value;
  }

  evalArg(dot: RV, typ: string | undefined, n: ArgNode): RV {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ !== undefined && canBeNil(typ)) return zeroOf(typ);
        return this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ);
    }
    if (typ === undefined) return this.errorf(`can't handle ${nodeString(n)} for arg of type <nil>`);
    if (typ === 'bool') {
      if (n.type === 'bool') return n.value;
      return this.errorf(`expected bool; found ${nodeString(n)}`);
    }
    if (typ === 'float64' || typ === 'float32') {
      if (n.type === 'number' && n.isFloat) return n.float64;
      return this.errorf(`expected float; found ${nodeString(n)}`);
    }
    if (isIntType(typ) && !typ.startsWith('u')) {
      if (n.type === 'number' && n.isInt) return new GoInt(n.int64, typ);
      return this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (isIntType(typ)) {
      if (n.type === 'number' && n.isUint) return new GoInt(n.uint64, typ);
      return this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (typ === 'interface {}' || typ === 'reflect.Value') return this.evalEmptyInterface(dot, n);
    if (typ === 'string') {
      if (n.type === 'string') return n.text;
      return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }

  evalEmptyInterface(dot: RV, n: ArgNode): RV {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
      default:
        return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
    }
  }

  printValue(node: Node, v: RV): void {
    this.at(node);
    if (v === undefined) {
      this.out.push('<no value>');
      return;
    }
    if (v instanceof GoFunc) this.errorf(`can't print ${nodeString(node)} of type ${rvType(v)}`);
    this.out.push(sprint([toGo(v)]));
  }
}

/** execute runs tree `name` with data as dot and returns the output (partial output is in `out`). */
export function execute(ctx: ExecContext, name: string, tree: Tree | undefined, data: RV, out: string[]): void {
  const state = new State(ctx, name, tree ?? { name, parseName: name, root: emptyList(), text: '' }, out, 0, data);
  if (!tree) state.errorf(`${goQuote(name)} is an incomplete or empty template`);
  state.walk(data, (tree as Tree).root);
}

function emptyList(): ListNode {
  return { type: 'list', pos: 0, tree: undefined, nodes: [] };
}

/** valueOf turns caller data into the value `.` starts as (Go's reflect.ValueOf(data)). */
export function valueOf(data: GoValue): RV {
  return data === null ? undefined : data;
}

export { GoError };
