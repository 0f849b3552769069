/**
 * Support for the package test: pack both workspaces (their `prepack` scripts build them), install
 * each tarball alone into an empty folder (from the npm cache first), run commands there, and start
 * the installed `repostats serve` on a free loopback port.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const root = resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

export interface Run {
  stdout: string;
  stderr: string;
}

/** Runs a command, failing with its output when it exits non-zero. */
export async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: error });
  }
}

/** `npm pack` of the workspace in `dir` into `into`; returns the tarball's path. */
export async function pack(dir: string, into: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', into], dir);
  // prepack's build output comes first; the JSON report is the last array on stdout.
  const report = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as { filename: string }[];
  return join(into, report[0]!.filename);
}

/** An empty npm project in `dir` with the given tarball installed (and the peers npm adds). */
export async function installInto(dir: string, tarball: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
}

/** The names of every package `npm ls --omit=dev --all` lists in `dir` (the project itself left out). */
export async function productionPackages(dir: string): Promise<Set<string>> {
  const { stdout } = await run('npm', ['ls', '--omit=dev', '--all', '--json'], dir);
  const names = new Set<string>();
  const walk = (deps: Record<string, { dependencies?: Record<string, unknown> }> | undefined) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      names.add(name);
      walk(node.dependencies as never);
    }
  };
  walk((JSON.parse(stdout) as { dependencies?: never }).dependencies);
  return names;
}

/** The runtime dependencies a workspace's package.json declares. */
export function dependenciesOf(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(pkg.dependencies ?? {});
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** `npx repostats serve --port 0 …` in `dir`; resolves with its URL once it says it is serving. */
export function serve(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child: ChildProcess = spawn('npx', ['repostats', 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx and node stop together
  });
  let output = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      process.kill(-child.pid!, 'SIGTERM');
    });
  return new Promise((ok, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /repostats serving on (http:\/\/\S+)/.exec(output);
      if (match) ok({ url: match[1]!, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`repostats serve exited (${code}) before serving:\n${output}`)));
  });
}
