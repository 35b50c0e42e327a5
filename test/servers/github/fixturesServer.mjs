// @octokit/fixtures-server (recorded real GitHub API interactions from @octokit/fixtures) on
// 127.0.0.1, on a free port, in its own process: it intercepts its own outgoing requests with
// nock, which must not touch the test process. Prints {"url": ...} on its first line of stdout.
import express from 'express';
import fixturesServer from '@octokit/fixtures-server';

const app = express();
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://127.0.0.1:${port}`;
  app.use(fixturesServer({ fixturesUrl: url, logLevel: 'error', ttl: 120_000 }));
  console.log(JSON.stringify({ url }));
});
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
