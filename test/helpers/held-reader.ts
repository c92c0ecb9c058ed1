import type { ReadDocument } from "../../src/documents/document-reader.js";

/** A reader held back until `release()`: a photo's reply cannot wait for its read (the follow-up path). */
export function heldBack(read: ReadDocument): { read: ReadDocument; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    read: async (image) => {
      await gate;
      return read(image);
    },
    release,
  };
}
