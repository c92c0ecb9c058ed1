import type { Kysely, Transaction } from "kysely";
import type { SealedPlace, Sealer, SealOptions, UserKey } from "../src/ports/sealer.js";
import type { Database } from "./schema.js";
import type { UserKeys } from "./user-keys.js";

type Db = Transaction<Database> | Kysely<Database>;

/** One owner's sealing: a user's values under their own key, or the service's under the data keys. */
export interface Seal {
  text(plain: string, place: SealedPlace, options?: SealOptions): string;
  open(stored: string, place: SealedPlace): string;
}

/**
 * Sealing as the store uses it: the keyring, and the users' keys it wraps. A user's personal data
 * is sealed under that user's key (erasure destroys it); values that are nobody's — the service's
 * keys, unattributed FAQ questions, an erased application's empty answers — under the data keys.
 */
export class Vault {
  constructor(
    readonly sealer: Sealer,
    readonly userKeys: UserKeys,
  ) {}

  /** A user's sealing on `db` (their key is created with their first sealed value). */
  async user(db: Db, userId: string): Promise<Seal> {
    return this.with(await this.userKeys.of(db, userId));
  }

  /** The sealing of a value whose owner is `userId`, or the service's when it is nobody's. */
  async owner(db: Db, userId: string | null): Promise<Seal> {
    return userId ? this.user(db, userId) : this.service;
  }

  /** The service's own sealing (data keys); it opens a user's values only where given their key. */
  readonly service: Seal = this.with(undefined);

  private with(key: UserKey | undefined): Seal {
    return {
      text: (plain, place, options) => this.sealer.sealText(plain, place, key, options),
      open: (stored, place) => this.sealer.openText(stored, place, key),
    };
  }
}

/** A value's place: its table, column and row key (key columns joined by ":", as `db/sealed-columns.ts` joins them). */
export function place(table: string, column: string, ...row: string[]): SealedPlace {
  return { table, column, row: row.join(":") };
}
