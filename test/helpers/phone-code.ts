import type { Harness } from "./harness.js";

/** Registers `user` with `phone` and picks the phone method: the first code is sent (or refused: see the replies). */
export async function atPhoneCode(harness: Harness, user: string, phone: string) {
  const chat = harness.chat(user);
  await chat.press("start");
  await chat.text("Probe Person");
  await chat.text(`${user}@example.com`);
  await chat.text(phone);
  return { chat, first: await chat.press("method.phone") };
}
