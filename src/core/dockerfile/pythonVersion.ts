import { satisfies } from '@renovatebot/pep440';
import { DEFAULT_PYTHON_VERSION, SUPPORTED_PYTHON_VERSIONS } from './baseImage';

/**
 * Picks the Python major.minor for the image: `.python-version` when present, else the default
 * when `requires-python` (or Poetry's `python = "^3.10"`) allows it, else the newest supported
 * version it allows, else the default.
 */
export function choosePythonVersion(
  pythonVersionFile: string | undefined,
  requiresPython: string | undefined,
): string {
  const pinned = /^\s*(\d+\.\d+)/.exec(pythonVersionFile ?? '')?.[1];
  if (pinned !== undefined && SUPPORTED_PYTHON_VERSIONS.includes(pinned)) {
    return pinned;
  }
  const spec = requiresPython === undefined ? undefined : pep440Spec(requiresPython);
  if (spec === undefined || spec === '') {
    return DEFAULT_PYTHON_VERSION;
  }
  const allowed = SUPPORTED_PYTHON_VERSIONS.filter((minor) => allows(spec, minor));
  if (allowed.includes(DEFAULT_PYTHON_VERSION)) {
    return DEFAULT_PYTHON_VERSION;
  }
  return allowed.at(-1) ?? DEFAULT_PYTHON_VERSION;
}

function allows(spec: string, minor: string): boolean {
  try {
    return satisfies(`${minor}.0`, spec) || satisfies(`${minor}.99`, spec);
  } catch {
    return false;
  }
}

/** Turns Poetry's `^3.10` / `~3.10` / `3.10.*` forms into PEP 440 specifiers. */
function pep440Spec(spec: string): string {
  return spec
    .split(/\s*,\s*|\s+(?=[<>=!~^])/)
    .filter((part) => part.trim() !== '' && part.trim() !== '*')
    .map((raw) => {
      const part = raw.trim();
      const caret = /^\^\s*(\d+)(?:\.(\d+))?/.exec(part);
      if (caret !== null) {
        return `>=${caret[1]}.${caret[2] ?? '0'},<${Number(caret[1]) + 1}`;
      }
      const tilde = /^~\s*(\d+)\.(\d+)/.exec(part);
      if (tilde !== null && !part.startsWith('~=')) {
        return `>=${tilde[1]}.${tilde[2]},<${tilde[1]}.${Number(tilde[2]) + 1}`;
      }
      return /^\d/.test(part) ? `==${part}` : part;
    })
    .join(',');
}
