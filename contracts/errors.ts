// Exceptions are for input that cannot be used at all (and for bugs). Everything else travels
// as warnings with the data. The CLI turns an UnreadableFileError into one line and an exit code;
// `import` records it in import_errors and goes on.

export type UnreadableReason =
  | "missing"
  | "unreadable"
  | "not-a-file"
  | "symlink-loop"
  | "duplicate"
  | "out-of-memory"
  | "empty"
  | "corrupt"
  | "encrypted"
  | "unsupported-format"
  | "too-large"
  | "missing-dependency"
  | "timeout"
  | "crashed";

export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: UnreadableReason,
    readonly detail: string,
  ) {
    super(`${path}: ${reason}: ${detail}`);
    this.name = "UnreadableFileError";
  }
}
