import { createDecipheriv } from "node:crypto";

/**
 * Decryption as someone holding the keys and a copy of the raw bytes would do it: AES-GCM is CTR
 * underneath, so a sealed value decrypts without its tag, its place (associated data) or anything
 * but the key. Every sealed token found is tried with every key known; a wrapped user key that
 * opens joins the keys. What this cannot open, nobody holding `DATA_ENCRYPTION_KEYS` can.
 */
export class RawDecrypter {
  private readonly keys: Buffer[];

  constructor(dataKeys: readonly Buffer[]) {
    this.keys = [...dataKeys];
  }

  /** Sealed text tokens (`enc1:`, `enc2:`, `encu:`) in any bytes: pages, dead row versions, logs. */
  static tokensIn(bytes: Buffer | string): string[] {
    const text = typeof bytes === "string" ? bytes : bytes.toString("latin1");
    return [...text.matchAll(/enc[12u]:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{40,}=*/g)].map(([token]) => token);
  }

  /** Every plain text the token decrypts to under the keys known (garbage for the wrong key). */
  open(token: string): string[] {
    const body = Buffer.from(token.slice(token.indexOf(":", 5) + 1), "base64");
    return this.decryptAll(body);
  }

  /** Sealed bytes (a document file): the header is skipped, the body decrypted with every key known. */
  openBytes(stored: Buffer): string[] {
    if (!/^VAENC[12U]\n/.test(stored.subarray(0, 7).toString("latin1"))) return [];
    const idLength = stored[7]!;
    return this.decryptAll(stored.subarray(8 + idLength));
  }

  /** Sealed bytes anywhere in raw bytes (a document in a database page): each found is decrypted as far as it is contiguous. */
  openBytesWithin(raw: Buffer): Buffer[] {
    const opened: Buffer[] = [];
    for (let at = raw.indexOf("VAENC"); at >= 0; at = raw.indexOf("VAENC", at + 1)) {
      if (!/^VAENC[12U]\n$/.test(raw.subarray(at, at + 7).toString("latin1"))) continue;
      const body = raw.subarray(at + 8 + raw[at + 7]!);
      opened.push(...this.decryptAll(body, "bytes"));
    }
    return opened;
  }

  /** Learns the user keys among `tokens` (a wrapped key decrypts to `<16 hex>.<base64 of 32 bytes>`); returns how many. */
  learnUserKeys(tokens: readonly string[]): number {
    let learnt = 0;
    for (const token of tokens) {
      for (const plain of this.open(token)) {
        const match = /^[0-9a-f]{16}\.([A-Za-z0-9+/]{43}=)$/.exec(plain);
        const key = match && Buffer.from(match[1]!, "base64");
        if (key && !this.keys.some((known) => known.equals(key))) {
          this.keys.push(key);
          learnt++;
        }
      }
    }
    return learnt;
  }

  private decryptAll(body: Buffer): string[];
  private decryptAll(body: Buffer, as: "bytes"): Buffer[];
  private decryptAll(body: Buffer, as: "text" | "bytes" = "text"): Array<string | Buffer> {
    if (body.length < 28) return [];
    const counter = Buffer.concat([body.subarray(0, 12), Buffer.from([0, 0, 0, 2])]);
    return this.keys.map((key) => {
      const decipher = createDecipheriv("aes-256-ctr", key, counter);
      const plain = Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]);
      return as === "bytes" ? plain : plain.toString("utf8");
    });
  }
}
