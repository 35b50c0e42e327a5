// The Docker commands' code. The build emits it as dist/docker-commands-runtime.js, which
// registerDocker loads when a Docker command first runs (scripts/lib/lazyRuntimes.mjs), so the
// extension's own bundle carries only the registration, the section and the engine watch.
export { buildImage } from './buildImage';
export {
  disposeLogChannels,
  prune,
  removeContainers,
  restartContainer,
  showLogs,
  stopContainer,
} from './containerCommands';
export { generateDockerfile } from './generateDockerfile';
export { quarantineImage, releaseImage } from './quarantineCommands';
export { runContainer } from './runContainer';
export { scanImage } from './scanImage';
