import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/runtime/config.js";

describe("privacy settings", () => {
  it("default to private review rooms, 90 days after a decision and 30 idle days", () => {
    expect(readConfig({})).toMatchObject({ reviewRoomDetails: "private", retentionDays: 90, conversationRetentionDays: 30 });
  });

  it("take REVIEW_ROOM_DETAILS=room and other periods", () => {
    const config = readConfig({ REVIEW_ROOM_DETAILS: "room", RETENTION_DAYS: "180", CONVERSATION_RETENTION_DAYS: "7" });
    expect(config).toMatchObject({ reviewRoomDetails: "room", retentionDays: 180, conversationRetentionDays: 7 });
  });

  it("refuse anything else, naming the variable", () => {
    expect(() => readConfig({ REVIEW_ROOM_DETAILS: "public" })).toThrow(/^REVIEW_ROOM_DETAILS: must be one of private, room/);
    expect(() => readConfig({ RETENTION_DAYS: "0" })).toThrow(/^RETENTION_DAYS/);
    expect(() => readConfig({ CONVERSATION_RETENTION_DAYS: "two weeks" })).toThrow(/^CONVERSATION_RETENTION_DAYS/);
  });
});
