/**
 * Template is text/template's Template: a named template in a set of associated templates that share
 * functions, options and {{define}}s. `parse` may be called again (on the same or a `new` template) to
 * add more definitions to the set — later non-empty definitions replace earlier ones — and
 * `executeTemplate` runs any of them, which is what Helm's `include` and `tpl` need.
 */
import { BUILTINS } from './builtins.ts';
import { ExecError, execute, valueOf, type MissingKey } from './exec.ts';
import { goQuote } from './lexer.ts';
import { isEmptyTree, type Tree } from './node.ts';
import { parse } from './parse.ts';
import type { GoFunc, GoValue } from './value.ts';

interface Common {
  templates: Map<string, Template>;
  funcs: Record<string, GoFunc>;
  missingKey: MissingKey;
}

/** TemplateExecError carries the output written before execution failed, as Go's writer would have it. */
export class TemplateExecError extends ExecError {
  constructor(
    cause: ExecError,
    readonly partial: string,
  ) {
    super(cause.message, cause.templateName);
  }
}

export class Template {
  tree: Tree | undefined;
  private leftDelim = '';
  private rightDelim = '';

  private constructor(
    readonly name: string,
    private readonly common: Common,
  ) {}

  /** create allocates a new, undefined template with the given name (template.New). */
  static create(name: string): Template {
    return new Template(name, { templates: new Map(), funcs: {}, missingKey: 'default' });
  }

  /** new allocates a template associated with this one, sharing functions, options and definitions. */
  new(name: string): Template {
    const t = new Template(name, this.common);
    t.leftDelim = this.leftDelim;
    t.rightDelim = this.rightDelim;
    return t;
  }

  /** funcs adds functions to the set's function map (template.Funcs); names must be identifiers. */
  funcs(map: Record<string, GoFunc>): this {
    for (const [name, fn] of Object.entries(map)) {
      if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name))
        throw new Error(`function name ${goQuote(name)} is not a valid identifier`);
      this.common.funcs[name] = fn;
    }
    return this;
  }

  /** option sets options such as "missingkey=error" (template.Option). */
  option(...options: string[]): this {
    for (const opt of options) {
      if (opt === '') throw new Error('empty option string');
      const [key, value] = opt.split(/=(.*)/s, 2);
      if (key === 'missingkey') {
        if (value === 'default' || value === 'invalid') {
          this.common.missingKey = 'default';
          continue;
        }
        if (value === 'zero' || value === 'error') {
          this.common.missingKey = value;
          continue;
        }
      }
      throw new Error(`unrecognized option: ${opt}`);
    }
    return this;
  }

  delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  /** parse parses text as this template's body; {{define}}s join the set. Throws ParseError. */
  parse(text: string): this {
    const trees = parse(this.name, text, {
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
      hasFunction: (name) => name in this.common.funcs || Object.prototype.hasOwnProperty.call(BUILTINS, name),
    });
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  /** addParseTree associates a parsed tree with name, keeping an existing definition over an empty one. */
  addParseTree(name: string, tree: Tree): Template {
    const target = name === this.name ? this : (this.common.templates.get(name) ?? this.new(name));
    const old = this.common.templates.get(name);
    if (old && old !== target) {
      // Keep the association object stable for callers holding it.
    }
    if (old && isEmptyTree(tree.root) && old.tree) {
      if (!target.tree) target.tree = tree;
      return target;
    }
    this.common.templates.set(name, target);
    target.tree = tree;
    return target;
  }

  /** lookup returns the associated template with the given name. */
  lookup(name: string): Template | undefined {
    return this.common.templates.get(name);
  }

  templates(): Template[] {
    return [...this.common.templates.values()];
  }

  /** definedTemplates is "; defined templates are: …" for error messages, or "". */
  definedTemplates(): string {
    const names = this.templates()
      .filter((t) => t.tree && t.tree.root)
      .map((t) => goQuote(t.name));
    return names.length ? `; defined templates are: ${names.join(', ')}` : '';
  }

  /** execute applies the template to data and returns the output. Throws TemplateExecError. */
  execute(data: GoValue): string {
    const out: string[] = [];
    try {
      execute(
        {
          lookup: (name) => {
            const t = this.common.templates.get(name);
            return t ? { name: t.name, tree: t.tree } : undefined;
          },
          funcs: this.common.funcs,
          missingKey: this.common.missingKey,
        },
        this.name,
        this.tree,
        valueOf(data),
        out,
      );
    } catch (e) {
      if (e instanceof ExecError) throw new TemplateExecError(e, out.join(''));
      throw e;
    }
    return out.join('');
  }

  /** executeTemplate runs the associated template called name. */
  executeTemplate(name: string, data: GoValue): string {
    const t = this.common.templates.get(name);
    if (!t)
      throw new ExecError(
        `template: no template ${goQuote(name)} associated with template ${goQuote(this.name)}`,
        name,
      );
    return t.execute(data);
  }
}
