/**
 * The Cloud runtime: kubernetes-models (every Kubernetes schema) and @cdktf/hcl2json (a Go
 * parser compiled to WebAssembly). Megabytes, so esbuild writes it to dist/cloud-runtime.js and
 * the Cloud feature loads it with a lazy require on the first check: nothing here runs at
 * activation. scripts/build.mjs copies hcl2json's .wasm next to it.
 */
import * as models from 'kubernetes-models';
import type * as Hcl2JsonModule from '@cdktf/hcl2json';
import type { KubernetesValidator, SchemaError } from './check/kubernetesValidator';

interface ModelClass {
  new (data: Record<string, unknown>): { validate(): void };
  readonly apiVersion: string;
  readonly kind: string;
}

let byType: Map<string, ModelClass> | undefined;

/** apiVersion + kind → model class, built once from the package's group/version exports. */
function modelTable(): Map<string, ModelClass> {
  if (byType !== undefined) return byType;
  const table = new Map<string, ModelClass>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 3 || value === null || (typeof value !== 'object' && typeof value !== 'function'))
      return;
    if (typeof value === 'function') {
      const candidate = value as Partial<ModelClass>;
      if (typeof candidate.apiVersion === 'string' && typeof candidate.kind === 'string') {
        table.set(`${candidate.apiVersion}|${candidate.kind}`, value as ModelClass);
      }
      return;
    }
    for (const child of Object.values(value as Record<string, unknown>)) visit(child, depth + 1);
  };
  visit(models, 0);
  byType = table;
  return table;
}

export const validateKubernetesObject: KubernetesValidator = (object) => {
  const model = modelTable().get(`${String(object.apiVersion)}|${String(object.kind)}`);
  if (model === undefined) return 'unknown-kind';
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors.map((entry): SchemaError => {
      const record = entry as {
        instancePath?: string;
        message?: string;
        params?: { missingProperty?: string; allowedValues?: unknown[] };
      };
      const allowed = record.params?.allowedValues;
      return {
        instancePath: record.instancePath ?? '',
        message:
          (record.message ?? 'is not valid') +
          (Array.isArray(allowed) ? ` (${allowed.map(String).join(', ')})` : ''),
        ...(record.params?.missingProperty === undefined
          ? {}
          : { missingProperty: record.params.missingProperty }),
      };
    });
  }
};

/** How many Kubernetes kinds have a schema here (for the log). */
export function kubernetesKindCount(): number {
  return modelTable().size;
}

type Hcl2Json = typeof Hcl2JsonModule;
let hcl: Hcl2Json | undefined;

/** Parses HCL with hcl2json; its WebAssembly starts on the first call, not when this loads. */
export async function parseHcl(filename: string, source: string): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hcl ??= require('@cdktf/hcl2json') as Hcl2Json;
  return hcl.parse(filename, source);
}
