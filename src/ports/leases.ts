/**
 * Leases on a job only one instance may do at a time (long polling Telegram):
 * held until a time, renewed by their holder while it runs, free again once
 * they run out (a dead holder) or are released.
 */
export interface Leases {
  /** Takes or renews `name` for `holder` until `until`; false while another holder's lease runs. */
  take(name: string, holder: string, until: Date, now: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}
