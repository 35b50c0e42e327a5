/**
 * The placeholder language of the project templates (templates/ and a user's template folder):
 * a small Mustache with `<% %>` delimiters, chosen so that the `${{ }}` of GitHub workflows and
 * the `[[ ]]` of TOML pass through untouched.
 *
 *   <%name%>                 the value of `name` (a string, number or boolean)
 *   <%#flag%>…<%/flag%>      the block when `flag` is true or a non-empty list; for a list, once
 *                            per item, with the item's fields (or the item itself as <%.%>)
 *   <%^flag%>…<%/flag%>      the block when `flag` is false, missing or an empty list
 *
 * A line that holds only a section tag is dropped whole, so sections do not leave blank lines.
 * An unknown name or an unclosed section is an error naming the template, never silent output.
 */
export type TemplateValue =
  | string
  | number
  | boolean
  | undefined
  | readonly TemplateValue[]
  | { readonly [key: string]: TemplateValue };

export type TemplateContext = Readonly<Record<string, TemplateValue>>;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const tag = /<%\s*([#^/]?)\s*([A-Za-z_][A-Za-z0-9_]*|\.)\s*%>/g;

interface Token {
  readonly kind: '' | '#' | '^' | '/';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

function tokens(template: string): Token[] {
  const found: Token[] = [];
  for (const match of template.matchAll(tag)) {
    const kind = match[1] as Token['kind'];
    let start = match.index;
    let end = start + match[0].length;
    if (kind !== '') {
      // A section tag alone on its line takes the whole line with it.
      const lineStart = template.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = template.indexOf('\n', end);
      const before = template.slice(lineStart, start);
      const after = template.slice(end, lineEnd === -1 ? template.length : lineEnd);
      if (before.trim() === '' && after.trim() === '') {
        start = lineStart;
        end = lineEnd === -1 ? template.length : lineEnd + 1;
      }
    }
    found.push({ kind, name: match[2] ?? '', start, end });
  }
  return found;
}

function lookup(stack: readonly TemplateValue[], name: string, source: string): TemplateValue {
  if (name === '.') return stack[stack.length - 1];
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    const frame = stack[index];
    if (typeof frame === 'object' && !Array.isArray(frame)) {
      const record = frame as Readonly<Record<string, TemplateValue>>;
      if (Object.hasOwn(record, name)) return record[name];
    }
  }
  throw new TemplateError(`${source}: unknown placeholder "${name}"`);
}

function truthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== false && value !== '';
}

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly name: string }
  | {
      readonly kind: 'section';
      readonly inverted: boolean;
      readonly name: string;
      readonly children: Node[];
    };

function parse(template: string, source: string): Node[] {
  const root: Node[] = [];
  const open: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let cursor = 0;
  for (const token of tokens(template)) {
    const current = open[open.length - 1];
    if (current === undefined) break;
    current.children.push({ kind: 'text', text: template.slice(cursor, token.start) });
    cursor = token.end;
    if (token.kind === '') {
      current.children.push({ kind: 'value', name: token.name });
    } else if (token.kind === '/') {
      if (open.length === 1 || current.name !== token.name) {
        throw new TemplateError(`${source}: <%/${token.name}%> closes nothing open`);
      }
      open.pop();
    } else {
      const children: Node[] = [];
      current.children.push({
        kind: 'section',
        inverted: token.kind === '^',
        name: token.name,
        children,
      });
      open.push({ name: token.name, children });
    }
  }
  const unclosed = open[open.length - 1];
  if (open.length > 1 && unclosed !== undefined) {
    throw new TemplateError(`${source}: <%#${unclosed.name}%> is never closed`);
  }
  root.push({ kind: 'text', text: template.slice(cursor) });
  return root;
}

function renderNodes(nodes: readonly Node[], stack: readonly TemplateValue[], source: string) {
  let output = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      output += node.text;
    } else if (node.kind === 'value') {
      const value = lookup(stack, node.name, source);
      if (typeof value === 'object') {
        throw new TemplateError(`${source}: "${node.name}" is a list or table, not text`);
      }
      output += value === undefined ? '' : String(value);
    } else {
      const value = lookup(stack, node.name, source);
      if (node.inverted) {
        if (!truthy(value)) output += renderNodes(node.children, stack, source);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly TemplateValue[]) {
          output += renderNodes(node.children, [...stack, item], source);
        }
      } else if (truthy(value)) {
        output += renderNodes(node.children, stack, source);
      }
    }
  }
  return output;
}

/** Renders `template` (named `source` in errors) with `context`. */
export function renderTemplate(template: string, context: TemplateContext, source: string): string {
  return renderNodes(parse(template, source), [context], source);
}
