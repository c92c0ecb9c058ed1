import { afterEach, describe, expect, it } from "vitest";
import { NO_REVIEWERS } from "../../src/review/reviewers.js";
import { adapterTestOptions } from "../helpers/adapter-test-options.js";
import { dispatchedTexts } from "../helpers/dispatched-texts.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { admin, TESTED_DIALECTS } from "../helpers/test-databases.js";

const SORRY = "Sorry, something went wrong on our side and your last message was not saved. Please send it again.";

/**
 * PostgreSQL restarted under a running assistant, as its clients see it: every connection of the
 * database cut (`pg_terminate_backend`: what a restart does to them), then new connections refused
 * for a while, then accepted again. The server itself is shared by the whole suite and is not
 * stopped; its own crash recovery is PostgreSQL's to test.
 */
describe.skipIf(!TESTED_DIALECTS.includes("postgres"))("PostgreSQL restarted mid-run", () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it("the user is asked to send it again, nothing confirmed is lost, and the next message once it is back is served", async () => {
    harness = await createHarness({ dialect: "postgres" });
    const database = new URL((harness.database as { url: string }).url).pathname.slice(1);
    const say = dispatchedTexts(adapterTestOptions(harness, NO_REVIEWERS));
    await say("/start");
    await harness.chat("alice").press("start");
    expect(await say("Zhang San")).toMatch(/email/i);

    await admin(`alter database ${database} allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}'`);
    expect(await say("zhang.san@example.com")).toBe(SORRY);
    expect(await say("zhang.san@example.com")).toBe(SORRY); // still down: the same clear answer, no crash

    await admin(`alter database ${database} allow_connections true`);
    expect(await say("zhang.san@example.com")).toMatch(/phone/i); // the name given before is kept; the email is taken now
    const draft = await harness.store.transaction(async (tx) => tx.loadDraft((await tx.findUserId("console", "alice"))!));
    expect(draft).toMatchObject({ name: "Zhang San", email: "zhang.san@example.com" });
  }, 30_000);
});
