import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AdapterOptions } from "../../adapters/adapter-options.js";
import { type ChatDispatch, dispatchChatEvent } from "../../adapters/chat-dispatch.js";
import { eraseUserData } from "../../src/applications/privacy-rights.js";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import type { Reply } from "../../src/chat/reply.js";
import { actorId } from "../../src/domain/actor.js";
import { createHarness, type Harness, keys } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

/**
 * A crash between an event's commit and sending its replies: the platform
 * redelivers the update (no 200 was returned, or the offset was not
 * confirmed), and the replies recorded with the event go out then — once.
 */
describe.each(TESTED_DIALECTS)("replies lost to a crash, on %s", (dialect) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await createHarness({ dialect, now: new Date("2026-11-23T02:00:00Z") });
  });
  afterEach(() => harness.close());

  const update = (id: string): ChatEvent => ({ id, platform: "telegram", chatId: "42", userId: "42", kind: "text", text: "/start" });
  /** The adapters' dispatch over this engine, a platform showing each reply with `sendHere`. */
  const dispatchWith = (sendHere: ChatDispatch["sendHere"]) => (event: ChatEvent) =>
    dispatchChatEvent(
      event,
      {
        engine: harness.engine,
        outbound: { deliver: async () => undefined },
        logger: pino({ level: "silent" }),
      } as unknown as AdapterOptions,
      { platform: "telegram", sendHere, apologise: async () => undefined },
    );

  it("are sent by the redelivered update, once; a confirmed event's redelivery sends nothing", async () => {
    const first = await harness.engine.handle(update("u1")); // committed; the process "dies" before sending or confirming
    expect(keys(first)).toContain("menu.prompt");

    harness.setNow(new Date("2026-11-23T02:00:30Z")); // the restart and the redelivery, half a minute later
    expect(await harness.engine.handle(update("u1"))).toEqual(first);
    expect(await harness.engine.handle(update("u1"))).toEqual([]); // once

    const second = await harness.engine.handle(update("u2"));
    harness.engine.repliesDelivered(update("u2"));
    await harness.engine.flushConfirmations();
    harness.setNow(new Date("2026-11-23T02:01:30Z"));
    expect(second.length).toBeGreaterThan(0);
    expect(await harness.engine.handle(update("u2"))).toEqual([]);
  });

  it("an erasure takes the replies still kept for a redelivery: the redelivered update sends nothing of them", async () => {
    const first = await harness.engine.handle(update("u1")); // committed, never confirmed: its replies are kept, sealed
    expect(first.length).toBeGreaterThan(0);
    const userId = await harness.store.exclusiveTransaction((tx) => tx.findUserId("telegram", "42"));
    expect(await eraseUserData(harness.store, harness.documents, userId!, actorId.operator(), harness.now())).not.toHaveProperty("refused");

    harness.setNow(new Date("2026-11-23T02:00:30Z"));
    expect(await harness.engine.handle(update("u1"))).toEqual([]);
  });

  it("confirmations written together, in one statement: per event, all of its replies outrank a count, and a count never goes down", async () => {
    for (const id of ["a", "b", "c"]) await harness.engine.handle(update(id));
    await harness.store.confirmReplies([
      { platform: "telegram", eventId: "a", sent: 1 },
      { platform: "telegram", eventId: "a" },
      { platform: "telegram", eventId: "b", sent: 2 },
      { platform: "telegram", eventId: "b", sent: 1 },
      { platform: "telegram", eventId: "c" },
      { platform: "telegram", eventId: "c", sent: 1 },
    ]);
    const rows = await harness.rows<{ event_id: string; kept: unknown; replies_sent: unknown }>(
      "select event_id, replies is not null as kept, replies_sent from processed_events where event_id in ('a', 'b', 'c') order by event_id",
    );
    expect(rows.map((row) => [row.event_id, Boolean(row.kept), Number(row.replies_sent)])).toEqual([
      ["a", false, 0],
      ["b", true, 2],
      ["c", false, 0],
    ]);
  });

  it("a duplicate arriving while the first delivery may still be sending waits; confirmed meanwhile, it is not answered twice", async () => {
    await harness.engine.handle(update("u3"));
    harness.setNow(new Date("2026-11-23T02:00:02Z")); // two seconds later: another instance may be sending right now
    const duplicate = harness.engine.handle(update("u3"));
    await new Promise((resolve) => setTimeout(resolve, 500));
    harness.engine.repliesDelivered(update("u3")); // …and it was: the platform took them
    await harness.engine.flushConfirmations();
    expect(await duplicate).toEqual([]);
  });

  it("a duplicate arriving soon after a crash (a quick restart) still gets the replies, once, after the grace", async () => {
    const first = await harness.engine.handle(update("u4")); // committed; the sender dies before sending or confirming
    harness.setNow(new Date("2026-11-23T02:00:02Z")); // restarted and redelivered two seconds later
    const started = Date.now();
    expect(await harness.engine.handle(update("u4"))).toEqual(first);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500); // it waited for a sender that might still be at work
    expect(await harness.engine.handle(update("u4"))).toEqual([]); // once
  });

  it("after a crash between two replies, the redelivery sends only those not yet accepted — through the adapters' dispatch", async () => {
    const event = update("u5");
    const shown: string[] = [];
    let crashAfter = 1; // the platform accepts one reply, then the process dies
    const dispatch = dispatchWith(async (reply) => {
      if (crashAfter-- <= 0) throw new Error("the process died");
      shown.push(keys([reply]).join(","));
    });
    await dispatch(event);
    await harness.engine.flushConfirmations();
    expect(shown).toHaveLength(1); // the welcome; the menu was never sent

    harness.setNow(new Date("2026-11-23T02:00:30Z")); // restarted; Telegram redelivers the update it got no 200 for
    crashAfter = Number.POSITIVE_INFINITY;
    await dispatch(event);
    await harness.engine.flushConfirmations();
    expect(shown).toHaveLength(2);
    expect(shown[1]).toContain("menu.prompt"); // the rest, and only the rest
    expect(new Set(shown).size).toBe(2);
    expect(await harness.engine.handle(event)).toEqual([]); // all confirmed now: nothing again
  });

  it("a last reply carried by the platform's answer stays unconfirmed: a redelivery (the answer was lost) sends it again, and only it", async () => {
    const event = update("u6");
    const shown: Array<{ key: string; mayAnswer: boolean }> = [];
    const dispatch = dispatchWith(async (reply, mayAnswer) => {
      shown.push({ key: keys([reply]).join(","), mayAnswer });
      return mayAnswer; // in the answer whenever it may be
    });
    await dispatch(event);
    await harness.engine.flushConfirmations();
    expect(shown.map((entry) => entry.mayAnswer)).toEqual([false, true]); // the welcome by call, the menu in the answer

    harness.setNow(new Date("2026-11-23T02:00:30Z"));
    await dispatch(event);
    await harness.engine.flushConfirmations();
    expect(shown.slice(2)).toEqual([{ key: shown[1]!.key, mayAnswer: true }]);
  });
});

