/** Re-sealing stored values with the current key after a new key was put first (`cli keys rotate`). */
export interface SealedColumns {
  /** How many stored values are not yet sealed with the current key (older keys, or written before encryption). */
  remaining(): Promise<number>;
  /** Re-seals up to `limit` of them in one transaction; returns how many. Safe to stop and run again. */
  resealBatch(limit: number): Promise<number>;
}
