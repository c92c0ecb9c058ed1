import { createHmac } from "node:crypto";

/** The header that carries a webhook's signature (documented for receivers in docs/integration.md). */
export const SIGNATURE_HEADER = "Verification-Signature";

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with `WEBHOOK_SECRET`: the receiver
 * recomputes it over the raw body and refuses an old `t`, so a captured request can't be replayed later.
 */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}
