import pino from "pino";
import { describe, expect, it } from "vitest";
import { ReplyConfirmations } from "../../src/engine/reply-confirmations.js";
import type { ReplyConfirmation } from "../../src/ports/conversation-store.js";

describe("reply confirmations", () => {
  const written: ReplyConfirmation[][] = [];
  const confirmations = () =>
    new ReplyConfirmations({ confirmReplies: async (batch) => void written.push([...batch]) }, pino({ level: "silent" }));
  const event = { platform: "telegram" as const, id: "u1" };

  it("pass each confirmation on as given: a count of replies for the event's own chat, or all of them", async () => {
    written.length = 0;
    const kept = confirmations();
    kept.add(event, 1); // the first of its replies
    await kept.flush();
    kept.add(event); // all of them
    await kept.flush();
    expect(written).toEqual([[{ platform: "telegram", eventId: "u1", sent: 1 }], [{ platform: "telegram", eventId: "u1" }]]);
  });

  it("write those arriving while one is written together, next", async () => {
    written.length = 0;
    const kept = confirmations();
    kept.add({ platform: "telegram", id: "a" });
    kept.add({ platform: "telegram", id: "b" });
    kept.add({ platform: "slack", id: "c" }, 1);
    await kept.flush();
    expect(written).toEqual([
      [{ platform: "telegram", eventId: "a" }],
      [
        { platform: "telegram", eventId: "b" },
        { platform: "slack", eventId: "c", sent: 1 },
      ],
    ]);
  });
});
