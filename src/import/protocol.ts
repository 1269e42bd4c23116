// Messages between the import pool and its worker threads.
import type { Table } from "../../contracts/extraction.js";
import type { Document } from "../../contracts/model.js";

export interface TaskRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
  /** OCR engine for pages without a text layer (the default when absent). */
  ocrEngine?: string;
}

export interface StageTimings {
  extract: number;
  normalize: number;
}

export type TaskResponse =
  | { id: number; ok: true; document: Document; tables: Table[]; timings: StageTimings }
  | { id: number; ok: false; reason: string; detail: string };
