import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { DeploymentProblem } from './deploymentProblem';
import type { KubernetesValidator } from './kubernetesValidator';

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Checks every object of a Kubernetes YAML file: YAML syntax errors, then each object against
 * the Kubernetes schema of its kind. Each problem is placed on the key or value the schema
 * error points at, found through the YAML document's own source ranges.
 */
export function checkKubernetesYaml(
  file: string,
  source: string,
  validate: KubernetesValidator,
): DeploymentProblem[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(source, { lineCounter, prettyErrors: false });
  const problems: DeploymentProblem[] = [];
  const place = (span: Span, message: string, extra: Partial<DeploymentProblem> = {}): void => {
    const start = lineCounter.linePos(span.start);
    const end = lineCounter.linePos(Math.max(span.start, span.end));
    problems.push({
      file,
      line: start.line - 1,
      column: start.col - 1,
      endLine: end.line - 1,
      endColumn: end.col - 1,
      message,
      severity: 'error',
      source: 'kubernetes-schema',
      ...extra,
    });
  };
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    for (const error of document.errors) {
      place({ start: error.pos[0], end: error.pos[1] }, `YAML: ${firstLine(error.message)}`, {
        code: error.code,
      });
    }
    if (document.errors.length > 0 || document.contents === null) continue;
    checkDocument(document, validate, place);
  }
  return problems;
}

function checkDocument(
  document: Document.Parsed,
  validate: KubernetesValidator,
  place: (span: Span, message: string, extra?: Partial<DeploymentProblem>) => void,
): void {
  const root = document.contents;
  if (root === null) return;
  const object: unknown = document.toJS();
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    place(spanOf(root), 'A Kubernetes object is a mapping with apiVersion, kind and metadata.');
    return;
  }
  const record = object as Record<string, unknown>;
  const apiVersion = record.apiVersion;
  const kind = record.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    place(
      spanOf(root, true),
      'This object has no apiVersion or kind: add both (for example apiVersion: apps/v1, kind: Deployment).',
    );
    return;
  }
  const errors = validate(record);
  if (errors === 'unknown-kind') {
    const node = nodeAt(document, ['kind']);
    place(
      node.span,
      `No Kubernetes schema for ${kind} in ${apiVersion}: check the spelling, or this is a custom resource and is not checked.`,
      { severity: 'warning', code: 'unknown-kind' },
    );
    return;
  }
  for (const error of errors) {
    const pointer = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    const found = nodeAt(document, pointer);
    const where = ['', ...pointer].join('.') || '(the object)';
    const what =
      error.missingProperty === undefined
        ? `${where.slice(1) || where} ${error.message}`
        : `${where.slice(1) || 'the object'} is missing the required field ${error.missingProperty}`;
    const unreached =
      found.depth < pointer.length
        ? ` (at ${pointer.slice(0, found.depth).join('.') || 'the top'})`
        : '';
    place(found.span, `${kind} ${nameOf(record)}: ${what}${unreached}.`, { code: 'schema' });
  }
}

function nameOf(record: Record<string, unknown>): string {
  const metadata = record.metadata as Record<string, unknown> | undefined;
  return typeof metadata?.name === 'string' ? `"${metadata.name}"` : '(no name)';
}

/**
 * The YAML node a JSON pointer leads to; the key of a mapping entry when the pointer ends on
 * one (that is where a person looks), the deepest node reached when the path stops early.
 */
export function nodeAt(
  document: Document.Parsed,
  path: readonly string[],
): { span: Span; depth: number } {
  let node: unknown = document.contents;
  let span = spanOf(node as Node, true);
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item: Pair) => isScalar(item.key) && String(item.key.value) === segment,
      );
      if (pair === undefined) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      span = spanOf(key);
      // A scalar value's whole line is the useful range: key through value.
      if (value !== null && isScalar(value) && value.range !== undefined && value.range !== null) {
        span = { start: span.start, end: value.range[1] };
      }
      node = value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) break;
      span = spanOf(item, true);
      node = item;
    } else {
      break;
    }
    depth += 1;
  }
  return { span, depth };
}

/** A node's range; for a collection only its first line, not the whole block. */
function spanOf(node: Node | null, firstLineOnly = false): Span {
  const range = node?.range;
  if (range === undefined || range === null) return { start: 0, end: 0 };
  if (!firstLineOnly || isScalar(node)) return { start: range[0], end: range[1] };
  if (isMap(node) || isSeq(node)) {
    const first = node.items[0] as Pair | Node | undefined;
    if (first !== undefined) {
      const key = 'key' in first ? (first.key as Node | null) : first;
      const keyRange = key?.range;
      if (keyRange !== undefined && keyRange !== null)
        return { start: keyRange[0], end: keyRange[1] };
    }
  }
  return { start: range[0], end: range[0] };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
