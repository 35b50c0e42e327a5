// The Docker provider in a real VS Code against a real dockerd that the suite's setup started
// (test/support/dockerEngine.mjs: own socket, data and exec root in a temp folder, vfs, no
// bridge), with local test images (busybox rootfs, a 10,000-entry history, a registry-host name).
// Commands are called with their automation arguments (a tag, { loosen: [] }, { confirm: true }
// instead of the input box, quick pick and modal question); everything else is the real path:
// DOCKER_HOST, the lazily loaded dockerode runtime, the engine's answers, the tree VS Code draws.
// What the engine did is checked with the docker CLI (`docker inspect`, `docker exec`), not with
// OpenPypi's own code. Trivy cannot run here: test/fixtures/bin/trivy is a stand-in that replays
// a recorded real `trivy image` report (see its header).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import type { DockerTreeRow } from '../../../src/features/docker/dockerTreeSnapshot';
import { startDockerEngine, stopDockerEngineProcess } from '../../support/dockerEngine.mjs';
import { trivyDockerfileViolations } from '../../support/trivyDockerfileRules';
import { auditRecords } from '../support/auditRecords';
import { extensionLogLines } from '../support/extensionLog';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

const DOCKER_HOST = process.env.DOCKER_HOST ?? '';
const ENGINE_DIR = process.env.OPENPYPI_TEST_DOCKER_DIR ?? '';
const BUSYBOX = 'openpypi-test/busybox:1';
const HISTORY = 'openpypi-test/history:10000';
const REGISTRY_IMAGE = 'registry.example.com:5000/team/tool:2.1';
const DEMO = 'docker-demo:0.3.0';

/** The docker CLI against the suite's engine; resolves with stdout, rejects with stderr. */
function docker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', args, { env: { ...process.env, DOCKER_HOST } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** A POST to the suite engine's API over its socket (no CLI process per call); resolves on 2xx. */
function enginePost(apiPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { socketPath: DOCKER_HOST.replace(/^unix:\/\//, ''), method: 'POST', path: apiPath },
      (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`POST ${apiPath}: HTTP ${String(status)}`));
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function exists(kind: 'image' | 'container', name: string): Promise<boolean> {
  try {
    await docker([kind, 'inspect', name]);
    return true;
  } catch {
    return false;
  }
}

async function inspect(kind: 'image' | 'container', name: string): Promise<InspectJson> {
  const [first] = JSON.parse(await docker([kind, 'inspect', name])) as InspectJson[];
  assert.ok(first, `${kind} ${name} not found`);
  return first;
}

/** An image as the engine's API describes it: the whole Config, and the layers. */
interface RawImage {
  Id: string;
  Config: Record<string, unknown> & { Labels?: Record<string, string> | null };
  RootFS: { Layers?: string[] };
}

async function rawImage(name: string): Promise<RawImage> {
  const [first] = JSON.parse(await docker(['image', 'inspect', name])) as RawImage[];
  assert.ok(first, `image ${name} not found`);
  return first;
}

/** The engine's clock, in seconds, for `docker events --since`. */
async function engineSeconds(): Promise<number> {
  const time = (await docker(['info', '--format', '{{.SystemTime}}'])).trim();
  return Math.floor(new Date(time).getTime() / 1000);
}

/** The container events (`create`, `start`, `commit`, …) from `since` until now, one a line. */
async function containerEvents(since: number): Promise<string> {
  const until = (await engineSeconds()) + 1;
  return docker([
    'events',
    '--since',
    String(since),
    '--until',
    String(until),
    '--filter',
    'type=container',
    '--format',
    '{{.Action}} {{.Actor.ID}}',
  ]);
}

interface InspectJson {
  Id: string;
  RepoTags?: string[];
  Config: {
    Image?: string;
    User: string;
    Labels: Record<string, string> | null;
    Healthcheck?: { Test: string[] };
  };
  HostConfig?: {
    ReadonlyRootfs: boolean;
    Tmpfs: Record<string, string> | null;
    SecurityOpt: string[] | null;
    CapDrop: string[] | null;
    CapAdd: string[] | null;
    Privileged: boolean;
    Memory: number;
    NanoCpus: number;
    PidsLimit: number | null;
  };
  State?: { Running: boolean; ExitCode: number; Status: string };
}

async function allContainerIds(): Promise<string[]> {
  return (await docker(['ps', '-aq', '--no-trunc'])).split('\n').filter(Boolean);
}

const strip = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '');

/** The text VS Code wrote for an output channel of this run (output channels are logged to disk). */
function outputChannelText(name: string): string {
  const userData = process.env.OPENPYPI_TEST_USER_DATA;
  assert.ok(userData, 'OPENPYPI_TEST_USER_DATA is not set; run through the harness');
  const logs = path.join(userData, 'logs');
  if (!existsSync(logs)) return '';
  return (
    readdirSync(logs, { recursive: true, encoding: 'utf8' })
      // The file is named after the channel, with characters such as ':' possibly left out.
      .filter((file) => {
        const base = path.basename(file);
        return base.endsWith('.log') && strip(base).includes(strip(name));
      })
      .map((file) => readFileSync(path.join(logs, file), 'utf8'))
      .join('\n')
  );
}

function find(rows: readonly DockerTreeRow[] | undefined, label: string): DockerTreeRow {
  const found = rows?.find((row) => row.label === label);
  assert.ok(found, `no row "${label}" among ${JSON.stringify(rows?.map((row) => row.label))}`);
  return found;
}

/** The log's lines without the empty one after the last newline (so a mark is not off by one). */
function logLines(): string[] {
  return extensionLogLines().filter((line) => line !== '');
}

function logSince(mark: number): string {
  return logLines().slice(mark).join('\n');
}

/** Waits until the log (written to disk asynchronously) has a line after `mark` matching. */
async function logShows(mark: number, pattern: RegExp): Promise<string> {
  await waitFor(
    () => pattern.test(logSince(mark)),
    `the log never showed ${String(pattern)}; it has:\n${logSince(mark)}`,
  );
  return logSince(mark);
}

const workspace = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return folder.uri;
};

