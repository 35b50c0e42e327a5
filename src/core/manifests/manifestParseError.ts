/** A manifest could not be read: it names the file and what was wrong, so the user can fix it. */
export class ManifestParseError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file} could not be read as a manifest: ${detail}`);
    this.name = 'ManifestParseError';
  }
}
