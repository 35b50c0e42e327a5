import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancelledError } from '../../../../src/core/errors/cancelledError';
import type { Logger } from '../../../../src/core/logging/logger';
import { silentLogger } from '../../../../src/core/logging/logger';
import {
  ExecutableNotFoundError,
  OutputLimitError,
  ProcessTimeoutError,
} from '../../../../src/core/process/processErrors';
import { runProcess } from '../../../../src/core/process/runProcess';

const isPosix = process.platform !== 'win32';

/** Alive means it exists and is not a zombie waiting for a (container) init to reap it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return true;
  }
}

/** Waits (bounded) until a killed process has been reaped; SIGKILL delivery is asynchronous. */
async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!isAlive(pid)) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

describe('runProcess', function () {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openpypi-process-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  (isPosix ? it : it.skip)(
    'returns exit code, stdout and stderr, and logs stderr lines',
    async () => {
      const debug: string[] = [];
      const logger: Logger = { ...silentLogger, debug: (m) => debug.push(m) };
      const out = await runProcess({
        executable: 'sh',
        args: [
          '-c',
          'printf "héllo $1"; echo "warn one" >&2; echo "warn two" >&2; exit 3',
          'sh',
          'a b;c',
        ],
        cwd: dir,
        logger,
      });
      assert.equal(out.exitCode, 3);
      // The argument reached the child verbatim: no shell split it or ran `c`.
      assert.equal(out.stdout, 'héllo a b;c');
      assert.match(out.stderrTail, /warn one\nwarn two/);
      assert.deepEqual(debug, ['[sh] warn one', '[sh] warn two']);
      assert.ok(out.endTime.getTime() >= out.startTime.getTime());
      assert.ok(out.durationMs >= 0);
    },
  );

  (isPosix ? it : it.skip)(
    'kills a process that never ends, and its grandchild, on timeout',
    async () => {
      const pidFile = path.join(dir, 'timeout.pid');
      await assert.rejects(
        runProcess({
          executable: 'sh',
          args: ['-c', `sleep 100 & echo $! > "${pidFile}"; wait`],
          cwd: dir,
          timeoutMs: 500,
          logger: silentLogger,
        }),
        (error: unknown) => {
          assert.ok(error instanceof ProcessTimeoutError);
          assert.match(error.message, /did not finish within .* and was stopped/);
          return true;
        },
      );
      const grandchild = Number((await readFile(pidFile, 'utf8')).trim());
      assert.ok(grandchild > 0);
      assert.equal(
        await waitUntilGone(grandchild),
        true,
        'the grandchild sleep must be killed too',
      );
    },
  );

  (isPosix ? it : it.skip)('kills the tree when the AbortSignal fires', async () => {
    const pidFile = path.join(dir, 'abort.pid');
    const controller = new AbortController();
    const running = runProcess({
      executable: 'sh',
      args: ['-c', `sleep 100 & echo $! > "${pidFile}"; wait`],
      cwd: dir,
      signal: controller.signal,
      logger: silentLogger,
    });
    // Abort once the grandchild exists.
    for (let i = 0; i < 200; i++) {
      const text = await readFile(pidFile, 'utf8').catch(() => '');
      if (text.trim() !== '') {
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    controller.abort();
    await assert.rejects(running, CancelledError);
    const grandchild = Number((await readFile(pidFile, 'utf8')).trim());
    assert.equal(await waitUntilGone(grandchild), true);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      runProcess({
        executable: process.execPath,
        args: ['-e', ''],
        cwd: dir,
        signal: controller.signal,
        logger: silentLogger,
      }),
      CancelledError,
    );
  });

  (isPosix ? it : it.skip)('stops a huge output at the cap with a clear error', async () => {
    await assert.rejects(
      runProcess({
        executable: 'head',
        args: ['-c', String(300 * 1024 * 1024), '/dev/zero'],
        cwd: dir,
        maxStdoutBytes: 1024 * 1024,
        logger: silentLogger,
      }),
      (error: unknown) => {
        assert.ok(error instanceof OutputLimitError);
        assert.match(error.message, /more than 1 MiB/);
        assert.match(error.message, /openpypi\.security\.maxOutputMegabytes/);
        return true;
      },
    );
  });

  it('reports a missing executable as ExecutableNotFoundError', async () => {
    await assert.rejects(
      runProcess({
        executable: path.join(dir, 'no-such-tool'),
        args: [],
        cwd: dir,
        logger: silentLogger,
      }),
      (error: unknown) => {
        assert.ok(error instanceof ExecutableNotFoundError);
        assert.match(error.message, /no-such-tool was not found/);
        return true;
      },
    );
  });

  (isPosix ? it : it.skip)('passes the environment given, and only that', async () => {
    const script = path.join(dir, 'env.sh');
    await writeFile(script, '#!/bin/sh\nprintf "%s" "$OPENPYPI_TEST_TOKEN"\n');
    await chmod(script, 0o755);
    const out = await runProcess({
      executable: script,
      args: [],
      cwd: dir,
      env: { PATH: process.env.PATH, OPENPYPI_TEST_TOKEN: 'value-from-env' },
      logger: silentLogger,
    });
    assert.equal(out.stdout, 'value-from-env');
  });
});
