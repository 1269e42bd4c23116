// The directory of an OLE compound file ([MS-CFB] Compound File Binary File Format), read only as
// far as telling what a legacy Office file is: a Word document (.doc, and WPS Writer's .wps) has a
// "WordDocument" stream ([MS-DOC] §2.1), an Excel workbook (.xls, WPS Spreadsheets' .et) a
// "Workbook" stream, or "Book" in Excel 5/95 files ([MS-XLS] §2.1.2); a password-protected
// DOCX/XLSX is a compound file with "EncryptionInfo" and "EncryptedPackage" ([MS-OFFCRYPTO] §2.3.4).
// Every sector chain is walked with a step bound, so a cyclic or truncated file cannot hang it.

export type OleKind = "doc" | "xls" | "encrypted" | "other";

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

export class CfbError extends Error {}

/** Given bytes, return true when they carry the compound file signature ([MS-CFB] §2.2). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Given the bytes of a compound file, return the names of its storages and streams; throws CfbError when unreadable. */
export function compoundFileToNames(bytes: Uint8Array): string[] {
  if (!isCompoundFile(bytes)) throw new CfbError("not an OLE compound file");
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = buf.readUInt16LE(0x1e); // §2.2: 9 (512-byte sectors, version 3) or 12 (4096, version 4)
  if (shift !== 9 && shift !== 12) throw new CfbError(`unsupported sector shift ${shift}`);
  const size = 1 << shift;
  const sectors = Math.floor((buf.length - size) / size) + 1; // the header occupies sector "-1"
  const sectorAt = (n: number): Buffer => {
    const start = (n + 1) * size;
    if (n > MAX_REGULAR_SECTOR || start >= buf.length)
      throw new CfbError(`sector ${n} lies past the end of the file (truncated)`);
    return buf.subarray(start, Math.min(start + size, buf.length));
  };
  const fat = fatOf(buf, sectorAt, size, sectors);
  const names: string[] = [];
  let sector = buf.readUInt32LE(0x30); // §2.2 first directory sector location
  for (let steps = 0; sector !== END_OF_CHAIN; steps++) {
    if (steps > sectors) throw new CfbError("the directory chain loops");
    const data = sectorAt(sector);
    for (let at = 0; at + DIRECTORY_ENTRY_SIZE <= data.length; at += DIRECTORY_ENTRY_SIZE) {
      const name = directoryEntryName(data.subarray(at, at + DIRECTORY_ENTRY_SIZE));
      if (name !== null) names.push(name);
    }
    sector = fat[sector] ?? END_OF_CHAIN;
  }
  return names;
}

/** Given the header and sectors, return the file allocation table: the next sector of each sector (§2.3, §2.5). */
function fatOf(buf: Buffer, sectorAt: (n: number) => Buffer, size: number, sectors: number): number[] {
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const n = buf.readUInt32LE(0x4c + i * 4);
    if (n <= MAX_REGULAR_SECTOR) fatSectors.push(n);
  }
  // Larger files continue the DIFAT in sectors of its own, each ending with the next one's number.
  let difat = buf.readUInt32LE(0x44);
  for (let steps = 0; difat <= MAX_REGULAR_SECTOR; steps++) {
    if (steps > sectors) throw new CfbError("the DIFAT chain loops");
    const data = sectorAt(difat);
    for (let at = 0; at + 4 < size && at + 4 <= data.length; at += 4) {
      const n = data.readUInt32LE(at);
      if (n <= MAX_REGULAR_SECTOR) fatSectors.push(n);
    }
    difat = data.length >= size ? data.readUInt32LE(size - 4) : END_OF_CHAIN;
  }
  const fat: number[] = [];
  for (const n of fatSectors.slice(0, sectors)) {
    const data = sectorAt(n);
    for (let at = 0; at + 4 <= data.length; at += 4) fat.push(data.readUInt32LE(at));
  }
  return fat;
}

/** Given a 128-byte directory entry (§2.6), return its name, or null for an unused entry. */
function directoryEntryName(entry: Buffer): string | null {
  const type = entry[0x42];
  if (type !== 1 && type !== 2 && type !== 5) return null; // storage, stream, root storage
  const length = entry.readUInt16LE(0x40); // in bytes, with the terminating NUL
  if (length < 2 || length > 64) return null;
  return entry.toString("utf16le", 0, length - 2);
}

/** Given the names in a compound file's directory, return what kind of Office file it is. */
export function namesToKind(names: readonly string[]): OleKind {
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has("EncryptedPackage") && has("EncryptionInfo")) return "encrypted";
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) return "xls";
  return "other";
}