describe('Docker provider (real dockerd)', function () {
  this.timeout(300_000);
  let api: OpenPypiApi;
  const tree = async (expand: string[] = []) => api.docker.tree(expand);
  const group = async (name: 'Images' | 'Containers', expand: string[] = []) =>
    find((await tree(expand)).children, name).children ?? [];
  const run = (image: unknown, options: Record<string, unknown>) =>
    vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.runContainer',
      image,
      options,
    );

  before(async function () {
    assert.ok(DOCKER_HOST.startsWith('unix://'), 'DOCKER_HOST is not set: run through run.mjs');
    const extension = openPypi();
    api = (await extension.activate()) as OpenPypiApi;
    await docker([
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      'it-running',
      BUSYBOX,
      'sleep',
      '600',
    ]);
    await docker(['create', '--network', 'none', '--name', 'it-created', BUSYBOX, 'true']);
  });

  after(async () => {
    for (const name of [
      'it-running',
      'it-created',
      'it-secure',
      'it-loose',
      'it-exits',
      'it-logs',
      'it-node',
      'it-nostart',
      'it-keep',
    ]) {
      await docker(['rm', '-f', name]).catch(() => undefined);
    }
    await vscode.workspace
      .getConfiguration('openpypi.docker')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the engine (from DOCKER_HOST) with its images and containers, running first', async () => {
    const root = await tree();
    assert.equal(root.label, 'Docker');
    assert.match(root.description ?? '', /^Engine 20\.10\.\S+ · linux\//);
    assert.match(root.contextValue ?? '', /\bconnected\b/);
    const images = await group('Images');
    for (const tag of [BUSYBOX, HISTORY, REGISTRY_IMAGE]) {
      const image = find(images, tag);
      assert.match(image.description ?? '', /\d+(\.\d)? [KM]B · .* ago/);
      assert.match(image.contextValue ?? '', /^openpypi\.docker\.image .*\brunnable\b/);
      assert.match(image.contextValue ?? '', /\bscannable\b/);
    }
    const containers = await group('Containers');
    const names = containers.map((row) => row.label);
    assert.ok(names.indexOf('it-running') < names.indexOf('it-created'), names.join(', '));
    assert.match(
      find(containers, 'it-running').description ?? '',
      /openpypi-test\/busybox:1 · running/,
    );
    assert.match(find(containers, 'it-running').contextValue ?? '', /\brunning\b.*\bremovable\b/);
    assert.match(find(containers, 'it-created').contextValue ?? '', /\bstopped\b/);
  });

  /**
   * Creates `count` containers `<prefix>-NN`, waits until the section lists them and what the
   * creations caused is drawn, then renames them one by one `gapMs` apart over the engine's API
   * (renaming costs the engine next to nothing, so the pace holds on a loaded machine) and waits
   * until the section lists the new names and `settleMs` more, for a redraw still waiting. Counts
   * the Docker section's redraws from the first rename on; removes everything after. Polling is
   * off meanwhile: every redraw comes from the /events stream.
   */
  const redrawsForRenames = async (
    prefix: string,
    count: number,
    gapMs: number,
    settleMs: number,
  ): Promise<{
    redraws: number;
    elapsedMs: number;
    rows: Set<string>;
    names: string[];
    renamed: string[];
  }> => {
    const names = Array.from(
      { length: count },
      (_, i) => `${prefix}-${String(i).padStart(2, '0')}`,
    );
    const renamed = names.map((name) => `${name}-renamed`);
    const config = vscode.workspace.getConfiguration('openpypi.docker');
    await config.update('pollIntervalSeconds', 3600, vscode.ConfigurationTarget.Global);
    const onDidChange = api.providersView.onDidChangeTreeData;
    assert.ok(onDidChange, 'the Providers view has no change event');
    let redraws = 0;
    const subscription = onDidChange((node) => {
      const changed = node as { kind?: unknown; providerId?: unknown } | null | undefined;
      if (changed?.kind === 'section-root' && changed.providerId === 'docker') redraws += 1;
    });
    const shown = async (): Promise<Set<string>> =>
      new Set((await group('Containers')).map((row) => row.label));
    try {
      await vscode.commands.executeCommand('openpypi.providers.focus');
      await waitFor(
        async () =>
          Number((await docker(['info', '--format', '{{.NEventsListener}}'])).trim()) >= 1,
        'no /events listener with the view on screen',
      );
      await Promise.all(
        names.map((name) =>
          docker(['create', '--network', 'none', '--name', name, BUSYBOX, 'true']),
        ),
      );
      await waitFor(
        async () => {
          const rows = await shown();
          return names.every((name) => rows.has(name));
        },
        `the section never listed the ${String(count)} containers`,
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      redraws = 0;
      const started = Date.now();
      for (const [i, name] of names.entries()) {
        await enginePost(`/containers/${name}/rename?name=${encodeURIComponent(renamed[i] ?? '')}`);
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      const elapsedMs = Date.now() - started;
      await waitFor(
        async () => {
          const rows = await shown();
          return renamed.every((name) => rows.has(name));
        },
        `the section never listed all ${String(count)} renamed containers`,
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      return { redraws, elapsedMs, rows: await shown(), names, renamed };
    } finally {
      subscription.dispose();
      await config.update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
      await docker(['rm', '-f', ...names, ...renamed]).catch(() => undefined);
    }
  };

  it('redraws the section a few times, not once per event, for a burst of 20 engine events', async () => {
    // One rename every ~150 ms: closer together than the debounce, further apart than a read of
    // the engine takes, so without the debounce each one would be drawn.
    const { redraws, rows, names, renamed } = await redrawsForRenames('it-burst', 20, 150, 2000);
    console.log(`Docker section redraws for a burst of 20 rename events: ${String(redraws)}`);
    assert.ok(renamed.every((name) => rows.has(name)) && !names.some((name) => rows.has(name)));
    assert.ok(redraws >= 1, 'the burst was never drawn');
    assert.ok(redraws <= 5, `${String(redraws)} redraws for 20 events: not debounced`);
  });

  it('redraws a slow loop of engine events (0.5 s apart) every ~2 s, not once per event', async () => {
    // Events further apart than the 300 ms debounce, as from a loop of `docker create` (0.5–1.5
    // s each on vfs here): a debounce alone redraws once per event. Renames stand in for the
    // creates (creates on a loaded machine can take over 2 s, where a redraw each is right).
    const { redraws, elapsedMs } = await redrawsForRenames('it-loop', 12, 500, 2500);
    console.log(
      `Docker section redraws for 12 renames 0.5 s apart over ${String(elapsedMs)} ms: ${String(redraws)}`,
    );
    assert.ok(redraws >= 1, 'the loop was never drawn');
    // At most one every 2 s while the loop runs, and the last one after it.
    const most = Math.ceil(elapsedMs / 2000) + 2;
    assert.ok(redraws <= most, `${String(redraws)} redraws in ${String(elapsedMs)} ms`);
    assert.ok(redraws < 12, `${String(redraws)} redraws: one per event`);
  });

  it('offers the project’s name:version (pyproject.toml) as the tag and builds with it on Enter', async () => {
    assert.equal(await exists('image', DEMO), false, `${DEMO} exists before the first build`);
    // No tag argument: the command opens its input box. Enter (the quick input's accept) takes
    // the value the box was opened with, so the image's tag is that value.
    const buildOnEnter = async (): Promise<string | undefined> => {
      const building = Promise.resolve(
        vscode.commands.executeCommand<string | undefined>(
          'openpypi.docker.buildImage',
          'Dockerfile',
        ),
      ).then((id) => ({ id }));
      for (let round = 0; round < 600; round += 1) {
        const next = await Promise.race([
          building,
          new Promise<'waiting'>((resolve) => setTimeout(resolve, 500, 'waiting')),
        ]);
        if (next !== 'waiting') return next.id;
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      return undefined;
    };
    // In 2 clean-clone CI runs of 7 the box closed without a value before an accept took it (the
    // command resolved as cancelled; the workbench taking the focus away would do that, the cause
    // was not found): the command is then run again, and what it builds is checked the same way.
    let id = await buildOnEnter();
    for (let retry = 0; retry < 2 && id === undefined; retry += 1) id = await buildOnEnter();
    assert.match(id ?? '', /^sha256:[0-9a-f]{64}$/, 'the build did not finish');
    const image = await inspect('image', DEMO);
    assert.equal(image.Id, id);
    assert.deepEqual(image.RepoTags, [DEMO]);
  });

  it('builds from a workspace Dockerfile, streaming the log, tagged and labelled', async () => {
    const id = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.buildImage',
      'Dockerfile',
      { tag: DEMO },
    );
    assert.match(id ?? '', /^sha256:[0-9a-f]{64}$/);
    const image = await inspect('image', DEMO);
    assert.equal(image.Id, id);
    assert.equal(image.Config.Labels?.['openpypi.dockerfile'], 'Dockerfile');
    const output = outputChannelText('OpenPypi Docker Build');
    assert.match(output, /Step 3\/\d+ : RUN echo "built" > \/app\/BUILT/);
    assert.match(output, /Successfully tagged docker-demo:0\.3\.0/);
    find(await group('Images'), DEMO);
  });

  it('shows a failing build’s error line and leaves no container or tag behind', async () => {
    const before = await allContainerIds();
    const mark = logLines().length;
    const id = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.buildImage',
      'failing.Dockerfile',
      { tag: 'it-failing:1' },
    );
    assert.equal(id, undefined);
    await logShows(
      mark,
      /Build of it-failing:1 failed: The command '\/bin\/sh -c echo "about to fail" && exit 3' returned a non-zero code: 3/,
    );
    assert.match(outputChannelText('OpenPypi Docker Build'), /about to fail/);
    assert.equal(await exists('image', 'it-failing:1'), false);
    assert.deepEqual(await allContainerIds(), before);
  });

  it('cancels a build: the RUN step stops, no tag, no container left', async () => {
    const before = await allContainerIds();
    const source = new vscode.CancellationTokenSource();
    const started = Date.now();
    const building = vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.buildImage',
      'slow.Dockerfile',
      { tag: 'it-slow:1', cancellation: source.token },
    );
    // The log streams while the build runs: the RUN step shows before it ends.
    await waitFor(
      () => outputChannelText('OpenPypi Docker Build').includes('RUN sleep 60'),
      'the build log never showed the RUN step',
      120_000,
    );
    source.cancel();
    assert.equal(await building, undefined);
    assert.ok(Date.now() - started < 60_000, 'the build was not aborted (it ran its full minute)');
    assert.match(outputChannelText('OpenPypi Docker Build'), /> build cancelled/);
    assert.equal(await exists('image', 'it-slow:1'), false);
    await waitFor(
      async () => (await allContainerIds()).length === before.length,
      'the cancelled build left its intermediate container',
      60_000,
    );
  });

  it('runs a container with every secure default, as docker inspect and the container show', async () => {
    const id = await run(DEMO, { loosen: [], name: 'it-secure' });
    assert.match(id ?? '', /^[0-9a-f]{64}$/);
    const c = await inspect('container', 'it-secure');
    const host = c.HostConfig;
    assert.ok(host);
    assert.equal(host.ReadonlyRootfs, true);
    assert.match(host.Tmpfs?.['/tmp'] ?? '', /noexec/);
    assert.deepEqual(host.SecurityOpt, ['no-new-privileges:true']);
    assert.deepEqual(host.CapDrop, ['ALL']);
    assert.equal(host.CapAdd, null);
    assert.equal(host.Privileged, false);
    assert.equal(host.Memory, 512 * 1024 * 1024);
    assert.equal(host.NanoCpus, 1e9);
    assert.equal(host.PidsLimit, 256);
    assert.equal(c.Config.User, '10001:10001');
    assert.deepEqual(c.Config.Healthcheck?.Test, ['CMD', 'test', '-f', '/app/BUILT']);
    assert.equal(c.State?.Running, true);
    assert.equal(c.Config.Labels?.['openpypi.run'], DEMO);
    // What the container itself sees.
    assert.equal((await docker(['exec', 'it-secure', 'id', '-u'])).trim(), '10001');
    await assert.rejects(
      docker(['exec', '-u', '0', 'it-secure', 'touch', '/x']),
      /Read-only file system/,
    );
    await docker(['exec', 'it-secure', 'touch', '/tmp/x']);
    const status = await docker(['exec', 'it-secure', 'cat', '/proc/self/status']);
    assert.match(status, /^CapEff:\s+0+$/m);
    assert.match(status, /^NoNewPrivs:\s+1$/m);
    // The image's HEALTHCHECK (every 5 s) runs, and the row shows its verdict (the view on
    // screen follows the engine's health_status events).
    await vscode.commands.executeCommand('openpypi.providers.focus');
    await waitFor(
      async () =>
        (find(await group('Containers'), 'it-secure').description ?? '').includes(
          'docker-demo:0.3.0 · running (healthy)',
        ),
      'the container row never showed "running (healthy)"',
      90_000,
    );
  });

  it('loosens only the default the person unticked', async () => {
    const id = await run(DEMO, { loosen: ['readOnlyRootfs'], name: 'it-loose' });
    assert.ok(id);
    const host = (await inspect('container', 'it-loose')).HostConfig;
    assert.ok(host);
    assert.equal(host.ReadonlyRootfs, false);
    assert.deepEqual(host.CapDrop, ['ALL']);
    assert.deepEqual(host.SecurityOpt, ['no-new-privileges:true']);
    await docker(['exec', '-u', '0', 'it-loose', 'touch', '/x']);
  });

  it('says so when a container exits immediately, with its exit code', async () => {
    const mark = logLines().length;
    const id = await run(BUSYBOX, { loosen: [], name: 'it-exits', cmd: ['sh', '-c', 'exit 7'] });
    assert.ok(id);
    await logShows(mark, /Container it-exits exited immediately with code 7/);
    const c = await inspect('container', 'it-exits');
    assert.equal(c.State?.Running, false);
    // No user in the image: the non-root default cannot apply, the rest still does.
    assert.equal(c.Config.User, '');
    assert.equal(c.HostConfig?.ReadonlyRootfs, true);
  });

  it('leaves no container behind when the engine cannot start one, and says why', async () => {
    const before = await allContainerIds();
    const mark = logLines().length;
    assert.equal(
      await run(BUSYBOX, { loosen: [], name: 'it-nostart', cmd: ['/no/such/program'] }),
      undefined,
    );
    await logShows(
      mark,
      /openpypi\.docker\.runContainer: .*\/no\/such\/program.*no such file or directory/,
    );
    assert.equal(await exists('container', 'it-nostart'), false);
    assert.deepEqual(await allContainerIds(), before);
  });

  it('takes the tree node a menu hands it, and resolves with the id', async () => {
    const image = find(await group('Images'), BUSYBOX);
    const id = await run(image.node, { loosen: [], name: 'it-node', cmd: ['sleep', '600'] });
    assert.match(id ?? '', /^[0-9a-f]{64}$/);
    assert.equal((await inspect('container', 'it-node')).Config.Image, BUSYBOX);
    const row = find(await group('Containers'), 'it-node');
    assert.equal(
      await vscode.commands.executeCommand('openpypi.docker.stopContainer', row.node),
      id,
    );
    assert.equal((await inspect('container', 'it-node')).State?.Running, false);
    assert.deepEqual(
      await vscode.commands.executeCommand('openpypi.docker.removeContainer', row.node, undefined, {
        confirm: true,
      }),
      [id],
    );
    assert.equal(await exists('container', 'it-node'), false);
  });

  it('streams logs, stops, restarts and removes (several at once)', async () => {
    const id = await run(BUSYBOX, {
      loosen: [],
      name: 'it-logs',
      cmd: ['sh', '-c', 'echo hello-from-it-logs; sleep 600'],
    });
    assert.ok(id);
    assert.equal(await vscode.commands.executeCommand('openpypi.docker.showLogs', 'it-logs'), id);
    await waitFor(
      () => outputChannelText('OpenPypi Docker: it-logs').includes('hello-from-it-logs'),
      'the container log never reached its output channel',
      60_000,
    );
    const stopped = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.stopContainer',
      'it-logs',
    );
    // Given a name, it resolves with the container's id.
    assert.equal(stopped, id);
    assert.equal((await inspect('container', 'it-logs')).State?.Running, false);
    assert.match(find(await group('Containers'), 'it-logs').contextValue ?? '', /\bstopped\b/);
    assert.equal(
      await vscode.commands.executeCommand('openpypi.docker.restartContainer', 'it-logs'),
      id,
    );
    assert.equal((await inspect('container', 'it-logs')).State?.Running, true);
    const ids = await Promise.all(
      ['it-logs', 'it-exits', 'it-loose'].map(
        async (name) => (await inspect('container', name)).Id,
      ),
    );
    const removed = await vscode.commands.executeCommand<string[] | undefined>(
      'openpypi.docker.removeContainer',
      ['it-logs', 'it-exits', 'it-loose'],
      undefined,
      { confirm: true },
    );
    assert.deepEqual(removed, ids);
    for (const name of ['it-logs', 'it-exits', 'it-loose'])
      assert.equal(await exists('container', name), false);
    const names = (await group('Containers')).map((row) => row.label);
    assert.ok(!names.includes('it-logs') && names.includes('it-secure'), names.join(', '));
  });

  it('quarantines: tag moved to quarantine/…, labelled, Run refuses, audit; release restores', async () => {
    const original = (await inspect('image', DEMO)).Id;
    const quarantined = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.quarantineImage',
      DEMO,
      'found by a test',
    );
    assert.match(quarantined ?? '', /^sha256:/);
    assert.equal(await exists('image', DEMO), false);
    const q = await inspect('image', 'quarantine/docker-demo:0.3.0');
    assert.equal(q.Id, quarantined);
    assert.equal(q.Config.Labels?.['openpypi.quarantine'], 'found by a test');
    const row = find(await group('Images'), 'quarantine/docker-demo:0.3.0');
    assert.match(row.description ?? '', /quarantined/);
    assert.match(row.contextValue ?? '', /\bquarantined\b/);
    assert.doesNotMatch(row.contextValue ?? '', /\brunnable\b/);

    const before = await allContainerIds();
    let mark = logLines().length;
    assert.equal(await run('quarantine/docker-demo:0.3.0', { loosen: [] }), undefined);
    await logShows(mark, /is quarantined \(found by a test\): release it before running it/);
    mark = logLines().length;
    assert.equal(await run(original, { loosen: [] }), undefined);
    await logShows(mark, /is quarantined under another name/);
    mark = logLines().length;
    assert.equal(await run(DEMO, { loosen: [] }), undefined);
    await logShows(mark, /No such image: docker-demo:0\.3\.0/);
    assert.deepEqual(await allContainerIds(), before);

    const released = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.releaseImage',
      'quarantine/docker-demo:0.3.0',
    );
    assert.equal(released, original);
    assert.equal((await inspect('image', DEMO)).Id, original);
    assert.equal(await exists('image', 'quarantine/docker-demo:0.3.0'), false);
    assert.equal(await exists('image', quarantined ?? ''), false);
    const records = (await auditRecords()).filter((r) => r.type.startsWith('image.'));
    assert.deepEqual(records.slice(-2), [
      { ...records.at(-2), type: 'image.quarantined', image: DEMO },
      { ...records.at(-1), type: 'image.released', image: DEMO },
    ]);
  });

  it('handles a registry host with a port, and a digest it does not have, clearly', async () => {
    const id = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.quarantineImage',
      REGISTRY_IMAGE,
      'registry test',
    );
    assert.ok(id);
    assert.equal(await exists('image', REGISTRY_IMAGE), false);
    assert.equal(
      (await inspect('image', 'quarantine/registry-example-com-5000/team/tool:2.1')).Id,
      id,
    );
    await vscode.commands.executeCommand('openpypi.docker.releaseImage', id);
    assert.ok(await exists('image', REGISTRY_IMAGE));
    assert.equal(
      await exists('image', 'quarantine/registry-example-com-5000/team/tool:2.1'),
      false,
    );

    const digest = `registry.example.com:5000/team/tool@sha256:${'0'.repeat(64)}`;
    const before = await allContainerIds();
    const mark = logLines().length;
    assert.equal(await run(digest, { loosen: [] }), undefined);
    assert.equal(
      await vscode.commands.executeCommand('openpypi.docker.quarantineImage', digest, 'x'),
      undefined,
    );
    // Both commands say it, each once (a warning, not an error).
    const log = await logShows(
      mark,
      /No such image: registry\.example\.com:5000\/team\/tool@sha256:0{64}[\s\S]*No such image: registry\.example\.com:5000\/team\/tool@sha256:0{64}/,
    );
    assert.doesNotMatch(log, /openpypi\.docker\.\w+ failed/);
    assert.deepEqual(await allContainerIds(), before);
    assert.equal(
      await exists('image', 'quarantine/registry-example-com-5000/team/tool:000000000000'),
      false,
    );
  });

  it('puts everything back when a quarantine fails half-way (no quarantine tag, original kept)', async () => {
    // A name (249 characters as the engine counts it, with docker.io/) so long that its
    // quarantine/… name is over the engine's 255-character limit: the engine refuses that tag.
    const long = `openpypi-test/${'a'.repeat(225)}`;
    await docker(['tag', BUSYBOX, `${long}:1`]);
    try {
      const original = (await inspect('image', `${long}:1`)).Id;
      const before = await allContainerIds();
      const mark = logLines().length;
      assert.equal(
        await vscode.commands.executeCommand(
          'openpypi.docker.quarantineImage',
          `${long}:1`,
          'too long',
        ),
        undefined,
      );
      await logShows(mark, /openpypi\.docker\.quarantineImage: /);
      assert.equal((await inspect('image', `${long}:1`)).Id, original);
      const tags = await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
      assert.doesNotMatch(tags, /^quarantine\/openpypi-test\/a+/m);
      // The container the labelled copy was to be committed from is gone, and no copy is left.
      assert.deepEqual(await allContainerIds(), before, 'the failed quarantine left a container');
      const copies = await docker([
        'image',
        'ls',
        '-q',
        '--filter',
        `label=openpypi.quarantine.original-id=${original}`,
      ]);
      assert.equal(copies.trim(), '', 'the failed quarantine left an image');
      const records = (await auditRecords()).filter((r) => r.type === 'image.quarantined');
      assert.ok(!records.some((r) => r.image === `${long}:1`), 'a failed quarantine was audited');
    } finally {
      await docker(['rmi', `${long}:1`]).catch(() => undefined);
    }
  });

  it('quarantines an image with ONBUILD triggers without running them (no build, no container started)', async () => {
    // A build FROM the image would run its triggers: the first leaves a file in the new image,
    // the second makes the build fail. Quarantine must do neither.
    const name = 'openpypi-test/onbuild:1';
    const container = (await docker(['create', '--network', 'none', BUSYBOX, 'true'])).trim();
    try {
      await docker([
        'commit',
        '--change',
        'ONBUILD RUN touch /onbuild-ran',
        '--change',
        'ONBUILD RUN exit 9',
        container,
        name,
      ]);
    } finally {
      await docker(['rm', '-f', container]);
    }
    try {
      const original = await rawImage(name);
      const before = await allContainerIds();
      const since = await engineSeconds();
      const quarantined = await vscode.commands.executeCommand<string | undefined>(
        'openpypi.docker.quarantineImage',
        name,
        'onbuild',
      );
      assert.match(quarantined ?? '', /^sha256:/);
      assert.equal(await exists('image', name), false);
      const q = await rawImage('quarantine/openpypi-test/onbuild:1');
      assert.equal(q.Id, quarantined);
      assert.equal(q.Config.Labels?.['openpypi.quarantine'], 'onbuild');
      // The triggers are still in the image (for whoever builds FROM it knowingly)…
      assert.deepEqual(q.Config.OnBuild, ['RUN touch /onbuild-ran', 'RUN exit 9']);
      // …and did not run: not a layer more, no trace file, no container ever started.
      assert.deepEqual(q.RootFS.Layers, original.RootFS.Layers);
      const look = (await docker(['create', '--network', 'none', q.Id, 'true'])).trim();
      try {
        await assert.rejects(
          docker(['cp', `${look}:/onbuild-ran`, '-']),
          /Could not find the file|No such container:path/,
        );
      } finally {
        await docker(['rm', '-f', look]);
      }
      const events = await containerEvents(since);
      assert.ok(!/\bstart\b/.test(events), `a container was started:\n${events}`);
      assert.deepEqual(await allContainerIds(), before, 'the quarantine left a container');
      assert.equal(
        await vscode.commands.executeCommand('openpypi.docker.releaseImage', quarantined),
        original.Id,
      );
      assert.deepEqual((await rawImage(name)).Config, original.Config);
    } finally {
      await docker(['rmi', '-f', name, 'quarantine/openpypi-test/onbuild:1']).catch(
        () => undefined,
      );
    }
  });

  it('keeps the quarantined image’s config and layers as they were, labels apart (also without a command)', async () => {
    // Every field of the config that a Dockerfile can set, from a real build; a commit of a
    // container of it with a working directory that does not exist in the image (the engine
    // would make it when creating a container); an imported rootfs with no config at all: no
    // Cmd, no Entrypoint.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openpypi-config-'));
    const built = 'openpypi-test/config:1';
    const committed = 'openpypi-test/config:2';
    const bare = 'openpypi-test/bare:1';
    try {
      writeFileSync(
        path.join(dir, 'Dockerfile'),
        [
          `FROM ${BUSYBOX}`,
          'ENV A=1 B=two',
          'WORKDIR /app/work',
          'USER 1234:1234',
          'EXPOSE 8080/tcp 53/udp',
          'LABEL keep=me other="x y"',
          'VOLUME /data',
          'HEALTHCHECK --interval=5s CMD ["true"]',
          'STOPSIGNAL SIGINT',
          'SHELL ["/bin/sh", "-ec"]',
          'ENTRYPOINT ["/bin/echo"]',
          'CMD ["hello"]',
          'ONBUILD RUN touch /onbuild-ran',
          '',
        ].join('\n'),
      );
      await docker(['build', '-q', '-t', built, dir]);
      const made = (await docker(['create', '--network', 'none', built])).trim();
      try {
        await docker([
          'commit',
          '--change',
          'WORKDIR /not/there',
          '--change',
          'ONBUILD RUN touch /onbuild-ran',
          made,
          committed,
        ]);
        await docker(['export', '-o', path.join(dir, 'rootfs.tar'), made]);
      } finally {
        await docker(['rm', '-f', made]);
      }
      await docker(['import', path.join(dir, 'rootfs.tar'), bare]);
      const volumes = await docker(['volume', 'ls', '-q']);
      for (const [name, quarantineName] of [
        [built, 'quarantine/openpypi-test/config:1'],
        [committed, 'quarantine/openpypi-test/config:2'],
        [bare, 'quarantine/openpypi-test/bare:1'],
      ] as const) {
        const original = await rawImage(name);
        const before = await allContainerIds();
        const quarantined = await vscode.commands.executeCommand<string | undefined>(
          'openpypi.docker.quarantineImage',
          name,
          'config test',
        );
        assert.ok(quarantined, `${name} was not quarantined`);
        const q = await rawImage(quarantineName);
        assert.equal(q.Id, quarantined);
        const { Labels: labels, ...config } = q.Config;
        const { Labels: originalLabels, ...originalConfig } = original.Config;
        assert.deepEqual(labels, {
          ...(originalLabels ?? {}),
          'openpypi.quarantine': 'config test',
          'openpypi.quarantine.original-tag': name,
          'openpypi.quarantine.original-id': original.Id,
        });
        if (name === bare) {
          // No entrypoint either way: the engine keeps an empty list where the image had none
          // (and refuses to create a container from both without a command).
          assert.equal(originalConfig.Entrypoint, null);
          assert.equal(originalConfig.Cmd, null);
          assert.deepEqual(config.Entrypoint, []);
          config.Entrypoint = null;
        }
        assert.deepEqual(config, originalConfig);
        assert.deepEqual(q.RootFS.Layers, original.RootFS.Layers, `${name}: layers changed`);
        assert.deepEqual(await allContainerIds(), before, `${name}: a container was left`);
        assert.equal(await docker(['volume', 'ls', '-q']), volumes, `${name}: a volume was left`);
        assert.equal(
          await vscode.commands.executeCommand('openpypi.docker.releaseImage', quarantineName),
          original.Id,
        );
        assert.deepEqual((await rawImage(name)).Config, original.Config);
        assert.equal(await exists('image', quarantineName), false);
      }
      await assert.rejects(docker(['create', bare]), /No command specified/);
    } finally {
      await docker(['rmi', '-f', committed, built, bare]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists, runs, quarantines and releases an image with 10,000 history entries', async () => {
    assert.equal(
      (await docker(['history', '-q', HISTORY])).split('\n').filter(Boolean).length,
      10_000,
    );
    find(await group('Images'), HISTORY);
    const id = await run(HISTORY, { loosen: [], cmd: ['true'] });
    assert.ok(id);
    await docker(['rm', '-f', id]);
    const original = (await inspect('image', HISTORY)).Id;
    const quarantined = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.quarantineImage',
      HISTORY,
      'history test',
    );
    assert.ok(quarantined);
    assert.equal(await exists('image', HISTORY), false);
    assert.equal(
      await vscode.commands.executeCommand('openpypi.docker.releaseImage', quarantined),
      original,
    );
    assert.equal((await inspect('image', HISTORY)).Id, original);
  });

  it('scans an image with Trivy into SARIF: counts in the tree, findings on the Dockerfile FROM line', async () => {
    const fixture = path.join(
      openPypi().extensionPath,
      'test/fixtures/trivy/v0.74.0__image__alpine-310.json',
    );
    const standInLog = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'openpypi-trivy-')),
      'calls.log',
    );
    process.env.OPENPYPI_STANDIN_TRIVY_IMAGES = `${DEMO}=${fixture}`;
    process.env.OPENPYPI_STANDIN_LOG = standInLog;
    try {
      const imageId = (await inspect('image', DEMO)).Id;
      assert.equal(
        await vscode.commands.executeCommand('openpypi.docker.scanImage', DEMO),
        imageId,
      );
      assert.match(
        readFileSync(standInLog, 'utf8'),
        new RegExp(`trivy-image ${DEMO} DOCKER_HOST=${DOCKER_HOST}`),
      );
      const row = find(await group('Images', [DEMO]), DEMO);
      assert.match(row.description ?? '', /M 4$/);
      assert.equal(row.children?.length, 4);
      const dockerfile = vscode.Uri.joinPath(workspace(), 'Dockerfile');
      const fromLine = readFileSync(dockerfile.fsPath, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('FROM '));
      await waitFor(
        () => vscode.languages.getDiagnostics(dockerfile).length === 4,
        'the image results never showed on the Dockerfile',
      );
      for (const diagnostic of vscode.languages.getDiagnostics(dockerfile)) {
        assert.equal(diagnostic.range.start.line, fromLine);
      }
      const findings = api.findings().filter((f) => f.tool.toLowerCase().includes('trivy'));
      assert.equal(findings.length, 4);

      // An image the stand-in has no report for: Trivy's own words, nothing else changes.
      const mark = logLines().length;
      assert.equal(
        await vscode.commands.executeCommand('openpypi.docker.scanImage', BUSYBOX),
        undefined,
      );
      await logShows(
        mark,
        /Trivy could not scan openpypi-test\/busybox:1 \(exit code 1\).*unable to find the specified image/,
      );
      assert.equal(vscode.languages.getDiagnostics(dockerfile).length, 4);
    } finally {
      delete process.env.OPENPYPI_STANDIN_TRIVY_IMAGES;
      delete process.env.OPENPYPI_STANDIN_LOG;
      rmSync(path.dirname(standInLog), { recursive: true, force: true });
    }
  });

  it('quarantines automatically after a scan at or above the configured severity', async () => {
    const fixture = path.join(
      openPypi().extensionPath,
      'test/fixtures/trivy/v0.74.0__image__alpine-310.json',
    );
    const config = vscode.workspace.getConfiguration('openpypi.docker');
    process.env.OPENPYPI_STANDIN_TRIVY_IMAGES = `${DEMO}=${fixture}`;
    await config.update('autoQuarantine', true, vscode.ConfigurationTarget.Global);
    await config.update('quarantineSeverity', 'MEDIUM', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('openpypi.docker.scanImage', DEMO);
      assert.equal(await exists('image', DEMO), false);
      const q = await inspect('image', 'quarantine/docker-demo:0.3.0');
      assert.match(
        q.Config.Labels?.['openpypi.quarantine'] ?? '',
        /^Trivy: M 4 \(at or above MEDIUM\)$/,
      );
      await vscode.commands.executeCommand(
        'openpypi.docker.releaseImage',
        'quarantine/docker-demo:0.3.0',
      );
      assert.ok(await exists('image', DEMO));
    } finally {
      delete process.env.OPENPYPI_STANDIN_TRIVY_IMAGES;
      await config.update('autoQuarantine', undefined, vscode.ConfigurationTarget.Global);
      await config.update('quarantineSeverity', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('generates a Dockerfile, .dockerignore and compose.yaml that pass the Trivy Dockerfile checks', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-generate-'));
    try {
      writeFileSync(
        path.join(folder, 'pyproject.toml'),
        '[project]\nname = "web-demo"\nversion = "1.2.0"\nrequires-python = ">=3.12"\ndependencies = ["fastapi>=0.110", "uvicorn>=0.29"]\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
      );
      const written = await vscode.commands.executeCommand<string | undefined>(
        'openpypi.docker.generateDockerfile',
        vscode.Uri.file(folder),
      );
      assert.equal(written, path.join(folder, 'Dockerfile'));
      const dockerfile = readFileSync(path.join(folder, 'Dockerfile'), 'utf8');
      assert.deepEqual(trivyDockerfileViolations(dockerfile), []);
      assert.match(dockerfile, /^FROM python:3\.12\.\d+-slim-bookworm AS build/m);
      assert.ok(existsSync(path.join(folder, '.dockerignore')));
      assert.ok(existsSync(path.join(folder, 'compose.yaml')), 'a web app gets a compose.yaml');
      // A second run asks before replacing; { overwrite: true } is the automation's answer.
      assert.equal(
        await vscode.commands.executeCommand(
          'openpypi.docker.generateDockerfile',
          vscode.Uri.file(folder),
          { overwrite: true },
        ),
        written,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('follows /events while the view is visible (no polling), and stops listening when hidden', async () => {
    const listeners = async (): Promise<number> =>
      Number((await docker(['info', '--format', '{{.NEventsListener}}'])).trim());
    const config = vscode.workspace.getConfiguration('openpypi.docker');
    // Polling would take an hour: a change that shows up came through the events stream.
    await config.update('pollIntervalSeconds', 3600, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('openpypi.providers.focus');
      await waitFor(
        async () => (await listeners()) >= 1,
        'no /events listener with the view on screen',
      );
      await docker(['create', '--network', 'none', '--name', 'it-event', BUSYBOX, 'true']);
      await waitFor(
        async () => (await group('Containers')).some((row) => row.label === 'it-event'),
        'a container created outside VS Code never showed up (no /events?)',
        60_000,
      );
      // Another view in the side bar: the Providers view is hidden, the stream is closed.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor(
        async () => (await listeners()) === 0,
        'the /events stream stayed open while the view was hidden',
        60_000,
      );
      await docker(['rm', '-f', 'it-event']);
      // On screen again: it reads the engine and listens again.
      await vscode.commands.executeCommand('openpypi.providers.focus');
      await waitFor(
        async () => !(await group('Containers')).some((row) => row.label === 'it-event'),
        'the tree still showed a removed container after the view came back',
        60_000,
      );
      await waitFor(
        async () => (await listeners()) >= 1,
        'no /events listener after the view came back',
      );
    } finally {
      await config.update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
      await docker(['rm', '-f', 'it-event']).catch(() => undefined);
    }
  });

  it('turns into "not reachable" with Retry when the engine stops, and comes back when it restarts', async () => {
    assert.ok(ENGINE_DIR, 'OPENPYPI_TEST_DOCKER_DIR is not set');
    const config = vscode.workspace.getConfiguration('openpypi.docker');
    await config.update('pollIntervalSeconds', 2, vscode.ConfigurationTarget.Global);
    // With the view on screen the section follows /events, and polls once the stream breaks.
    await vscode.commands.executeCommand('openpypi.providers.focus');
    try {
      await waitFor(
        async () => ((await tree()).description ?? '').startsWith('Engine '),
        'not connected',
      );
      await stopDockerEngineProcess(ENGINE_DIR);
      await waitFor(
        async () => ((await tree()).description ?? '').includes('not reachable'),
        'the Docker row never said the engine was not reachable',
        60_000,
      );
      const root = await tree();
      assert.equal(root.description, `Docker engine not reachable at ${DOCKER_HOST}`);
      assert.match(root.contextValue ?? '', /\bretry\b/);
      assert.deepEqual(
        root.children?.map((row) => [row.label, row.command]),
        [
          [`Docker engine not reachable at ${DOCKER_HOST}`, undefined],
          ['Retry', 'openpypi.docker.refresh'],
        ],
      );
      // A command while it is down: a warning naming the address, no error popup loop.
      const mark = logLines().length;
      assert.equal(await run(BUSYBOX, { loosen: [] }), undefined);
      await logShows(mark, /Docker engine not reachable at unix:\/\//);
      assert.doesNotMatch(logSince(mark), /openpypi\.docker\.runContainer failed/);
      assert.equal(await vscode.commands.executeCommand('openpypi.docker.refresh'), 'down');

      await startDockerEngine({ dir: ENGINE_DIR, keepDir: true });
      await waitFor(
        async () => ((await tree()).description ?? '').startsWith('Engine '),
        'the Docker row did not come back after the engine restarted',
        60_000,
      );
      find(await group('Images'), DEMO);
    } finally {
      await config.update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
      if (!(await exists('image', BUSYBOX)))
        await startDockerEngine({ dir: ENGINE_DIR, keepDir: true });
    }
  });

  it('names the configured address when openpypi.docker.host points nowhere', async () => {
    const config = vscode.workspace.getConfiguration('openpypi.docker');
    const socket = path.join(os.tmpdir(), `openpypi-no-engine-${String(process.pid)}.sock`);
    await config.update('host', `unix://${socket}`, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await vscode.commands.executeCommand('openpypi.docker.refresh'), 'down');
      assert.equal((await tree()).description, `Docker engine not reachable at unix://${socket}`);
    } finally {
      await config.update('host', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(await vscode.commands.executeCommand('openpypi.docker.refresh'), 'connected');
  });

  it('prunes stopped containers and unused images, and says how much space came back', async () => {
    await docker(['create', '--network', 'none', '--name', 'it-prunable', BUSYBOX, 'true']);
    await docker(['run', '-d', '--network', 'none', '--name', 'it-keep', BUSYBOX, 'sleep', '600']);
    await docker(['rm', '-f', 'it-secure']);
    const result = await vscode.commands.executeCommand<{
      containersDeleted: number;
      imagesDeleted: number;
      spaceReclaimedBytes: number;
    }>('openpypi.docker.prune', { confirm: true });
    assert.ok(result);
    assert.ok(result.containersDeleted >= 2, JSON.stringify(result));
    assert.equal(await exists('container', 'it-prunable'), false);
    assert.equal(await exists('container', 'it-keep'), true, 'a running container stays');
    assert.ok(await exists('image', BUSYBOX), 'the image a running container uses stays');
    // docker-demo (its container is gone) is unused: removed, and its layers counted.
    assert.equal(await exists('image', DEMO), false);
    assert.ok(result.imagesDeleted >= 1, JSON.stringify(result));
    assert.ok(result.spaceReclaimedBytes > 0, JSON.stringify(result));
    await logShows(
      0,
      new RegExp(
        `Docker: Pruned ${String(result.containersDeleted)} containers and ${String(result.imagesDeleted)} images, \\d+(\\.\\d)? [KMG]?B reclaimed\\.`,
      ),
    );
  });
});
