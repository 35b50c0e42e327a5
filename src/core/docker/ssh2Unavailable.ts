// Stands in for the `ssh2` package inside dist/docker-runtime.js: docker-modem requires it at
// load time for ssh:// engines, and ssh2 brings optional native addons (cpu-features, its own
// crypto binding) that must not be bundled. resolveEngineAddress refuses ssh:// hosts first, so
// this is never constructed; if it were, it says why.
export function Client(): never {
  throw new Error('ssh:// Docker hosts are not supported by OpenPypi.');
}
