/** The exit codes of `openpypi`, as a CI job reads them. */
export const EXIT_OK = 0;
/** Findings at or above the `--fail-on` level. */
export const EXIT_FINDINGS = 1;
/** A usage error, or every requested tool (or input file) failed. */
export const EXIT_UNUSABLE = 2;
