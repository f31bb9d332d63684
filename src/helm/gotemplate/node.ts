/**
 * Parse-tree nodes (text/template/parse/node.go). `nodeString` prints a node the way Go's String()
 * does, which execution errors quote as their context: `executing "t" at <.a.b>: …`.
 */

/** Tree is one parsed template: its name, the top-level name it was parsed under, and its text. */
export interface Tree {
  name: string;
  parseName: string;
  root: ListNode;
  text: string;
}

interface Base {
  pos: number;
  tree: Tree | undefined;
}

export interface TextNode extends Base {
  type: 'text';
  text: string;
}
export interface CommentNode extends Base {
  type: 'comment';
  text: string;
}
export interface ListNode extends Base {
  type: 'list';
  nodes: Node[];
}
export interface ActionNode extends Base {
  type: 'action';
  line: number;
  pipe: PipeNode;
}
export interface PipeNode extends Base {
  type: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode extends Base {
  type: 'command';
  args: ArgNode[];
}
export interface IdentifierNode extends Base {
  type: 'identifier';
  ident: string;
}
export interface VariableNode extends Base {
  type: 'variable';
  ident: string[];
}
export interface DotNode extends Base {
  type: 'dot';
}
export interface NilNode extends Base {
  type: 'nil';
}
export interface FieldNode extends Base {
  type: 'field';
  ident: string[];
}
export interface ChainNode extends Base {
  type: 'chain';
  node: ArgNode;
  field: string[];
}
export interface BoolNode extends Base {
  type: 'bool';
  value: boolean;
}
export interface NumberNode extends Base {
  type: 'number';
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
}
export interface StringNode extends Base {
  type: 'string';
  quoted: string;
  text: string;
}
export interface EndNode extends Base {
  type: 'end';
}
export interface ElseNode extends Base {
  type: 'else';
  line: number;
}
export interface BranchNode extends Base {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}
export interface BreakNode extends Base {
  type: 'break';
  line: number;
}
export interface ContinueNode extends Base {
  type: 'continue';
  line: number;
}
export interface TemplateNode extends Base {
  type: 'template';
  line: number;
  name: string;
  pipe: PipeNode | undefined;
}

export type ArgNode =
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

export type Node =
  | TextNode
  | CommentNode
  | ListNode
  | ActionNode
  | CommandNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | ContinueNode
  | TemplateNode
  | ArgNode;

/** nodeString is node.String() in Go. */
export function nodeString(node: Node, left = '{{', right = '}}'): string {
  const s = (n: Node): string => nodeString(n, left, right);
  switch (node.type) {
    case 'text':
      return node.text;
    case 'comment':
      return `${left}${node.text}${right}`;
    case 'list':
      return node.nodes.map(s).join('');
    case 'action':
      return `${left}${s(node.pipe)}${right}`;
    case 'pipe': {
      let out = '';
      if (node.decl.length) out += `${node.decl.map(s).join(', ')}${node.isAssign ? ' = ' : ' := '}`;
      return out + node.cmds.map(s).join(' | ');
    }
    case 'command':
      return node.args.map((a) => (a.type === 'pipe' ? `(${s(a)})` : s(a))).join(' ');
    case 'identifier':
      return node.ident;
    case 'variable':
      return node.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return node.ident.map((id) => `.${id}`).join('');
    case 'chain':
      return (node.node.type === 'pipe' ? `(${s(node.node)})` : s(node.node)) + node.field.map((f) => `.${f}`).join('');
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'end':
      return `${left}end${right}`;
    case 'else':
      return `${left}else${right}`;
    case 'if':
    case 'range':
    case 'with': {
      let out = `${left}${node.type} ${s(node.pipe)}${right}${s(node.list)}`;
      if (node.elseList) out += `${left}else${right}${s(node.elseList)}`;
      return `${out}${left}end${right}`;
    }
    case 'break':
      return `${left}break${right}`;
    case 'continue':
      return `${left}continue${right}`;
    case 'template':
      return node.pipe
        ? `${left}template ${goQuoteName(node.name)} ${s(node.pipe)}${right}`
        : `${left}template ${goQuoteName(node.name)}${right}`;
  }
}

function goQuoteName(name: string): string {
  return JSON.stringify(name);
}

/** isEmptyTree reports whether a tree holds nothing but space (parse.IsEmptyTree). */
export function isEmptyTree(node: Node | undefined): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'list':
      return node.nodes.every(isEmptyTree);
    case 'text':
      return node.text.trim() === '';
    case 'comment':
      return true;
    default:
      return false;
  }
}

/** errorContext is Tree.ErrorContext: "NAME:LINE:COL" (COL in bytes from the line start) and the node text. */
export function errorContext(node: Node, fallback: Tree): { location: string; context: string } {
  const tree = node.tree ?? fallback;
  const text = tree.text.slice(0, node.pos);
  const nl = text.lastIndexOf('\n');
  const col = utf8Bytes(nl === -1 ? text : text.slice(nl + 1));
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return { location: `${tree.parseName}:${line}:${col}`, context: nodeString(node) };
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
