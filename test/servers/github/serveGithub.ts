// The local GitHub test server as a process of its own, for the `github` integration suite:
// started by the suite's setup hook (test/integration/suites.mjs) before VS Code, stopped after.
// Prints {"url": ...} as its first line; the tests read its state through /__control/state.
import { GithubTestServer } from './githubTestServer';

export const integrationToken = 'ghp_IntegrationTokenAAAA000000000000000000';

async function main(): Promise<void> {
  const server = new GithubTestServer({
    tokens: [integrationToken],
    scopes: 'repo, security_events',
  });
  await server.start();
  server.addRepository('octo-org/demo-app');
  // On the demo workspace's app/run.py, line 7: the shell=True call.
  server.addCodeScanningAlert('octo-org/demo-app', {
    ruleId: 'py/command-line-injection',
    severity: 'high',
    path: 'app/run.py',
    line: 7,
    message: 'This command line depends on a user-provided value.',
  });
  server.addCodeScanningAlert('octo-org/demo-app', {
    ruleId: 'py/clear-text-logging-sensitive-data',
    severity: 'medium',
    path: 'app/settings.py',
    line: 1,
    message: 'This expression logs sensitive data as clear text.',
  });
  server.addDependabotAlert('octo-org/demo-app');
  server.addRelease('octo-org/demo-app', 'v0.1.0');
  console.log(JSON.stringify({ url: server.baseUrl }));
  process.on('SIGTERM', () => {
    void server.stop().then(() => process.exit(0));
  });
}

void main();
