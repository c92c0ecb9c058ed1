import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueAnnouncement } from "../../src/notifications/announce.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { dispatcherFor } from "../helpers/notification-harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const USERS = 150;

/**
 * Three instances' dispatchers over one PostgreSQL outbox, running at once: each
 * claims due deliveries with `FOR UPDATE SKIP LOCKED` under a lease, so every
 * message goes out exactly once, and a dead instance's claim is retaken only
 * after its lease.
 */
describe.runIf(TESTED_DIALECTS.includes("postgres"))("several dispatchers on one PostgreSQL outbox", () => {
  const instances: Harness[] = [];
  beforeAll(async () => {
    instances.push(await createHarness({ dialect: "postgres", now: new Date() }));
    for (let i = 0; i < 2; i++) instances.push(await createHarness({ dialect: "postgres", sharing: { database: instances[0]!.database } }));
    const [first] = instances;
    for (let user = 0; user < USERS; user++) await first!.chat(`user${user}`).text("/start");
    await queueAnnouncement(first!.store, { zh: "维护通知", en: "Maintenance notice" }, 30, new Date());
  }, 120_000);
  afterAll(async () => {
    for (const instance of instances.reverse()) await instance.close();
  });

  it("send each of 150 messages exactly once between them", async () => {
    const sent: string[] = [];
    const send = async (reply: { to: { chatId: string } }) => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // a platform's round trip: the others run meanwhile
      sent.push(reply.to.chatId);
    };
    const dispatchers = instances.map((instance) => dispatcherFor(instance, { chat: send, batch: 20 }));
    for (let round = 0; round < 10 && sent.length < USERS; round++)
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.runOnce()));
    expect(sent).toHaveLength(USERS);
    expect(new Set(sent).size).toBe(USERS);
  });
});
