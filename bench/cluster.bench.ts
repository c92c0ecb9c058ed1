import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { AssistantProcess, telegramWebhookSettings, testEnv } from "../test/helpers/child-process.js";
import { startFakeTelegramApi } from "../test/helpers/fake-telegram-api.js";
import { freePort } from "../test/helpers/free-port.js";
import { registrationUpdates } from "../test/helpers/telegram-updates.js";
import { migratedDatabase, TEST_POSTGRES_URL } from "../test/helpers/test-databases.js";
import { CpuMeter, postgresPids, processCpuSeconds } from "./cluster/cpu-time.js";
import { startRoundRobinProxy } from "./cluster/round-robin-proxy.js";

/**
 * `npm run bench:cluster [-- <instances…>]` (default 1 2 3): that many `npm start` processes in Telegram
 * webhook mode on one PostgreSQL database (127.0.0.1:5432, or TEST_DATABASE_URL; a fresh one per count),
 * behind a round-robin proxy, against the fake Bot API over HTTP. The same chats each time (BENCH_CHATS,
 * default 1,500) register — /start, Start, name, email, phone — with BENCH_PARALLEL (default 40,
 * Telegram's default number of webhook connections) chats at once, each chat's updates in order. Per
 * count: updates/s, p50/p99 latency (a post until its 200, which comes once the replies are sent),
 * PostgreSQL connections (open, and running a statement), CPU per update of the instances, of
 * PostgreSQL and of this process (driver, proxy, fake Bot API); then each count's rate over one
 * instance's, measured in this run.
 */
const counts = process.argv.slice(2).map(Number);
const INSTANCE_COUNTS = counts.length > 0 ? counts : [1, 2, 3];
const CHATS = Number(process.env.BENCH_CHATS ?? 1500);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 40);
const WARM_UP_CHATS = 100;
const SECRET = "cluster-secret-0123456789abcdef01";

interface Figures {
  instances: number;
  updates: number;
  seconds: number;
  p50: number;
  p99: number;
  connectionsOpen: number;
  connectionsBusyMax: number;
  connectionsBusyMean: number;
  instanceCpuMs: number;
  postgresCpuMs: number;
  benchCpuMs: number;
  commitsPerUpdate: number;
  redeliveries: number;
}

