import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { TEST_DATA_KEYS } from "./test-keys.js";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * How a program runs: as `npm start` and `npm run cli` do, one Node process with tsx as its loader; in
 * the test suite, the same sources bundled once per run (`test/global-setup.ts`), which start faster.
 */
function program(name: "main" | "cli"): [string, ...string[]] {
  const bundles = process.env.ASSISTANT_TEST_PROGRAMS;
  return bundles
    ? [process.execPath, join(bundles, `${name}.js`)]
    : [process.execPath, "--import", "tsx", join(ROOT, "src", "app", `${name}.ts`)];
}

export function testEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DEFAULT_LOCALE: "en",
    LOG_LEVEL: "info",
    DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS,
    // Reading photos (OCR) costs a second of CPU each: on only in the processes of the tests about it.
    OCR: "off",
    ...extra,
  };
  for (const name of ["TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "DATABASE_URL"]) if (!(name in extra)) delete env[name];
  return env;
}

/** `npm start`'s settings for Telegram webhook mode against a (fake) Bot API, its web server on `port`. */
export function telegramWebhookSettings(apiRoot: string, port: number, secret: string): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: "123456:TEST",
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
    TELEGRAM_WEBHOOK_SECRET: secret,
    PORT: String(port),
  };
}

/**
 * Runs `npm run cli -- …` the way an operator would (without npm's own banner);
 * `offline`: in a network namespace of its own, with no interface up — no connection can be made.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, { offline = false }: { offline?: boolean } = {}) {
  const command: [string, ...string[]] = [...program("cli"), ...args];
  const [executable, ...rest]: [string, ...string[]] = offline ? ["unshare", "--map-root-user", "--net", ...command] : command;
  const result = spawnSync(executable, rest, { env, encoding: "utf8", cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether this machine lets a process have a network namespace of its own (`unshare`, user namespaces). */
export function canRunOffline(): boolean {
  return spawnSync("unshare", ["--map-root-user", "--net", "true"]).status === 0;
}

/** Runs the console chat with all input piped at once; resolves when it exits by itself. */
export function runConsoleWithInput(lines: string[], env: NodeJS.ProcessEnv) {
  const [node, ...rest] = program("main");
  const result = spawnSync(node, rest, {
    env,
    input: `${lines.join("\n")}\n`,
    encoding: "utf8",
    cwd: ROOT,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm start` as a child process: a console chat driven line by line, or a platform bot; tests react to its output or stop it. */
export class AssistantProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;

  constructor(env: NodeJS.ProcessEnv) {
    // Its own process group, so that a SIGKILL also reaches anything it started.
    const [node, ...rest] = program("main");
    this.child = spawn(node, rest, { env, cwd: ROOT, detached: true });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** The program's process id (its RSS is read from /proc by the load benchmark). */
  get pid(): number {
    return this.child.pid!;
  }

  /** The console user lines are sent as (`/as` switches it). */
  private user = "alice";

  write(line: string): void {
    this.user = /^\/as\s+(\S+)/.exec(line.trim())?.[1] ?? this.user;
    this.child.stdin.write(`${line}\n`);
  }

  /**
   * Presses the button labelled `label` that was printed for the current console user (its latest
   * printing after `from`, waiting for it): buttons are numbered across the run, so the number is
   * read from the output, as a person would.
   */
  async press(label: string, from = 0, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const number = this.buttonNumber(label, from);
      if (number) return this.write(number);
      if (Date.now() > deadline) throw new Error(`no button "${label}" for ${this.user}; stdout so far:\n${this.stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private buttonNumber(label: string, from: number): string | undefined {
    let reader = "";
    let number: string | undefined;
    for (const line of this.stdout.slice(from).split("\n")) {
      reader = /^bot → ([^:]+):/.exec(line)?.[1] ?? reader;
      const button = /^ {4}\[(\d+)\] (.*)$/.exec(line);
      if (button && button[2] === label && reader === this.user) number = button[1];
    }
    return number;
  }

  /** Waits until stdout (after `from`) matches; returns the match. */
  waitFor(pattern: RegExp, from = 0, timeoutMs = 15_000): Promise<RegExpExecArray> {
    return this.waitForOutput("stdout", pattern, from, timeoutMs);
  }

  /** Waits until stderr (the log, after `from`) matches; returns the match. */
  waitForStderr(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<RegExpExecArray> {
    return this.waitForOutput("stderr", pattern, from, timeoutMs);
  }

  private async waitForOutput(stream: "stdout" | "stderr", pattern: RegExp, from: number, timeoutMs: number): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this[stream].slice(from));
      if (match) return match;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${pattern}; stdout so far:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    // SIGKILL goes to the whole group; any other signal to the program alone, as an orchestrator sends it.
    if (signal === "SIGKILL") process.kill(-this.child.pid!, signal);
    else this.child.kill(signal);
    return this.exited;
  }
}
