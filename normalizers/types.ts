// The contract between the pipeline and the layout normalizers. A normalizer knows one layout
// family and nothing of file formats: it sees an Extraction (tables and text blocks).
import type { Extraction } from "../contracts/extraction.js";
import type { Report } from "../contracts/model.js";
import type { Result } from "../contracts/result.js";

export type { Result } from "../contracts/result.js";

/** A region of the extraction that a family could read, and how well it fits. */
export interface LayoutFit {
  family: string;
  /** 0..1: how much of the family's vocabulary and structure the region shows. */
  score: number;
  /** Indexes into extraction.blocks that the region claims. */
  blocks: number[];
  /** Why the score is what it is, in words, for the no-layout warning. */
  reason: string;
}

export interface Normalizer {
  family: string;
  /** Given an extraction, return the regions this family could read (possibly none). */
  detect(extraction: Extraction): LayoutFit[];
  /** Given an extraction and one of this family's fits, return the report read from its blocks. */
  normalize(extraction: Extraction, fit: LayoutFit): Result<Report>;
}
