/** One schema error of a Kubernetes object: a JSON pointer into the object and what is wrong. */
export interface SchemaError {
  readonly instancePath: string;
  readonly message: string;
  /** For a missing required property, its name (the error points at its parent). */
  readonly missingProperty?: string;
}

/**
 * Validates one object against the Kubernetes schema of its apiVersion and kind. Returns
 * 'unknown-kind' when no schema is known (a custom resource, a typo in kind).
 */
export type KubernetesValidator = (
  object: Record<string, unknown>,
) => SchemaError[] | 'unknown-kind';