describe("which reply may travel in the platform's answer", () => {
  const event: ChatEvent = { id: "e1", platform: "telegram", chatId: "42", userId: "42", kind: "text", text: "/start" };
  const reply = (to?: Reply["to"]): Reply => ({ locale: "en", body: [], ...(to ? { to } : {}) });

  async function dispatched(replies: Reply[]) {
    const offered: boolean[] = [];
    const confirmations: Array<number | undefined> = [];
    const options = {
      engine: { handle: async () => replies, repliesDelivered: (_event: unknown, sent?: number) => confirmations.push(sent) },
      outbound: { deliver: async () => undefined },
      logger: pino({ level: "silent" }),
    } as unknown as AdapterOptions;
    const dispatch = {
      platform: "telegram" as const,
      sendHere: async (_reply: Reply, mayAnswer: boolean) => {
        offered.push(mayAnswer);
        return mayAnswer;
      },
      apologise: async () => undefined,
    };
    await dispatchChatEvent(event, options, dispatch);
    return { offered, confirmations };
  }

  it("the last one for the event's own chat, then left unconfirmed", async () => {
    expect(await dispatched([reply(), reply(), reply()])).toEqual({ offered: [false, false, true], confirmations: [1, 2] });
  });

  it("none when something goes to another chat too: the answer would not be the event's last word, and the event is confirmed whole", async () => {
    const elsewhere = reply({ platform: "telegram", chatId: "-100" });
    expect(await dispatched([reply(), elsewhere, reply()])).toEqual({ offered: [false, false], confirmations: [1, undefined] });
  });
});