async function measure(instances: number): Promise<Figures> {
  const database = await migratedDatabase("postgres", "");
  if (database.target.kind !== "postgres") throw new Error("bench:cluster needs PostgreSQL");
  const url = database.target.url;
  const databaseName = new URL(url).pathname.slice(1);
  const api = await startFakeTelegramApi();
  const dirs = Array.from({ length: instances }, () => mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "assistant-cluster-")));
  const ports = await Promise.all(dirs.map(() => freePort()));
  const processes = dirs.map(
    (dir, i) =>
      new AssistantProcess(
        testEnv(dir, { ...telegramWebhookSettings(api.apiRoot, ports[i]!, SECRET), DATABASE_URL: url, LOG_LEVEL: "warn" }),
      ),
  );
  const proxy = await startRoundRobinProxy(ports);
  const watcher = new pg.Client({ connectionString: url });
  try {
    await Promise.all(ports.map((port) => waitUntilReady(port)));
    await watcher.connect();
    let updateId = 1;
    let redeliveries = 0;
    /** One update, posted again until answered 200 (as Telegram does; the latency counts the whole). */
    const post = async (update: object): Promise<number> => {
      const started = performance.now();
      const body = { update_id: updateId++, ...update };
      for (let attempt = 1; ; attempt++) {
        const status = await api.deliver(`http://127.0.0.1:${proxy.port}/telegram`, SECRET, body);
        if (status === 200) return performance.now() - started;
        if (attempt === 5) throw new Error(`update answered ${status} five times`);
        redeliveries++;
      }
    };
    const drive = async (chats: number[]) => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let index = next++; index < chats.length; index = next++)
            for (const update of registrationUpdates(chats[index]!)) latencies.push(await post(update));
        }),
      );
      return latencies;
    };
    // Warm-up, not measured: each instance's JIT, pool connections and caches.
    await drive(range(1_000_000, WARM_UP_CHATS));
    redeliveries = 0;

    const commitsBefore = await commitCount(watcher, databaseName);
    const instanceCpu = processes.map((child) => processCpuSeconds(child.pid));
    const postgresCpu = new CpuMeter(postgresPids);
    const benchCpu = process.cpuUsage();
    const busy: number[] = [];
    let open = 0;
    const sampling = setInterval(() => {
      postgresCpu.sample();
      void connections(watcher, databaseName).then(
        (now) => {
          busy.push(now.busy);
          open = Math.max(open, now.open);
        },
        () => undefined,
      );
    }, 100);
    const started = performance.now();
    const latencies = await drive(range(1, CHATS));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampling);
    const instanceCpuSeconds = processes.reduce((sum, child, i) => sum + processCpuSeconds(child.pid) - instanceCpu[i]!, 0);
    const bench = process.cpuUsage(benchCpu);
    const commits = (await commitCount(watcher, databaseName)) - commitsBefore;

    const delivered = api.callsOf("sendMessage").length;
    if (delivered < latencies.length) throw new Error(`only ${delivered} replies for ${latencies.length} updates`);
    const sorted = latencies.sort((a, b) => a - b);
    const perUpdateMs = (cpuSeconds: number) => (cpuSeconds * 1000) / latencies.length;
    return {
      instances,
      updates: latencies.length,
      seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      connectionsOpen: open,
      connectionsBusyMax: Math.max(0, ...busy),
      connectionsBusyMean: busy.reduce((sum, n) => sum + n, 0) / Math.max(1, busy.length),
      instanceCpuMs: perUpdateMs(instanceCpuSeconds),
      postgresCpuMs: perUpdateMs(postgresCpu.seconds()),
      benchCpuMs: perUpdateMs((bench.user + bench.system) / 1e6),
      commitsPerUpdate: commits / latencies.length,
      redeliveries,
    };
  } finally {
    await watcher.end().catch(() => undefined);
    await Promise.all(processes.map((child) => child.kill("SIGTERM")));
    await proxy.close();
    await api.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

/** Connections to the benchmark's database other than the watcher's: open, and running a statement now. */
async function connections(watcher: pg.Client, database: string): Promise<{ open: number; busy: number }> {
  const { rows } = await watcher.query<{ open: string; busy: string }>(
    `select count(*) as open, count(*) filter (where state = 'active') as busy
       from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
    [database],
  );
  return { open: Number(rows[0]!.open), busy: Number(rows[0]!.busy) };
}

/** Transactions committed in the database so far (`pg_stat_database`; a statement outside a transaction counts as one). */
async function commitCount(watcher: pg.Client, database: string): Promise<number> {
  // The statistics are sent to the collector every half second or so: wait for them to settle.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const { rows } = await watcher.query<{ commits: string }>("select xact_commit as commits from pg_stat_database where datname = $1", [
    database,
  ]);
  return Number(rows[0]!.commits);
}

async function waitUntilReady(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the instance on port ${port} did not become ready within 60 s`);
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const server = new pg.Client({ connectionString: TEST_POSTGRES_URL });
await server.connect();
const { rows } = await server.query<{ server_version: string }>("show server_version");
await server.end();
console.log(
  `bench:cluster — ${CHATS} chats × 5 updates, ${PARALLEL} at once, through a round-robin proxy; ${cpus().length} cores (${cpus()[0]?.model.trim()}), ` +
    `PostgreSQL ${rows[0]?.server_version} on the same machine, Node ${process.version}`,
);
const results: Figures[] = [];
for (const instances of INSTANCE_COUNTS) {
  const figures = await measure(instances);
  results.push(figures);
  const rate = figures.updates / figures.seconds;
  console.log(
    `${instances} instance(s): ${rate.toFixed(0).padStart(5)} updates/s  p50 ${figures.p50.toFixed(1)} ms  p99 ${figures.p99.toFixed(1)} ms  ` +
      `pg connections open ${figures.connectionsOpen}, running a statement max ${figures.connectionsBusyMax} mean ${figures.connectionsBusyMean.toFixed(1)}  ` +
      `CPU per update: instances ${figures.instanceCpuMs.toFixed(2)} ms, PostgreSQL ${figures.postgresCpuMs.toFixed(2)} ms, this process ${figures.benchCpuMs.toFixed(2)} ms  ` +
      `commits per update ${figures.commitsPerUpdate.toFixed(1)}  posted again (not answered 200) ${figures.redeliveries}`,
  );
}
const single = results.find((figures) => figures.instances === 1);
if (single)
  for (const figures of results.filter((each) => each.instances > 1))
    console.log(
      `ratio ${figures.instances}/1 instances: ${(figures.updates / figures.seconds / (single.updates / single.seconds)).toFixed(2)}`,
    );
