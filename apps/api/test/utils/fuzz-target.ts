import http from 'node:http';
import { NoAnswerError, RawAnswer, RawRequest, sendRaw } from './raw-http';
import { RunningApi, startApi, StartApiOptions } from './start-api';

/** The fuzz's promise to every caller: an answer within this time, whatever was sent. */
export const ANSWER_WITHIN_MS = 5_000;

const keepAliveAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

/** `/work/x/node_modules/class-transformer/cjs/T.js:147:32` → `class-transformer/cjs/T.js:147:32`. */
const shortPaths = (line: string) => line.replace(/(?:file:\/\/)?\/[^\s()]*\/(node_modules|dist)\//g, '').trim();

/**
 * The app under fuzz: the built app in its own process, one keep-alive connection that every
 * request goes through (so each request also tests the connection the previous one left), and
 * what the app wrote, to name the error behind a 500 and the reason for a crash. When the
 * process dies, restart() starts it again on the same database so the run goes on.
 */
export class FuzzTarget {
  private agent = keepAliveAgent();
  private restarts = 0;

  private constructor(
    private api: RunningApi,
    private readonly options: StartApiOptions,
  ) {}

  static async start(options: StartApiOptions): Promise<FuzzTarget> {
    return new FuzzTarget(await startApi(options), options);
  }

  get running(): RunningApi {
    return this.api;
  }

  get url(): string {
    return this.api.url;
  }

  get restartCount(): number {
    return this.restarts;
  }

  alive(): boolean {
    return this.api.process.exitCode === null && this.api.process.signalCode === null;
  }

  /** Whether the process ends within `ms`: a dropped connection is often a crash still under way. */
  async exitsWithin(ms: number): Promise<boolean> {
    for (const deadline = Date.now() + ms; Date.now() < deadline && this.alive(); ) await new Promise((resolve) => setTimeout(resolve, 25));
    return !this.alive();
  }

  exitDescription(): string {
    const { exitCode, signalCode } = this.api.process;
    return signalCode ? `killed by ${signalCode}` : `exit code ${exitCode}`;
  }

  /** Where the app's output stands now; pass it to loggedError or crashReport after a request. */
  outputMark(): number {
    return this.api.output().length;
  }

  send(request: RawRequest, agent: http.Agent = this.agent, timeoutMs = ANSWER_WITHIN_MS): Promise<RawAnswer> {
    return sendRaw(this.api.url, request, { agent, timeoutMs });
  }

  /** A new keep-alive connection for what follows, after one that stalled or broke. */
  newConnection(): void {
    this.agent.destroy();
    this.agent = keepAliveAgent();
  }

  /** `GET /api/health` on a connection of its own answers 200 within the time. */
  async healthy(): Promise<boolean> {
    try {
      return this.alive() && (await sendRaw(this.api.url, { method: 'GET', path: '/api/health', headers: {} }, { timeoutMs: ANSWER_WITHIN_MS })).status === 200;
    } catch (error) {
      if (error instanceof NoAnswerError) return false;
      throw error;
    }
  }

  /** The error the app logged for the failed request since `mark`: message and where it was thrown. */
  async loggedError(mark: number): Promise<string | undefined> {
    // The log line may still be in the pipe when the answer arrives.
    for (let attempt = 0; attempt < 10; attempt++) {
      for (const line of this.api.output().slice(mark).split('\n')) {
        if (!line.includes('"request failed"')) continue;
        try {
          // The app logs a failed query by kind and codes only (its parameters hold people's data).
          const entry = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string; constraint?: string; stack?: string } };
          // The first frame in the app's own code says more than the library call that threw.
          const frames = entry.err?.stack?.split('\n').filter((l) => /^\s+at /.test(l)) ?? [];
          const frame = frames.find((l) => l.includes('/dist/apps/')) ?? frames[0];
          // pino names a plain object's type `Object`: no news.
          const what = [entry.err?.type === 'Object' ? undefined : entry.err?.type, entry.err?.code, entry.err?.constraint, entry.err?.message].filter(Boolean).join(' ') || 'error';
          return `${what}${frame ? ` ${shortPaths(frame)}` : ''}`;
        } catch {
          continue;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  }

  /** What the process printed as it died since `mark`: the failed assertion or uncaught error, and the first JavaScript frame. */
  crashReport(mark: number): string {
    const lines = this.api
      .output()
      .slice(mark)
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('{'));
    const cause = lines.find((line) => /Assertion failed|Error|FATAL|Uncaught|RangeError|TypeError/.test(line));
    const frame = lines.find((line) => /^\s*1: \S+ \(|^\s+at /.test(line));
    return [cause, frame].filter(Boolean).map((line) => shortPaths(line!.replace(/^\s*#\s*/, ''))).join(' — ') || `no message (${this.exitDescription()})`;
  }

  /** Starts the app again on the same database (sessions live there, so cookies stay valid). */
  async restart(): Promise<void> {
    await this.api.stop('SIGKILL');
    this.restarts++;
    this.api = await startApi(this.options);
    this.newConnection();
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    await this.api.stop();
  }
}
