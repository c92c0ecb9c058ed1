import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssistantProcess, testEnv } from "../helpers/child-process.js";

/** `npm start` with a Telegram token whose Bot API is out of reach: said on stderr within seconds, then retried. */
describe("start-up while the Telegram Bot API cannot be reached", () => {
  async function startWith(apiRoot: string) {
    const dir = mkdtempSync(join(tmpdir(), "assistant-startup-"));
    const assistant = new AssistantProcess(testEnv(dir, { TELEGRAM_BOT_TOKEN: "123456:TEST", TELEGRAM_API_ROOT: apiRoot }));
    return {
      assistant,
      async stop() {
        await assistant.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it("refused connections: says so at once, naming what to check, and retries with growing waits", async () => {
    const { assistant, stop } = await startWith("http://127.0.0.1:9"); // nothing listens on port 9
    try {
      const started = Date.now();
      await assistant.waitForStderr(
        /"attempt":1,"retryInMs":1000.*Telegram Bot API cannot be reached \(check TELEGRAM_API_ROOT/,
        0,
        15_000,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      await assistant.waitForStderr(/"attempt":2,"retryInMs":2000/, 0, 15_000);
    } finally {
      await stop();
    }
  }, 40_000);

  it("an API that accepts the connection and never answers: said within seconds, not after grammY's 500 s", async () => {
    const sockets = new Set<import("node:net").Socket>();
    const silent: Server = createServer(() => undefined); // takes the request, never answers
    silent.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { assistant, stop } = await startWith(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
    try {
      await assistant.waitForStderr(/"attempt":1.*Telegram Bot API cannot be reached/, 0, 20_000);
    } finally {
      await stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 40_000);
});
