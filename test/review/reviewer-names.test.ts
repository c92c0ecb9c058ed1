import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { cleanDisplayName } from "../../src/review/reviewer-display.js";
import { roomReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, readable, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

describe.each(TESTED_DIALECTS)("reviewers named by their display name on %s", (dialect) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await createHarness({ dialect, reviewers: roomReviewers("telegram", "-100", ["900", "901"], "private") });
  });
  afterEach(() => harness.close());

  const card = (replies: Reply[]) => readable(replies.filter((reply) => reply.card));
  const reviewer = (id: string, displayName?: string) => {
    const chat = harness.chat(id, "telegram");
    return (choice: string) => chat.send({ kind: "choice", choice, ...(displayName === undefined ? {} : { displayName }) });
  };

  it("the name the platform gives now, never the account id; a changed name replaces the old one", async () => {
    const reference = await submitWithPhone(harness, "alice");
    const claimed = await reviewer("900", "Rita Chen")(`rv.cl.${reference}`);
    expect(card(claimed)).toMatch(/In review by Rita Chen until Mon 23 Nov, 10:30 UTC\+8/);
    const refused = await reviewer("901", "Rob")(`rv.ok.${reference}`);
    expect(readable(refused)).toMatch(/in review by Rita Chen until/);
    const approved = await reviewer("900", "Rita C.")(`rv.ok.${reference}`);
    expect(card(approved)).toMatch(/Decided: approved, by Rita C\. on Mon 23 Nov, 10:00 UTC\+8/);
    expect(card(approved)).not.toMatch(/900|Rita Chen/);
  });

  it("a reviewer whose platform gave no name is 'a reviewer'; a name is cleaned of control and formatting characters", async () => {
    const reference = await submitWithPhone(harness, "alice");
    expect(card(await reviewer("900", "")(`rv.cl.${reference}`))).toMatch(/In review by a reviewer until/);
    expect(card(await reviewer("900", "\u202eRita\u0000\n  Chen")(`rv.rl.${reference}`))).not.toMatch(/In review/);
    expect(card(await reviewer("900", "\u202eRita\u0000\n  Chen")(`rv.cl.${reference}`))).toMatch(/In review by Rita Chen until/);
  });
});

describe("cleanDisplayName", () => {
  it("keeps one readable line of at most 64 characters", () => {
    expect(cleanDisplayName("  李\t娜 ")).toBe("李 娜");
    expect(cleanDisplayName("\u200b\u0007")).toBeUndefined();
    expect(cleanDisplayName(undefined)).toBeUndefined();
    expect([...cleanDisplayName("名".repeat(100))!]).toHaveLength(64);
  });
});
