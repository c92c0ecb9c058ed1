import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AssistantProcess, runCli, runConsoleWithInput, testEnv } from "../helpers/child-process.js";
import { renderCard } from "../helpers/document-cards.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "assistant-console-"));
  writeFileSync(join(dir, "front.jpg"), await minimalGoodJpeg(1));
  writeFileSync(join(dir, "back.jpg"), await minimalGoodJpeg(2));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("console chat (npm start without tokens)", () => {
  it("with OCR on (the default): the ID number on the photo differs from the typed one — told with the buttons, in time or as a follow-up", async () => {
    const card = await renderCard("portrait", 4, { rotation: 2, blur: 0, jpegQuality: 88 });
    writeFileSync(join(dir, "card.jpg"), card.bytes);
    const typed = "11010519491231002X";
    const env = testEnv(join(dir, "data"), { OCR: "on" });
    const { code, stdout, stderr } = runConsoleWithInput(
      ["/start", "1", "Zhang San", "zhang.san@example.com", "138 1234 8000", "5", typed, `/file ${join(dir, "card.jpg")}`],
      env,
    );
    expect(code, stderr).toBe(0);
    // In time for the reply, or as a follow-up printed when it arrives (before exit at end of input): the same finding and buttons.
    expect(stdout).toMatch(/The ID number on the photo ends …\w{4}; you typed …\w{4} \(\d+ of 18 characters differ\)\./);
    expect(stdout).toMatch(/ {4}\[(\d+)\] Fix the number\n {4}\[\d+\] Send another photo\n {4}\[\d+\] The number I typed is right\n/);
    expect(stdout).not.toContain(card.idNumber!);
  }, 60_000);

  it("takes a user from /start to a submitted application, piped, and cli status confirms it", () => {
    const env = testEnv(join(dir, "data"));
    const { code, stdout, stderr } = runConsoleWithInput(
      [
        "/start",
        "1", // Start verification
        "Zhang San",
        "zhang.san@example.com",
        "138 1234 8000",
        "5", // Personal ID card (buttons are numbered across the run: [5]–[7] are the methods)
        "11010519491231002x",
        `/file ${join(dir, "front.jpg")}`,
        `/file ${join(dir, "missing.jpg")}`,
        `/file ${join(dir, "back.jpg")}`,
        "8", // Submit (I agree)
      ],
      env,
    );
    expect(code, stderr).toBe(0);
    // One console reviewer (the default) under FOUR_EYES=enterprise: said at start, on the log.
    expect(stderr).toContain("FOUR_EYES=enterprise takes two different reviewers to approve, and 1 is configured");
    expect(stdout).toContain("bot → alice: Hello! I'm the verification assistant.");
    expect(stdout).toContain("bot → alice: What would you like to do?\n    [1] Start verification\n    [2] Check status\n");
    expect(stdout).toContain("bot → alice: This photo can't be used yet:\n• There is no file at that path.");
    expect(stdout).toContain("• ID number: 110105********002X");
    // Stdout is the chat only: every line is a bot message, its continuation or a button.
    expect(stdout).not.toContain('"level"');
    const reference = /Your reference is ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(stdout)?.[1];
    expect(reference).toBeDefined();

    const status = runCli(["status", "console", "alice", "--json"], env);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual({
      platform: "console",
      user: "alice",
      account: "active",
      verified: false,
      application: {
        reference,
        status: "submitted",
        method: "id_card",
        submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        expectedBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        reasons: [],
      },
    });
  }, 60_000);

  it("prints the development SMS so the phone method can be completed in the console", async () => {
    const chat = new AssistantProcess(testEnv(join(dir, "data")));
    for (const line of ["/as bob", "hi", "1", "Bob Lee", "bob@example.com", "13812348000"]) chat.write(line);
    await chat.press("Phone");
    const sms = await chat.waitFor(/sms → \+86 138\*\*\*\*8000: .*?(\d{6})/);
    const from = chat.stdout.length;
    chat.write(sms[1]!);
    await chat.waitFor(/Phone number confirmed\./, from);
    await chat.press("Submit (I agree)", from);
    expect(await chat.end()).toBe(0);
    expect(chat.stdout).toContain("bot → bob: Submitted!");
  }, 60_000);

  it("resumes the same step with the answers so far after SIGKILL", async () => {
    const env = testEnv(join(dir, "data"));
    const first = new AssistantProcess(env);
    for (const line of ["/start", "1", "Zhang San", "zhang.san@example.com"]) first.write(line);
    await first.waitFor(/Please enter your mobile phone number/);
    await first.kill();

    const second = new AssistantProcess(env);
    second.write("13812348000");
    await second.waitFor(/Choose a verification method:/);
    second.write("/status");
    expect(await second.end()).toBe(0);
    expect(second.stdout).toContain("3 of 4 items done");
  }, 60_000);

  it("review round trip: alice submits, the reviewer rejects, alice resubmits the flagged photos, the reviewer approves", () => {
    const env = testEnv(join(dir, "data"));
    const front = `/file ${join(dir, "front.jpg")}`;
    const back = `/file ${join(dir, "back.jpg")}`;
    const { code, stdout, stderr } = runConsoleWithInput(
      [
        "/start",
        "1", // Start verification
        "Zhang San",
        "zhang.san@example.com",
        "138 1234 8000",
        "[Personal ID card]", // buttons pressed by label: the same whatever their numbers
        "11010519491231002x",
        front,
        back,
        "[Submit (I agree)]",
        "/as reviewer",
        "[Reject]",
        "[☐ ID card side missing]", // → ☑ (retryable)
        "[Continue]",
        "[No note]",
        "/as alice",
        "[Resubmit]",
        front,
        back,
        "[Submit (I agree)]",
        "/as reviewer",
        "[Open privately]", // approving needs the documents seen since the last change
        "[Approve]", // the new card's
      ],
      env,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/bot → reviewer: 📋 Application [A-Z0-9]{4}-[A-Z0-9]{4} · Personal ID card/);
    expect(stdout).toContain("bot → alice: Your application");
    expect(stdout).toContain("• One side of the ID card was missing.");
    expect(stdout).toContain("bot → alice: Let's fix application");
    expect(stdout).toMatch(/Resubmission of [A-Z0-9]{4}-[A-Z0-9]{4}, rejected on \w{3} \d+ \w{3}: ID card side missing/);
    expect(stdout).toContain("bot → alice: 🎉 Your application");
    const status = JSON.parse(runCli(["status", "console", "alice", "--json"], env).stdout);
    expect(status).toMatchObject({ verified: true, application: { status: "approved", method: "id_card" } });
  }, 60_000);

  it("a data export is saved to a file (0600) whose path is printed; opened copies go when the data is erased, and on SIGTERM", async () => {
    const env = testEnv(join(dir, "data"));
    const openedCopies = (stdout: string) => [...stdout.matchAll(/^ {4}📎 ID card, \w+: (\/\S+)$/gm)].map((m) => m[1]!);
    const first = new AssistantProcess(env);
    for (const line of ["/start", "1", "Zhang San", "zhang.san@example.com", "13812348000"]) first.write(line);
    await first.press("Personal ID card");
    for (const line of ["11010519491231002X", `/file ${join(dir, "front.jpg")}`, `/file ${join(dir, "back.jpg")}`]) first.write(line);
    await first.press("Submit (I agree)");
    first.write("/as reviewer");
    await first.press("Open privately");
    await first.waitFor(/📎 ID card, back: /);
    const copies = openedCopies(first.stdout);
    expect(copies).toHaveLength(2);
    expect(copies.every((path) => existsSync(path))).toBe(true);
    expect(await first.kill("SIGTERM")).toBe(0);
    expect(copies.some((path) => existsSync(path))).toBe(false);

    const second = new AssistantProcess(env);
    second.write("/as reviewer");
    second.write("/queue");
    await second.press("Take next");
    await second.press("Open privately");
    await second.waitFor(/📎 ID card, back: /);
    const reopened = openedCopies(second.stdout);
    expect(reopened.every((path) => existsSync(path))).toBe(true);
    second.write("/as alice");
    second.write("/privacy");
    await second.press("Export my data");
    await typeProofCode(second); // issue 28 §15: a fresh code to the registered phone first
    const saved = await second.waitFor(/^ {4}📄 my-data-\d{4}-\d{2}-\d{2}\.json \((\d+) bytes\): (\S+)$/m);
    expect(statSync(saved[2]!).mode & 0o777).toBe(0o600);
    expect(statSync(saved[2]!).size).toBe(Number(saved[1]));
    const exported = readFileSync(saved[2]!, "utf8");
    expect(JSON.parse(exported)).toBeTypeOf("object");
    expect(second.stdout).not.toContain(exported.slice(0, 100)); // in the file, not on the terminal
    await second.press("Delete my data");
    await second.press("Withdraw application");
    await second.press("Yes, withdraw it");
    const from = second.stdout.length;
    second.write("/privacy");
    await second.press("Delete my data", from);
    await typeProofCode(second, from);
    await second.waitFor(/Yes, delete/, from);
    await second.press(/Yes, delete[^\n]*/.exec(second.stdout.slice(from))![0], from);
    await second.waitFor(/your personal data has been erased/, from);
    // Swept right after that line's replies are printed.
    await vi.waitFor(() => expect(reopened.some((path) => existsSync(path))).toBe(false));
    expect(await second.end()).toBe(0);
  }, 60_000);

  it("exits non-zero naming the variable when the configuration is invalid", () => {
    const { code, stderr } = runConsoleWithInput([], testEnv(join(dir, "data"), { LOG_LEVEL: "loud" }));
    expect(code).toBe(2);
    expect(stderr).toContain("LOG_LEVEL");
  });
});

/** Types the code of the latest proof SMS the console printed (after `from`), once it is there. */
async function typeProofCode(assistant: AssistantProcess, from = 0): Promise<void> {
  await assistant.waitFor(/we sent a 6-digit code to/, from);
  const codes = [...assistant.stdout.slice(from).matchAll(/^sms → .*Your code is (\d{6})/gm)];
  assistant.write(codes.at(-1)![1]!);
}
