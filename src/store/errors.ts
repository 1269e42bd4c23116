// Errors the store raises on purpose: a database it cannot use (missing, from a newer version,
// not a database), a write to a store opened read-only, a document it cannot store faithfully.
// The CLI prints the message as one line; anything else escaping the store is a bug.

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}
