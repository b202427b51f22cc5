import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

/** The project's root, where `node --import tsx src/edges/cli/main.ts` runs the sources. */
export const projectRoot = path.resolve(import.meta.dirname, '../..');
const cli = ['--import', 'tsx', 'src/edges/cli/main.ts'];

/** A free TCP port on 127.0.0.1 (asked of the system, then let go). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a `greendoor` command from the sources and answers its stdout (throws on failure). */
export async function greendoor(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...cli, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
  });
  return stdout;
}

export interface ServerProcess {
  readonly port: number;
  readonly origin: string;
  readonly child: ChildProcess;
  /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
  kill(): Promise<void>;
  /** Asks the process to stop (SIGTERM) and waits until it has. */
  stop(): Promise<void>;
}

/**
 * `greendoor serve` in a process of its own, on a free port, its stdout and stderr written to
 * `logFile`; resolves once /healthz answers.
 */
export async function startServerProcess(
  env: Record<string, string>,
  logFile: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...cli, 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, DEMO_DATA: 'off', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`greendoor serve exited early: see ${logFile}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`greendoor serve did not start: see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    await new Promise<void>((resolve) => log.end(resolve));
  };
  return { port, origin, child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
