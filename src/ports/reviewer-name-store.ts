/** How reviewers are named to each other: the display name their platform last gave, by actor string. */
export interface ReviewerNameStore {
  /** Records the name a reviewer's platform gives them now (written only when it changed). */
  rememberReviewerName(actor: string, displayName: string, at: Date): Promise<void>;
  /** The names known for these actors; actors with none are absent. */
  reviewerNames(actors: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
