import { initialTransition, type SnapshotFrom } from "xstate";
import type { ConversationInput } from "../../machines/conversation.events.js";
import { CONVERSATION_MACHINE_VERSION, conversationMachine } from "../../machines/conversation.machine.js";
import type { StoredConversation } from "../ports/conversation-store.js";

export type ConversationSnapshot = SnapshotFrom<typeof conversationMachine>;

/** What we persist: the state and the context. The machine has no child actors or history to keep. */
interface PersistedShape {
  value: unknown;
  context: unknown;
}

export type Restored =
  | { kind: "resumed"; snapshot: ConversationSnapshot }
  /** No conversation yet, or one we can't resume (older machine version, unknown state). */
  | { kind: "new" | "reset" };

export function restoreConversation(stored: StoredConversation | null): Restored {
  if (!stored) return { kind: "new" };
  const snapshot = stored.machineVersion === CONVERSATION_MACHINE_VERSION ? resolve(stored.snapshot) : null;
  return snapshot ? { kind: "resumed", snapshot } : { kind: "reset" };
}

/** A conversation at the menu, carrying the user's saved draft (the durable copy of their answers). */
export function startConversation(input: ConversationInput): ConversationSnapshot {
  return initialTransition(conversationMachine, input)[0];
}

export function persistConversation(snapshot: ConversationSnapshot): StoredConversation {
  const persisted: PersistedShape = { value: snapshot.value, context: snapshot.context };
  return { machineVersion: CONVERSATION_MACHINE_VERSION, snapshot: persisted };
}

/**
 * `resolveState` throws for a state the machine no longer has; a context of
 * the wrong shape is caught here too, since the machine would fail on it later.
 */
function resolve(stored: unknown): ConversationSnapshot | null {
  if (!isPersistedShape(stored)) return null;
  try {
    const snapshot = conversationMachine.resolveState({
      value: stored.value as ConversationSnapshot["value"],
      context: stored.context as ConversationSnapshot["context"],
    });
    return snapshot.status === "active" ? snapshot : null;
  } catch {
    return null;
  }
}

function isPersistedShape(stored: unknown): stored is PersistedShape & { context: { draft: { documents: object } } } {
  if (typeof stored !== "object" || stored === null) return false;
  const { value, context } = stored as Record<string, unknown>;
  if (typeof value !== "string" || typeof context !== "object" || context === null) return false;
  const { locale, draft } = context as Record<string, unknown>;
  return (
    (locale === "en" || locale === "zh-CN") &&
    typeof draft === "object" &&
    draft !== null &&
    typeof (draft as Record<string, unknown>).documents === "object"
  );
}
