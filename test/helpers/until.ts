/** Waits until `check` holds: what a test waits for happens after an acknowledgement, an answer or a signal. */
export async function until(check: () => boolean | Promise<boolean>, what = "the expected effect", timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
