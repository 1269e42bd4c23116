// What is left of a worn rule beside the border of a cell merged down two rows (a header such as
// 评分标准 over both header rows) is a rule's remnant, not text: left in, it made the header's
// line as tall as the cell, the header read as nothing and the criteria column was lost.
import { describe, expect, it } from "vitest";
import type { Document } from "../../contracts/model.js";
import { scanAndRead } from "./scan-and-read.js";

describe("a Guangdong-style scoring sheet scanned in colour at 170 dpi, its seal over the figures", () => {
  it("reads the criteria column, whose header is merged down both header rows", async () => {
    const ink: [number, number, number] = [35, 35, 80];
    const look = {
      dpi: 170,
      minAngle: 1,
      maxAngle: 2.2,
      jpegQuality: 38,
      ink,
      paper: [248, 244, 228] as const,
      sealAt: "figures" as const,
    };
    const { expected, read } = await scanAndRead("guangdong-scoring", look, 999);
    const criteria = (d: Document) => d.reports[0]!.indicators.map((i) => i.criterion);
    expect(criteria(expected).filter((c) => c !== null).length).toBeGreaterThanOrEqual(10);
    const found = criteria(read).filter((c) => c !== null).length;
    expect(found).toBe(criteria(expected).filter((c) => c !== null).length);
  }, 60_000);
});
