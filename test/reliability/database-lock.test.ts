import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NO_REVIEWERS } from "../../src/review/reviewers.js";
import { adapterTestOptions } from "../helpers/adapter-test-options.js";
import { dispatchedTexts } from "../helpers/dispatched-texts.js";
import { createHarness, type Harness } from "../helpers/harness.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Another process holding SQLite's write lock for `ms` (as `sqlite3` or a backup tool would), once it has it. */
async function holdWriteLock(path: string, ms: number): Promise<ChildProcess> {
  const script = `const db = require("better-sqlite3")(${JSON.stringify(path)}); db.exec("begin immediate"); process.stdout.write("locked\\n"); setTimeout(() => { db.exec("rollback"); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ["-e", script], { cwd: ROOT });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return child;
}

describe("the SQLite database locked by another process", () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it("a short lock is waited out; a long one gets 'send it again', and the next message is served", async () => {
    harness = await createHarness();
    const path = join(harness.dir, "assistant.db");
    const say = dispatchedTexts(adapterTestOptions(harness, NO_REVIEWERS));
    await say("/start");

    let holder = await holdWriteLock(path, 1_500); // within the 5 s busy timeout
    expect(await say("/status")).toMatch(/no application/i);
    await new Promise((resolve) => holder.once("exit", resolve));

    holder = await holdWriteLock(path, 7_000); // longer than the busy timeout
    expect(await say("/status")).toBe("Sorry, something went wrong on our side and your last message was not saved. Please send it again.");
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(await say("/status")).toMatch(/no application/i);
  }, 30_000);
});
