// What every stage returns: its value and the messages about it (mammoth's Result). Warnings are
// the model's Warning records, so they flow unchanged from a stage into the Document.
import type { Warning } from "./model.js";

export type { Warning } from "./model.js";

export interface Result<T> {
  value: T;
  warnings: Warning[];
}
