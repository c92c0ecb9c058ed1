import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Dependencies } from "../../src/runtime/dependencies.js";
import { createLogger, failureReason } from "../../src/runtime/logger.js";

describe("Dependencies", () => {
  function logged() {
    const lines: Array<{ level: number; msg: string; dependency?: string }> = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { lines, logger: createLogger("info", sink) };
  }

  it("says a dependency going out of reach once, and its return once; the snapshot keeps when it went", () => {
    const { lines, logger } = logged();
    let now = new Date("2026-11-30T10:00:00Z");
    const dependencies = new Dependencies(logger, () => now);
    dependencies.reachable("smtp");
    dependencies.unreachable("smtp", new Error("connect ECONNREFUSED 127.0.0.1:25"));
    now = new Date("2026-11-30T10:01:00Z");
    dependencies.unreachable("smtp", new Error("connect ECONNREFUSED 127.0.0.1:25"));
    expect(dependencies.snapshot()).toEqual({
      smtp: { reachable: false, since: "2026-11-30T10:00:00.000Z", error: "connect ECONNREFUSED 127.0.0.1:25" },
    });
    dependencies.reachable("smtp");
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, "the SMTP server cannot be reached (check SMTP_URL); emails wait in the outbox and are retried"],
      [30, "smtp is reachable again"],
    ]);
  });

  it("retries until reachable with growing waits, and stops at once on a final answer", async () => {
    const { lines, logger } = logged();
    const dependencies = new Dependencies(logger);
    let tries = 0;
    const answer = await dependencies.retryUntilReachable(
      "database",
      async () => {
        if (++tries < 3) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        return "open";
      },
      () => false,
    );
    expect(answer).toBe("open");
    expect(lines.map((line) => [line.msg.split(" (")[0], (line as { retryInMs?: number }).retryInMs])).toEqual([
      ["PostgreSQL cannot be reached", 1000],
      ["PostgreSQL cannot be reached", 2000],
      ["database is reachable again", undefined],
    ]);
    expect(dependencies.snapshot().database?.reachable).toBe(true);
    const refusal = new Error("password authentication failed");
    await expect(
      dependencies.retryUntilReachable(
        "database",
        () => Promise.reject(refusal),
        () => true,
      ),
    ).rejects.toBe(refusal);
  }, 10_000);

  it("gives the causes an SDK wraps, without a Bot API token", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new Error("Network request for 'getMe' failed!"), {
      error: new Error("fetch failed https://api.example/bot123456:AAH-secret_token/getMe", { cause: inner }),
    });
    expect(failureReason(wrapped)).toBe(
      "Network request for 'getMe' failed! ← fetch failed https://api.example/bot<token>/getMe ← connect ECONNREFUSED 127.0.0.1:9",
    );
  });
});
