/** The security workflow's file, relative to the repository root. */
export const securityWorkflowPath = '.github/workflows/openpypi-security.yml';
