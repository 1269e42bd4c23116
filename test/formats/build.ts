// Small real files for the format tests, written byte for byte: SpreadsheetML workbooks zipped with
// fflate, and OLE compound files with a given directory ([MS-CFB] version 3, 512-byte sectors).
import { strToU8, zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface TestSheet {
  name: string;
  /** The worksheet's children: sheetData, mergeCells, … */
  body: string;
  state?: "visible" | "hidden" | "veryHidden";
}

export interface TestWorkbook {
  sheets: TestSheet[];
  /** The shared strings, one si element each (its inner XML). */
  strings?: string[];
  /** The styleSheet's inner XML. */
  styles?: string;
  date1904?: boolean;
}

/** Given sheets, shared strings and styles, return the bytes of an XLSX workbook. */
export function xlsxOf(book: TestWorkbook): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${book.sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
        )
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="${PKG}">${book.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("")}` +
        `<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst xmlns="${MAIN}">${(book.strings ?? []).map((si) => `<si>${si}</si>`).join("")}</sst>`,
    ),
    "xl/styles.xml": strToU8(`<styleSheet xmlns="${MAIN}">${book.styles ?? ""}</styleSheet>`),
  };
  book.sheets.forEach(
    (s, i) =>
      (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
        `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`,
      )),
  );
  return zipSync(files);
}

/** Styles with xf 0 plain, 1 ruled, 2 ruled and bold, 3 plain and bold, and xf 4+ the given number formats (ruled). */
export function stylesWith(formats: { id: number; code?: string }[] = []): string {
  const custom = formats.filter((f) => f.code !== undefined);
  return (
    (custom.length
      ? `<numFmts>${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${f.code!.replace(/"/g, "&quot;")}"/>`).join("")}</numFmts>`
      : "") +
    '<fonts><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>' +
    '<borders><border><left/><right/><top/><bottom/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders>' +
    `<cellXfs><xf numFmtId="0" fontId="0" borderId="0"/><xf numFmtId="0" fontId="0" borderId="1"/><xf numFmtId="0" fontId="1" borderId="1"/><xf numFmtId="0" fontId="1" borderId="0"/>${formats
      .map((f) => `<xf numFmtId="${f.id}" fontId="0" borderId="1" applyNumberFormat="1"/>`)
      .join("")}</cellXfs>`
  );
}

const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/** Given stream names, return a compound file whose directory lists them (streams empty), sector 0 the FAT, sector 1 the directory. */
export function oleOf(streams: string[]): Uint8Array {
  if (streams.length > 3) throw new Error("oleOf writes one directory sector: at most 3 streams besides the root");
  const file = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18); // minor version
  file.writeUInt16LE(3, 0x1a); // major version 3
  file.writeUInt16LE(0xfffe, 0x1c); // byte order
  file.writeUInt16LE(9, 0x1e); // 512-byte sectors
  file.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  file.writeUInt32LE(1, 0x2c); // one FAT sector
  file.writeUInt32LE(1, 0x30); // directory at sector 1
  file.writeUInt32LE(4096, 0x38); // mini stream cutoff
  file.writeUInt32LE(END, 0x3c); // no mini FAT
  file.writeUInt32LE(END, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = 512;
  for (let i = 0; i < 128; i++) file.writeUInt32LE(i === 0 ? FAT_SECTOR : i === 1 ? END : FREE, fat + i * 4);
  const dir = 1024;
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = dir + i * 128;
    file.write(name, at, "utf16le");
    file.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    file[at + 0x42] = i === 0 ? 5 : 2;
    file.writeUInt32LE(FREE, at + 0x44); // left sibling
    file.writeUInt32LE(FREE, at + 0x48); // right sibling
    file.writeUInt32LE(i === 0 && streams.length > 0 ? 1 : FREE, at + 0x4c); // child
    file.writeUInt32LE(END, at + 0x74); // starting sector
  });
  return new Uint8Array(file);
}
