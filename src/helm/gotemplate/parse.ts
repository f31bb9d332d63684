/**
 * The template parser (text/template/parse/parse.go): builds trees for the main template and each
 * {{define}}/{{block}}, checks functions and variables as it goes, and fails with Go's texts,
 * `template: NAME:LINE: MSG`.
 */
import { goQuote, itemString, lex, type Item, type ItemType } from './lexer.ts';
import {
  isEmptyTree,
  nodeString,
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type Tree,
  type VariableNode,
} from './node.ts';
import { parseFloat64, parseInteger, unquote, unquoteChar } from './strconv.ts';

/** ParseError is a parse failure; message is the whole Go text. */
export class ParseError extends Error {}

export interface ParseOptions {
  leftDelim?: string;
  rightDelim?: string;
  /** hasFunction says whether a name is a function (the template's map or the builtins). */
  hasFunction: (name: string) => boolean;
  /** emitComments keeps comment nodes in the tree (parse.ParseComments). */
  emitComments?: boolean;
}

/** maxStackDepth bounds nested parentheses, as Go does against stack exhaustion. */
const MAX_STACK_DEPTH = 10000;

/** Cursor is the shared lexer position: the main tree and its {{define}}s read the same items. */
interface Cursor {
  items: Item[];
  index: number;
}

function nextItem(c: Cursor): Item {
  const item = c.items[c.index];
  if (item) {
    c.index++;
    return item;
  }
  const last = c.items[c.items.length - 1];
  return { type: 'EOF', pos: last?.pos ?? 0, val: '', line: last?.line ?? 1 };
}

class TreeParser {
  tree: Tree;
  token: Item[] = [];
  peekCount = 0;
  vars: string[] = ['$'];
  actionLine = 0;
  rangeDepth = 0;
  stackDepth = 0;

  constructor(
    name: string,
    readonly parseName: string,
    readonly text: string,
    readonly cursor: Cursor,
    readonly treeSet: Map<string, Tree>,
    readonly options: ParseOptions,
  ) {
    this.tree = { name, parseName, text, root: this.newList(0) };
  }

