import pino from "pino";
import { Outbound } from "../../src/chat/outbound.js";
import type { ReviewerPerson } from "../../src/domain/reviewer-people.js";
import { combineReviewers, withPeople } from "../../src/review/reviewers.js";
import { createHarness, type HarnessOptions } from "./harness.js";
import { createSlackHarness, slackReviewers } from "./slack-harness.js";
import { createTelegramHarness, telegramReviewers } from "./telegram-harness.js";

/** One engine with both adapters, as `npm start` runs them with both tokens set; `close` stops all three. */
export async function createBothPlatforms({
  people = [],
  ...options
}: Omit<HarnessOptions, "reviewers"> & { people?: ReviewerPerson[] } = {}) {
  const reviewers = withPeople(combineReviewers([slackReviewers(), telegramReviewers()]), people);
  const engine = await createHarness({ ...options, reviewers });
  const outbound = new Outbound(pino({ level: "silent" }));
  const s = await createSlackHarness({ harness: engine, reviewers, outbound });
  const t = await createTelegramHarness({ harness: engine, reviewers, outbound });
  return {
    engine,
    s,
    t,
    async close() {
      await s.close();
      await t.close();
      await engine.close();
    },
  };
}
