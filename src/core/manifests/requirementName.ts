/** The distribution name at the start of a PEP 508 requirement string, if it has one. */
export function requirementName(requirement: string): string | undefined {
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement)?.[1];
}

/** The version part of a PEP 508 requirement: what follows the name and extras, before markers. */
export function requirementVersionSpec(requirement: string): string {
  return (
    requirement
      .replace(/^\s*[A-Za-z0-9._-]+\s*(\[[^\]]*\])?/, '')
      .split(';')[0]
      ?.trim() ?? ''
  );
}
