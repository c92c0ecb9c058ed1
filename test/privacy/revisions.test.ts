import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, submitWithPhone } from "../helpers/harness.js";
import { reviewStore } from "../helpers/review-store.js";

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
});
afterEach(() => harness.close());

const revisions = () =>
  harness.sqlite.prepare("select fields, previous, actor from application_revisions order by id").all() as Array<{
    fields: string;
    previous: string;
    actor: string;
  }>;

describe("revisions, not overwrites", () => {
  it("asked only for the email, the user can change only the email; the old one is kept sealed, the audit names the field", async () => {
    const reference = await submitWithPhone(harness, "alice");
    // The phone method's requestable items are name, email, phone: bit 1 is the email.
    await harness.chat("rita").press(`rv.ig.${reference}.${1 << 1}`);
    await harness.chat("rita").press("rv.nn");
    const alice = harness.chat("alice");
    expect(keys(await alice.press("provideInfo"))).toEqual(["provideInfo.started", "ask.email"]);
    const summary = await alice.text("alice.new@example.com");
    expect(keys(summary)).toContain("summary.title");
    const pick = await alice.press("edit");
    expect(pick.at(-1)?.choices?.map((choice) => choice.id)).toEqual(["edit.email", "editDone"]);
    expect(keys(await alice.press("edit.name"))).toEqual(["input.staleChoice", "edit.prompt"]);
    await alice.press("editDone");
    await alice.press("submit");
    expect(keys(await alice.press("consent.agree"))).toContain("provideInfo.done");

    const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
    expect(application?.draft).toMatchObject({ name: "张三", email: "alice.new@example.com" });
    const [revision] = revisions();
    expect(JSON.parse(revision!.fields)).toEqual(["email"]);
    expect(revision!.previous).toMatch(/^encu:/);
    const [{ id, user_id }] = (await harness.rows("select id, user_id from applications")) as [{ id: string; user_id: string }];
    const at = { table: "application_revisions", column: "previous", row: id };
    expect(JSON.parse(await harness.openSealed(revision!.previous, at, user_id)).details.email).toBe("alice@example.com");
    const trail = await reviewStore(harness.store).auditTrail(reference);
    expect(trail?.map((entry) => entry.reason)).toContain("revised:email");
    expect(JSON.stringify(trail)).not.toContain("alice.new@example.com");
  });

  it("whatever the draft carries, only the requested items reach the application (the rule is the store path's, not the buttons')", async () => {
    const reference = await submitWithPhone(harness, "bob");
    await harness.chat("rita").press(`rv.ig.${reference}.${1 << 1}`);
    await harness.chat("rita").press("rv.nn");
    // The conversation's draft is edited behind the buttons' back: a name change must not get through.
    const bob = harness.chat("bob");
    await bob.press("provideInfo");
    const row = harness.sqlite.prepare("select snapshot, user_id from conversations where chat_id = 'bob'").get() as {
      snapshot: string;
      user_id: string;
    };
    const at = { table: "conversations", column: "snapshot", row: "console:bob" };
    const snapshot = JSON.parse(await harness.openSealed(row.snapshot, at, row.user_id));
    snapshot.context.draft.name = "Someone Else";
    harness.sqlite
      .prepare("update conversations set snapshot = ? where chat_id = 'bob'")
      .run(await harness.seal(JSON.stringify(snapshot), at, row.user_id));
    await bob.text("bob.new@example.com");
    await bob.press("submit");
    await bob.press("consent.agree");
    const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
    expect(application?.draft).toMatchObject({ name: "张三", email: "bob.new@example.com" });
  });

  it("a contact update after approval is a revision too", async () => {
    const reference = await submitWithPhone(harness, "carol");
    await harness.chat("rita").press(`rv.ok.${reference}`);
    const carol = harness.chat("carol");
    await carol.press("update.email");
    await carol.text("carol.new@example.com");
    expect((await findUserRecord(harness.store, "console", "carol", "2026-11-23"))?.verified).toBe(true);
    const [revision] = revisions();
    expect(JSON.parse(revision!.fields)).toEqual(["email"]);
    expect(revision!.actor).toBe("user:console:carol");
  });
});

describe("the audit log", () => {
  it("is append-only in the database: no delete, no change of its facts (a note's sealing may be rewritten by key rotation)", async () => {
    await submitWithPhone(harness, "dave");
    const { id, application_id } = harness.sqlite.prepare("select id, application_id from audit_log limit 1").get() as {
      id: number;
      application_id: string;
    };
    const note = await harness.seal("n", { table: "audit_log", column: "note", row: application_id });
    expect(() => harness.sqlite.prepare("delete from audit_log where id = ?").run(id)).toThrow(/append-only/);
    expect(() => harness.sqlite.prepare("update audit_log set actor = 'someone' where id = ?").run(id)).toThrow(/append-only/);
    expect(() => harness.sqlite.prepare("update audit_log set to_status = 'approved' where id = ?").run(id)).toThrow(/append-only/);
    expect(() => harness.sqlite.prepare("update audit_log set note = ? where id = ?").run(note, id)).not.toThrow();
  });
});
