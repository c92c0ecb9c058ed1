/** The texts of an announcement, one per language. */
export interface AnnouncementTexts {
  zh: string;
  en: string;
}

/** Announcements to everyone who chatted recently (`cli announce`); resumable, see `queueAnnouncement`. */
export interface AnnouncementStore {
  /** The unfinished announcement with these texts, or a new one for users who chatted since `since`. */
  findOrStartAnnouncement(texts: AnnouncementTexts, since: Date, now: Date): Promise<{ id: string; since: string }>;
  /** Users whose latest chat is at or after `since` (ISO), in a stable order. */
  recipientsSince(since: string): Promise<Array<{ id: string; locale: string }>>;
  finishAnnouncement(id: string, at: Date): Promise<void>;
  /** How an announcement's chat messages are faring: for the progress bar while the assistant delivers. */
  announcementDeliveries(id: string): Promise<{ sent: number; failed: number; pending: number }>;
}
