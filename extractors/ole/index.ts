// Legacy Office extractor: .doc/.wps and .xls/.et (OLE compound files) are told apart by the
// streams their directory holds, never by their name, converted to DOCX/XLSX by LibreOffice, and
// read again through the registry (the DOCX/XLSX extractors). The extraction reports the legacy
// format ("doc", "xls").
import type { Extraction } from "../../contracts/extraction.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import { CfbError, compoundFileToNames, namesToKind } from "./cfb.js";
import { convertWithLibreOffice, defaultSofficeSettings, type SofficeSettings } from "./soffice.js";

/**
 * Given the bytes of an OLE compound file and a reader of converted bytes, return the extraction
 * of the Word or Excel file it holds.
 */
export async function extractOle(
  bytes: Uint8Array,
  path: string,
  extractBytes: (bytes: Uint8Array, path: string) => Promise<Extraction>,
  settings: Partial<SofficeSettings> = {},
): Promise<Extraction> {
  let names: string[];
  try {
    names = compoundFileToNames(bytes);
  } catch (err) {
    if (err instanceof CfbError)
      throw new UnreadableFileError(path, "corrupt", `unreadable OLE compound file: ${err.message}`);
    throw err;
  }
  const kind = namesToKind(names);
  if (kind === "encrypted")
    throw new UnreadableFileError(path, "encrypted", "a password-protected Office file (EncryptedPackage)");
  if (kind === "other") {
    const streams = names
      .filter((n) => n !== "Root Entry" && !/^[\x01-\x06]/.test(n))
      .slice(0, 6)
      .join(", ");
    throw new UnreadableFileError(
      path,
      "unsupported-format",
      `an OLE compound file that is neither a Word document nor an Excel workbook (streams: ${streams || "none"})`,
    );
  }
  const s = { ...defaultSofficeSettings(), ...settings };
  if (kind === "doc") {
    const docx = await convertWithLibreOffice(bytes, "doc", "docx", path, s);
    return { ...(await extractBytes(docx, path)), format: "doc" };
  }
  const xlsx = await convertWithLibreOffice(bytes, "xls", "xlsx", path, s);
  return { ...(await extractBytes(xlsx, path)), format: "xls" };
}