  // --- tokens --------------------------------------------------------------------------------
  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = nextItem(this.cursor);
    return this.token[this.peekCount] as Item;
  }
  backup(): void {
    this.peekCount++;
  }
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = nextItem(this.cursor);
    return this.token[0];
  }
  nextNonSpace(): Item {
    for (;;) {
      const token = this.next();
      if (token.type !== 'space') return token;
    }
  }
  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors --------------------------------------------------------------------------------
  errorf(message: string): never {
    throw new ParseError(`template: ${this.parseName}:${this.token[0]?.line ?? 1}: ${message}`);
  }
  expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }
  expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== a && token.type !== b) this.unexpected(token, context);
    return token;
  }
  unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // --- nodes ---------------------------------------------------------------------------------
  newList(pos: number): ListNode {
    return { type: 'list', pos, tree: this.tree, nodes: [] };
  }
  newPipeline(pos: number, line: number, decl: VariableNode[]): PipeNode {
    return { type: 'pipe', pos, tree: this.tree, line, isAssign: false, decl, cmds: [] };
  }
  newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, tree: this.tree, ident: ident.split('.') };
  }

  // --- grammar -------------------------------------------------------------------------------
  add(): void {
    const existing = this.treeSet.get(this.tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(this.tree.name, this.tree);
      return;
    }
    if (!isEmptyTree(this.tree.root))
      this.errorf(`template: multiple definition of template ${goQuote(this.tree.name)}`);
  }

  parse(): void {
    this.tree.root = this.newList(this.peek().pos);
    while (this.peek().type !== 'EOF') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          const def = this.child('definition');
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      else this.tree.root.nodes.push(n);
    }
  }

  child(name: string): TreeParser {
    return new TreeParser(name, this.parseName, this.text, this.cursor, this.treeSet, this.options);
  }

  parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf('string', 'rawString', context);
    this.tree.name = this.unquote(name.val);
    this.expect('rightDelim', context);
    const [root, end] = this.itemList();
    this.tree.root = root;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  unquote(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      return this.errorf((e as Error).message);
    }
  }

  itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'text':
        return { type: 'text', pos: token.pos, tree: this.tree, text: token.val };
      case 'leftDelim': {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case 'comment':
        return { type: 'comment', pos: token.pos, tree: this.tree, text: token.val };
      default:
        return this.unexpected(token, 'input');
    }
  }

  action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.loopControl(token);
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos, tree: this.tree };
      case 'if':
      case 'range':
      case 'with':
        return this.control(token.type);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const first = this.peek();
    return {
      type: 'action',
      pos: first.pos,
      tree: this.tree,
      line: first.line,
      pipe: this.pipeline('command', 'rightDelim'),
    };
  }

  loopControl(keyword: Item): Node {
    const name = keyword.type as 'break' | 'continue';
    const token = this.nextNonSpace();
    if (token.type !== 'rightDelim') this.unexpected(token, `{{${name}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${name}}} outside {{range}}`);
    return { type: name, pos: keyword.pos, tree: this.tree, line: keyword.line };
  }

  elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.type === 'if' || peek.type === 'with')
      return { type: 'else', pos: peek.pos, tree: this.tree, line: peek.line };
    const token = this.expect('rightDelim', 'else');
    return { type: 'else', pos: token.pos, tree: this.tree, line: token.line };
  }

  control(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, first] = this.itemList();
      let next = first;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if ((context === 'if' || context === 'with') && this.peek().type === context) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.control(context));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, tree: this.tree, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = this.child(name);
    const [root, end] = block.itemList();
    block.tree.root = root;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, tree: this.tree, line: token.line, name, pipe };
  }

  templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: token.pos, tree: this.tree, line: token.line, name, pipe };
  }

  templateName(token: Item, context: string): string {
    if (token.type === 'string' || token.type === 'rawString') return this.unquote(token.val);
    return this.unexpected(token, context);
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace();
    const pipe = this.newPipeline(first.pos, first.line, []);
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === 'space') this.backup3(v, tokenAfterVariable);
      else this.backup2(v);
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]?.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string')
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, tree: this.tree, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): ArgNode | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, tree: this.tree, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, tree: this.tree, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { type: 'chain', pos, tree: this.tree, node, field: fields };
    }
  }

  term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.options.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, tree: this.tree, ident: token.val };
      case 'dot':
        return { type: 'dot', pos: token.pos, tree: this.tree };
      case 'nil':
        return { type: 'nil', pos: token.pos, tree: this.tree };
      case 'variable':
        return this.useVar(token.pos, token.val);
      case 'field':
        return { type: 'field', pos: token.pos, tree: this.tree, ident: token.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: token.pos, tree: this.tree, value: token.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.newNumber(token);
      case 'leftParen': {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen');
        } finally {
          this.stackDepth--;
        }
      }
      case 'string':
      case 'rawString':
        return { type: 'string', pos: token.pos, tree: this.tree, quoted: token.val, text: this.unquote(token.val) };
    }
    this.backup();
    return undefined;
  }

  useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0] as string)) this.errorf(`undefined variable ${goQuote(v.ident[0] as string)}`);
    return v;
  }

  newNumber(token: Item): NumberNode {
    const text = token.val;
    const n: NumberNode = {
      type: 'number',
      pos: token.pos,
      tree: this.tree,
      text,
      isInt: false,
      isUint: false,
      isFloat: false,
      isComplex: false,
      int64: 0n,
      uint64: 0n,
      float64: 0,
    };
    if (token.type === 'charConstant') {
      let decoded: { value: number; tail: string };
      try {
        decoded = unquoteChar(text.slice(1), "'");
      } catch (e) {
        return this.errorf((e as Error).message);
      }
      if (decoded.tail !== "'") this.errorf(`malformed character constant: ${text}`);
      n.int64 = n.uint64 = BigInt(decoded.value);
      n.float64 = decoded.value;
      n.isInt = n.isUint = n.isFloat = true;
      return n;
    }
    if (token.type === 'complex' || text.endsWith('i'))
      this.errorf(`complex number constants are not supported: ${text}`);
    const parsed = parseInteger(text);
    if (parsed !== undefined) {
      if (parsed >= 0n && parsed < 1n << 64n) {
        n.isUint = true;
        n.uint64 = parsed;
      }
      if (parsed >= -(1n << 63n) && parsed < 1n << 63n) {
        n.isInt = true;
        n.int64 = parsed;
        if (parsed === 0n) {
          n.isUint = true;
          n.uint64 = 0n;
        }
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseFloat64(text);
      if (f !== undefined && Number.isFinite(f)) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuote(text)}`);
    return n;
  }
}

/**
 * parse parses text as template `name`, returning the trees it defines (the main one under `name`
 * unless it is empty of all but definitions, in which case it is still returned). Throws ParseError.
 */
export function parse(name: string, text: string, options: ParseOptions): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const left = options.leftDelim || '{{';
  const right = options.rightDelim || '}}';
  const items = lex(text, left, right, {
    emitComment: options.emitComments ?? false,
    breakOK: !options.hasFunction('break'),
    continueOK: !options.hasFunction('continue'),
  });
  const cursor: Cursor = { items, index: 0 };
  const main = new TreeParser(name, name, text, cursor, treeSet, options);
  main.parse();
  main.add();
  return treeSet;
}
