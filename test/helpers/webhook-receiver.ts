import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One POST the receiver got, whatever it answered. */
export interface Receipt {
  accepted: boolean;
  id: string;
  type: string;
  reference: string;
  idempotencyKey: string | undefined;
  signatureValid: boolean;
  body: Record<string, unknown>;
  raw: string;
}

/**
 * The receiver check of docs/integration.md, written here from the contract, not imported from the
 * sender: HMAC-SHA256 of "<t>.<raw body>" with the secret, t no older than five minutes.
 */
export function verifySignature(rawBody: string, header: string | undefined, secret: string, nowSeconds = Date.now() / 1000): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || nowSeconds - t > 300 || t - nowSeconds > 300) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A real HTTP receiver for webhooks: records every POST; `up = false` answers 503 (a receiver that is down). */
export async function startWebhookReceiver(secret: string) {
  const receipts: Receipt[] = [];
  const state = { up: true };
  const server: Server = createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
    request.on("end", () => {
      const body = JSON.parse(raw) as { id: string; type: string; data: { reference: string } };
      const signatureValid = verifySignature(raw, request.headers["verification-signature"] as string | undefined, secret);
      const accepted = state.up && signatureValid;
      receipts.push({
        accepted,
        id: body.id,
        type: body.type,
        reference: body.data.reference,
        idempotencyKey: request.headers["idempotency-key"] as string | undefined,
        signatureValid,
        body: body as unknown as Record<string, unknown>,
        raw,
      });
      response.writeHead(accepted ? 204 : state.up ? 401 : 503).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/verification`,
    receipts,
    /** The receipts the receiver took (answered 2xx). */
    accepted: () => receipts.filter((receipt) => receipt.accepted),
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
