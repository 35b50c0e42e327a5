import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The @octokit/fixtures-server child process and the base URL of one loaded scenario. */
export interface FixturesServer {
  readonly url: string;
  /** Loads a scenario of @octokit/fixtures; resolves with the API base URL that serves it. */
  scenario(name: string): Promise<string>;
  stop(): void;
}

export async function startFixturesServer(): Promise<FixturesServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, 'fixturesServer.mjs')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stdout }).once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`fixtures server exited with ${String(code)}`));
    });
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    async scenario(name) {
      const response = await fetch(`${url}/fixtures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: name }),
      });
      const body = (await response.json()) as { url?: string; error?: string };
      if (!body.url) throw new Error(body.error ?? 'no fixture url');
      return body.url;
    },
    stop() {
      child.kill('SIGTERM');
    },
  };
}
