import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AssistantProcess, runCli, testEnv } from "../helpers/child-process.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

// Issue 28 §8: the console's opened (decrypted) copies of documents go with the data, whoever erases it,
// and with the console, however it ends — a closed terminal (SIGHUP) and a kill (removed at the next start) included.
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "assistant-copies-"));
  writeFileSync(join(dir, "front.jpg"), await minimalGoodJpeg(1));
  writeFileSync(join(dir, "back.jpg"), await minimalGoodJpeg(2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openedCopies = (stdout: string, from = 0) =>
  [...stdout.slice(from).matchAll(/^ {4}📎 ID card, \w+: (\/\S+)$/gm)].map((match) => match[1]!);

/** The reviewer opens the waiting application; the paths of the opened copies printed. */
async function openAsReviewer(assistant: AssistantProcess): Promise<string[]> {
  const from = assistant.stdout.length;
  assistant.write("/as reviewer");
  assistant.write("/queue");
  await assistant.press("Take next", from);
  await assistant.press("Open privately", from);
  await assistant.waitFor(/📎 ID card, back: /, from);
  const copies = openedCopies(assistant.stdout, from);
  expect(copies).toHaveLength(2);
  expect(copies.every((path) => existsSync(path))).toBe(true);
  return copies;
}

describe("the console's opened copies of documents", () => {
  it("a killed console's copies go at the next start, a closed terminal's at once, an erasure by the CLI's within seconds", async () => {
    const env = testEnv(join(dir, "data"));
    const first = new AssistantProcess(env);
    for (const line of ["/start", "1", "Zhang San", "zhang.san@example.com", "13812348000"]) first.write(line);
    await first.press("Personal ID card");
    for (const line of ["11010519491231002X", `/file ${join(dir, "front.jpg")}`, `/file ${join(dir, "back.jpg")}`]) first.write(line);
    await first.press("Submit (I agree)");
    const killed = await openAsReviewer(first);
    await first.kill("SIGKILL"); // no handler runs: the copies stay behind…
    expect(killed.every((path) => existsSync(path))).toBe(true);

    const second = new AssistantProcess(env);
    await second.waitForStderr(/console chat ready/);
    expect(existsSync(dirname(killed[0]!))).toBe(false); // …until the next console starts
    const hungUp = await openAsReviewer(second);
    await second.kill("SIGHUP");
    expect(hungUp.some((path) => existsSync(path))).toBe(false);

    const third = new AssistantProcess(env);
    const opened = await openAsReviewer(third);
    const from = third.stdout.length;
    third.write("/as alice");
    third.write("/privacy");
    await third.press("Delete my data", from);
    await third.press("Withdraw application", from);
    await third.press("Yes, withdraw it", from);
    await third.waitFor(/withdrawn/i, from);
    const erased = runCli(["privacy", "erase", "console", "alice", "--yes"], env);
    expect(erased.code, erased.stderr).toBe(0);
    // No line is typed in the console: its sweep finds the documents gone by itself.
    await vi.waitFor(() => expect(opened.some((path) => existsSync(path))).toBe(false), { timeout: 10_000, interval: 200 });
    expect(await third.end()).toBe(0);
  }, 90_000);
});
