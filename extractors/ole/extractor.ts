// The legacy Office entry of the extractor registry: OLE compound files (.doc/.wps/.xls/.et),
// converted by LibreOffice and read again through the registry.
import type { Extractor } from "../../contracts/extractor.js";
import { isCompoundFile } from "./cfb.js";

export const oleExtractor: Extractor = {
  name: "ole",
  formats: ["doc", "xls"],
  detect: isCompoundFile,
  async extract(bytes, path, context) {
    const { extractOle } = await import("./index.js");
    return extractOle(bytes, path, context.extractBytes);
  },
};
