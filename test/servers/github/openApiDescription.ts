// GitHub's own OpenAPI description of its REST API (@octokit/openapi, api.github.com), used by
// the local test server: every request it gets and every response it sends is validated against
// the operation's schemas, so a request or a response of the wrong shape fails the test. The
// responses themselves start from the description's own examples.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

const root = path.resolve(__dirname, '../../..');
const descriptionFile = path.join(
  root,
  'node_modules/@octokit/openapi/generated/api.github.com.json',
);

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly literalSegments: number;
  readonly pattern: RegExp;
  readonly spec: Json;
}

const rec = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable`, and refs into one shared document. */
function convert(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(convert);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = `github-openapi${value}`;
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(rec(value)).map(([k, v]) => [k, convert(v)]));
    } else {
      out[key] = convert(value);
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** GitHub's REST API description: operations by method and path, their schemas and examples. */
export class OpenApiDescription {
  private readonly document: Json;
  private readonly operations: Operation[] = [];
  private readonly ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    allowUnionTypes: true,
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  private static shared: OpenApiDescription | undefined;

  static load(): OpenApiDescription {
    OpenApiDescription.shared ??= new OpenApiDescription();
    return OpenApiDescription.shared;
  }

  private constructor() {
    this.document = JSON.parse(readFileSync(descriptionFile, 'utf8')) as Json;
    const components = rec(this.document.components);
    this.ajv.addSchema({ $id: 'github-openapi', components: convert(components) as Json });
    for (const [template, item] of Object.entries(rec(this.document.paths))) {
      for (const [method, spec] of Object.entries(rec(item))) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const segments = template.split('/');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          literalSegments: segments.filter((s) => !s.startsWith('{')).length,
          pattern: new RegExp(
            `^${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
          ),
          spec: rec(spec),
        });
      }
    }
  }

  /** The documented operation for a method and a concrete path, or undefined. */
  operation(method: string, pathname: string): Operation | undefined {
    return this.operations
      .filter((op) => op.method === method && op.pattern.test(pathname))
      .sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  private resolve(value: unknown): Json {
    let current = rec(value);
    for (let depth = 0; typeof current.$ref === 'string' && depth < 10; depth += 1) {
      const pointer = current.$ref.replace(/^#\//, '').split('/');
      let target: unknown = this.document;
      for (const part of pointer) target = rec(target)[part];
      current = rec(target);
    }
    return current;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(convert(schema) as Json);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private errors(validate: ValidateFunction, value: unknown): string[] {
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** Problems of a JSON request body against the operation's requestBody schema. */
  requestProblems(operation: Operation, body: unknown): string[] {
    const requestBody = this.resolve(operation.spec.requestBody);
    const schema = rec(rec(rec(requestBody.content)['application/json']).schema);
    if (Object.keys(schema).length === 0) return [];
    if (body === undefined && requestBody.required !== true) return [];
    return this.errors(
      this.validator(`${operation.method} ${operation.template} request`, schema),
      body,
    );
  }

  /** Problems of a response (status and JSON body) against the operation's responses. */
  responseProblems(operation: Operation, status: number, body: unknown): string[] {
    const responses = rec(operation.spec.responses);
    const declared = responses[String(status)];
    if (declared === undefined) {
      return [
        `status ${status} is not a documented response (${Object.keys(responses).join(', ')})`,
      ];
    }
    const schema = rec(rec(rec(this.resolve(declared).content)['application/json']).schema);
    if (Object.keys(schema).length === 0) return [];
    return this.errors(
      this.validator(`${operation.method} ${operation.template} ${status}`, schema),
      body,
    );
  }

  /** A deep copy of the description's example response for an operation and status. */
  example(method: string, template: string, status: number): unknown {
    const operation = this.operations.find(
      (op) => op.method === method && op.template === template,
    );
    if (!operation) throw new Error(`No operation ${method} ${template} in the description`);
    const response = this.resolve(rec(operation.spec.responses)[String(status)]);
    const content = rec(rec(response.content)['application/json']);
    const examples = rec(content.examples);
    const first = Object.values(examples)[0];
    const value = first === undefined ? content.example : this.resolve(first).value;
    if (value === undefined) throw new Error(`No example for ${method} ${template} ${status}`);
    return structuredClone(value);
  }
}
