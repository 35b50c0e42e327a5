// Processes the harness starts, and their stopping: each child gets its own process group, and
// stopping it signals the group and every descendant found under /proc (code-server forks a
// wrapper, a server, extension hosts and pty hosts; some leave the group). Every process started
// here is also stopped when this Node process exits, is interrupted (Ctrl-C) or terminated.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** @type {Set<import('node:child_process').ChildProcess>} */
const live = new Set();

/** @type {Set<() => Promise<void>>} */
const cleanups = new Set();

/**
 * Starts a process in its own process group, remembered until it exits or is stopped.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export function startProcess(command, args, options = {}) {
  installExitHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  child.on('exit', () => live.delete(child));
  child.on('error', () => live.delete(child));
  return child;
}

/**
 * Registers work to do before this process exits on a signal (closing a browser, say).
 * @param {() => Promise<void>} cleanup
 * @returns {() => void} removes the registration
 */
export function onInterrupt(cleanup) {
  installExitHandlers();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Every descendant of `pid` found under /proc, children first (also used by
 * test/support/dockerEngine.mjs to stop a dockerd and all it started).
 * @param {number} pid @returns {number[]}
 */
export function descendants(pid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  /** @type {number[]} */
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = /** @type {number} */ (queue.shift());
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function signalTree(pid, signal) {
  const pids = [...descendants(pid), pid];
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
  for (const each of pids) {
    try {
      process.kill(each, signal);
    } catch {
      // Gone already.
    }
  }
}

/** @param {number} pid @returns {boolean} whether the process still exists. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a process and all it started: SIGTERM, then SIGKILL after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 */
export async function stopProcess(child, graceMs = 3000) {
  const pid = child.pid;
  if (pid === undefined) return;
  const tree = [...descendants(pid), pid];
  signalTree(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && tree.some(isAlive)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const each of tree) {
    if (isAlive(each)) signalTree(each, 'SIGKILL');
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Gone.
  }
  live.delete(child);
}

let handlersInstalled = false;

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort, synchronous: nothing started here outlives this process.
  process.on('exit', () => {
    for (const child of live) {
      if (child.pid !== undefined) signalTree(child.pid, 'SIGKILL');
    }
  });
  /** @param {NodeJS.Signals} signal @param {number} code */
  const onSignal = (signal, code) => {
    process.stderr.write(`\n[harness] ${signal}: stopping everything the harness started\n`);
    const pending = [...cleanups].map((cleanup) => cleanup().catch(() => undefined));
    const stops = [...live].map((child) => stopProcess(child, 1500));
    void Promise.race([
      Promise.all([...pending, ...stops]),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]).then(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
}
