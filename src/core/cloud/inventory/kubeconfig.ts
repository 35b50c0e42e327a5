import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** One context of a kubeconfig: names only, never the credentials it points at. */
export interface KubeContext {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  /** The context's namespace, or undefined when it uses `default`. */
  readonly namespace: string | undefined;
  /** The file that declared it (the first one, when several files declare the same name). */
  readonly file: string;
}

/** A kubeconfig file that could not be read as one: what was wrong, and where. */
export interface KubeconfigProblem {
  readonly file: string;
  /** 1-based line, when the problem has one. */
  readonly line: number | undefined;
  readonly message: string;
}

export interface KubeconfigFile {
  readonly file: string;
  readonly contexts: readonly KubeContext[];
  readonly currentContext: string | undefined;
}

export interface MergedKubeconfig {
  readonly contexts: readonly KubeContext[];
  readonly currentContext: string | undefined;
  readonly problems: readonly KubeconfigProblem[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads one kubeconfig file's contexts and current context. Users, clusters and their
 * credentials are never looked at beyond the names a context refers to.
 * @returns the file, or a problem naming the line when the file is not a kubeconfig.
 */
export function parseKubeconfig(
  file: string,
  source: string,
): { ok: KubeconfigFile } | { problem: KubeconfigProblem } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error !== undefined) {
    const line = lineCounter.linePos(error.pos[0]).line;
    return { problem: { file, line, message: firstLine(error.message) } };
  }
  const root = document.contents;
  if (root === null || (isMap(root) && root.items.length === 0)) {
    // kubectl treats an empty file as an empty config.
    return { ok: { file, contexts: [], currentContext: undefined } };
  }
  if (!isMap(root)) {
    return {
      problem: {
        file,
        line: lineCounter.linePos(root.range[0]).line,
        message: 'A kubeconfig is a YAML mapping (apiVersion, kind: Config, contexts, ...).',
      },
    };
  }
  const top = root.toJSON() as Record<string, unknown>;
  const kind = top.kind;
  if (kind !== undefined && kind !== 'Config') {
    return {
      problem: { file, line: 1, message: `kind is ${JSON.stringify(kind)}, not Config.` },
    };
  }
  const contextsNode = root.get('contexts', true);
  const contexts: KubeContext[] = [];
  if (contextsNode !== undefined) {
    if (!isSeq(contextsNode)) {
      return {
        problem: {
          file,
          line: lineOf(contextsNode, lineCounter),
          message: 'contexts must be a list of { name, context: { cluster, user, namespace } }.',
        },
      };
    }
    for (const item of contextsNode.items) {
      const entry: unknown = isMap(item) ? item.toJSON() : undefined;
      const record =
        typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      const name = text(record.name);
      const context = record.context;
      if (name === undefined || typeof context !== 'object' || context === null) {
        return {
          problem: {
            file,
            line: lineOf(item, lineCounter),
            message: 'Each entry of contexts needs a name and a context mapping.',
          },
        };
      }
      const fields = context as Record<string, unknown>;
      contexts.push({
        name,
        cluster: text(fields.cluster) ?? '',
        user: text(fields.user) ?? '',
        namespace: text(fields.namespace),
        file,
      });
    }
  }
  return {
    ok: {
      file,
      contexts,
      currentContext: text(top['current-context']),
    },
  };
}

/**
 * Merges several kubeconfig files the way kubectl merges KUBECONFIG: the first file that
 * declares a context name wins, and the first file that sets current-context decides it.
 */
export function mergeKubeconfigs(
  results: readonly ({ ok: KubeconfigFile } | { problem: KubeconfigProblem })[],
): MergedKubeconfig {
  const contexts = new Map<string, KubeContext>();
  const problems: KubeconfigProblem[] = [];
  let currentContext: string | undefined;
  for (const result of results) {
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    for (const context of result.ok.contexts) {
      if (!contexts.has(context.name)) contexts.set(context.name, context);
    }
    currentContext ??= result.ok.currentContext;
  }
  return { contexts: [...contexts.values()], currentContext, problems };
}

function lineOf(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range === undefined ? undefined : lineCounter.linePos(range[0]).line;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
