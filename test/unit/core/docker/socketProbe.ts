// Run by engineError.test.ts as another (unprivileged) user: asks the engine at the socket given
// as argument for its version through OpenPypi's Docker client and prints the outcome as JSON.
import { createDockerClient } from '../../../../src/core/docker/dockerRuntime';

const socketPath = process.argv[2] ?? '';
createDockerClient({
  kind: 'socket',
  socketPath,
  display: `unix://${socketPath}`,
  source: 'setting',
})
  .version()
  .then(
    () => {
      console.log(JSON.stringify({ connected: true }));
    },
    (error: unknown) => {
      const e = error as { name?: string; problem?: string; message?: string };
      console.log(JSON.stringify({ name: e.name, problem: e.problem, message: e.message }));
    },
  );
