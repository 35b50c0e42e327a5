// The GitHub commands' code. The build emits it as dist/github-commands-runtime.js, which
// registerGithub loads when a GitHub command first runs (scripts/lib/lazyRuntimes.mjs), so the
// extension's own bundle carries only the registration.
export { dismissAlert, showAlerts } from './codeScanningAlerts';
export { createRelease } from './createRelease';
export { createRepository } from './createRepository';
export { addDependabot, addSecurityWorkflow } from './generatedFiles';
export { setSecret } from './setSecret';
export { uploadSarif } from './uploadSarif';
