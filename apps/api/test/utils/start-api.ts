import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const API_MAIN = path.resolve(__dirname, '../../dist/apps/api/src/main.js');
export const MIGRATION_CLI = path.resolve(__dirname, '../../dist/apps/api/src/database/migration-cli.js');
export const USER_CREATE_CLI = path.resolve(__dirname, '../../dist/apps/api/src/users/user-create-cli.js');

export interface RunningApi {
  url: string;
  process: ChildProcess;
  /** Everything the app wrote so far, stdout and stderr. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartApiOptions {
  databaseUrl?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** The environment of the app under test: nothing inherited that could point it elsewhere. */
export function apiEnv(options: StartApiOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

/**
 * Starts the built app (`apps/api/dist`, what `npm start` runs) as its own process, on a free
 * port, and resolves once it listens. Tests talk to it over real HTTP.
 */
export function startApi(options: StartApiOptions): Promise<RunningApi> {
  const child = spawn(process.execPath, [API_MAIN], { env: apiEnv(options), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let buffered = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        let entry: { event?: string; port?: number };
        try {
          entry = JSON.parse(line);
        } catch {
          continue;
        }
        if (entry.event === 'listening') {
          clearTimeout(timer);
          resolve({
            url: `http://127.0.0.1:${entry.port}`,
            process: child,
            output: () => output,
            stop: async (signal = 'SIGTERM') => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with code ${code} before listening:\n${output}`));
    });
  });
}

/** Runs a command of the built app to completion: exit code and everything it printed. */
export function runToExit(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
