// Hostile files, each written small by construction: a few bytes that declare gigabytes (spans,
// merged areas, image sizes, inflated lengths, paragraphs, nesting). Each is what a bulk download
// of government sites can hold; none is taken from jixiao's own output.
import { createDeflate, deflateSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { xlsxOf } from "../formats/build.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Given the inside of w:body, return the bytes of a DOCX holding it. */
export function docxOf(body: string): Uint8Array {
  const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  return zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8(xml) }, { level: 9 });
}

/** A DOCX table whose one cell declares a span of `span` grid columns (ECMA-376 §17.4.17). */
export function docxGridSpan(span: number): Uint8Array {
  const cell = (text: string, props = "") => `<w:tc>${props}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  return docxOf(
    `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${cell("项目名称", `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>`)}</w:tr><w:tr>${cell("a")}${cell("b")}</w:tr></w:tbl>`,
  );
}

/** A DOCX of `count` empty paragraphs (7 bytes of XML each, a few hundred KB zipped for 10 million). */
export function docxEmptyParagraphs(count: number): Uint8Array {
  return docxOf("<w:p/>".repeat(count));
}

/** A DOCX of tables nested `depth` deep, one cell each. */
export function docxNestedTables(depth: number): Uint8Array {
  return docxOf(
    `${"<w:tbl><w:tr><w:tc>".repeat(depth)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${"</w:tc></w:tr></w:tbl><w:p/>".repeat(depth)}`,
  );
}

/** An XLSX whose two cells, A1 and the last cell of a merged area, span `rows` × 26 cells. */
export function xlsxMergedArea(rows: number): Uint8Array {
  const body = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row><row r="${rows}"><c r="Z${rows}" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:Z${rows - 1}"/></mergeCells>`;
  return xlsxOf({ sheets: [{ name: "S", body }] });
}

/** An XLSX sheet of `rows` rows of two numbers. */
export function xlsxRows(rows: number): Uint8Array {
  const data = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>1</v></c></row>`,
  ).join("");
  return xlsxOf({ sheets: [{ name: "S", body: `<sheetData>${data}</sheetData>` }] });
}

/** An HTML page of tables nested `depth` deep. */
export function htmlNestedTables(depth: number): Uint8Array {
  return strToU8(`<html><body>${"<table><tr><td>".repeat(depth)}x${"</td></tr></table>".repeat(depth)}</body></html>`);
}

/** Given objects (their text after "N 0 obj"), return a PDF with a cross-reference table (PDF 32000 §7.5). */
export function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"),
      Buffer.from("\nendobj\n"),
    ]);
    parts.push(part);
    size += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Given a stream's dictionary entries and data, return the object body of the stream. */
function streamObject(entries: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${entries} /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from("\nendstream"),
  ]);
}

/** A one-page PDF whose page holds the content stream `content` and the image XObject `image`. */
function pdfPage(content: Buffer, contentEntries: string, image?: Buffer): Buffer {
  const resources = image ? "/Resources << /XObject << /Im0 5 0 R >> >>" : "";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${resources} >>`,
    streamObject(contentEntries, content),
    ...(image ? [image] : []),
  ]);
}

/** An image-only page (a scan) whose one image declares `side` × `side` gray pixels in a few hundred bytes of FlateDecode. */
export function pdfHugeImage(side: number): Buffer {
  const data = deflateSync(Buffer.alloc(64 * 1024));
  const image = streamObject(
    `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
    data,
  );
  return pdfPage(Buffer.from("q 595 0 0 842 0 0 cm /Im0 Do Q"), "", image);
}

/** A page whose content stream is `mb` MB of spaces, a few MB of FlateDecode (written in pieces: the whole is never in memory). */
export async function pdfFlateBomb(mb: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  for (let i = 0; i < mb / 16; i++)
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  deflate.end();
  await ended;
  return pdfPage(Buffer.concat(out), "/Filter /FlateDecode");
}

/** An HTML table of `rows` rows of `cells` cells, each spanning 1,000 columns (the most HTML allows) and 65,534 rows. */
export function htmlWideSpans(rows: number, cells: number): Uint8Array {
  const row = `<tr>${'<td colspan="1000" rowspan="65534">x</td>'.repeat(cells)}</tr>`;
  return strToU8(`<html><body><table>${row.repeat(rows)}</table></body></html>`);
}
