import { UserError } from '../errors/userError';

/** PEP 508 / core metadata: letters, digits, `.`, `_`, `-`; starts and ends alphanumeric. */
const distributionName = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;

const pythonKeywords = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'match',
  'case',
  'type',
]);

/** Why `name` is not a valid distribution name, or undefined when it is. */
export function distributionNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'A project name is needed.';
  if (name.length > 100) return 'The project name is longer than 100 characters.';
  if (!distributionName.test(name)) {
    return `"${name}" is not a valid Python distribution name (PEP 508): use letters, digits, ".", "_" and "-", starting and ending with a letter or digit.`;
  }
  return undefined;
}

/** Throws a UserError naming the problem when `name` is not a valid distribution name. */
export function checkDistributionName(name: string): void {
  const problem = distributionNameProblem(name);
  if (problem !== undefined) throw new UserError(problem);
}

/** PEP 503 normalised form: lower case, runs of `-_.` as one `-`. */
export function normalizeDistributionName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The import package for a distribution name: lower case, `-` and `.` as `_`; a leading digit
 * gets a `_` in front and a keyword a `_` behind, so the result is always an identifier.
 */
export function importNameFor(name: string): string {
  let identifier = name.toLowerCase().replace(/[-_.]+/g, '_');
  if (/^[0-9]/.test(identifier)) identifier = `_${identifier}`;
  if (pythonKeywords.has(identifier)) identifier = `${identifier}_`;
  return identifier;
}
