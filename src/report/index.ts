// `jixiao report`: the evidence report. Reads the store, renders a crop of the printed page for
// every finding and budget line (from the PDF, at report time) or the DOCX table rows they were
// read from, and writes DIR/index.html with DIR/crops/*.png.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Provenance } from "../../contracts/model.js";
import type { StoreReader } from "../store/reader.js";
import type { PdfCropper } from "./crops.js";
import { storeToReportDocuments, type ReportDocument } from "./data.js";
import { reportToHtml, rowsToHtml, type DocumentEvidence, type Evidence } from "./html.js";

export interface ReportResult {
  file: string;
  documents: number;
  findings: number;
  crops: number;
}

/** Given a store connection and a folder, write the report there and return what it holds. */
export async function writeEvidenceReport(
  db: StoreReader,
  outDir: string,
  options: { sha256?: string } = {},
): Promise<ReportResult> {
  const docs = await storeToReportDocuments(db, options.sha256);
  await mkdir(join(outDir, "crops"), { recursive: true });
  const evidence: DocumentEvidence[] = [];
  let crops = 0;
  for (const doc of docs) {
    const e = await documentEvidence(doc, outDir);
    crops += [...e.budget, ...e.findings].filter((x) => x.kind === "crop").length;
    evidence.push(e);
  }
  const file = join(outDir, "index.html");
  await writeFile(file, reportToHtml(docs, evidence, new Date().toISOString()));
  return { file, documents: docs.length, findings: docs.reduce((n, d) => n + d.findings.length, 0), crops };
}

async function documentEvidence(doc: ReportDocument, outDir: string): Promise<DocumentEvidence> {
  const cropper = doc.format === "pdf" ? await openCropper(doc.path) : null;
  let n = 0;
  const picture = async (p: Provenance | null): Promise<Evidence> => {
    if (!p) return { kind: "none", why: "where this figure was printed was not recorded" };
    if (cropper && typeof cropper !== "string" && p.page && p.box) {
      const file = `crops/${doc.sha256.slice(0, 12)}-p${p.page}-${++n}.png`;
      await writeFile(join(outDir, file), await cropper.crop(p.page, p.box));
      return { kind: "crop", file, page: p.page };
    }
    if (typeof cropper === "string") return { kind: "none", why: cropper };
    const rows = p.table != null ? doc.rawTables.get(p.table) : undefined;
    if (rows && p.row != null) return { kind: "rows", html: rowsToHtml(rows, p.row, p.table!) };
    return { kind: "none", why: `printed on page ${p.page ?? "?"}; no box was recorded` };
  };
  try {
    const budget: Evidence[] = [];
    for (const b of doc.budget) budget.push(await picture(b.provenance));
    const findings: Evidence[] = [];
    for (const f of doc.findings) findings.push(await picture(f.provenance));
    return { budget, findings };
  } finally {
    if (cropper && typeof cropper !== "string") await cropper.close();
  }
}

/** Given a PDF's path, return a cropper, or the reason no crop can be made (the file moved, …). */
async function openCropper(path: string): Promise<PdfCropper | string> {
  if (!existsSync(path))
    return `the source file ${path} is no longer where it was imported from, so no crop can be made`;
  try {
    // Loaded here, so commands that never crop (an import's writer thread among them) do not load pdf.js.
    const { PdfCropper } = await import("./crops.js");
    return await PdfCropper.open(await readFile(path), path);
  } catch (err) {
    return `the source file could not be rendered: ${(err as Error).message}`;
  }
}
