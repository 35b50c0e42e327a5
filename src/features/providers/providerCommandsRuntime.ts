// Sign in, sign out and validate. The build emits this as dist/provider-commands-runtime.js,
// which registerProviders loads when one of them first runs (scripts/lib/lazyRuntimes.mjs).
export { signIn, signOut, validate } from './providerCommands';
