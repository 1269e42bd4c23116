// A minimal reader for the ZIP container of OOXML files (APPNOTE.TXT §4.3), bounded against
// hostile input: every entry is inflated with a hard output limit, whatever its header claims,
// and the sum over the entries read is bounded too. Only stored (0) and deflated (8) entries.
import { inflateRawSync } from "node:zlib";

export interface ZipSettings {
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest sum of uncompressed sizes of the entries read, in bytes. */
  maxTotalBytes: number;
}

export const defaultZipSettings: ZipSettings = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export class ZipError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /** Given an entry name, return its bytes, or null when the archive has no such entry. */
  read(name: string): Buffer | null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Given the bytes of a file, return true when they start like a ZIP archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Given the bytes of a ZIP archive, return a reader of its entries; throws ZipError when the directory is unreadable. */
export function openZip(bytes: Uint8Array, settings: ZipSettings = defaultZipSettings): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map(centralDirectoryToEntries(buf).map((e) => [e.name, e]));
  let total = 0;
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const data = entryToBytes(buf, entry, Math.min(settings.maxEntryBytes, settings.maxTotalBytes - total));
      total += data.length;
      return data;
    },
  };
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  throw new ZipError("no ZIP end-of-central-directory record (truncated or not a ZIP file)");
}

function centralDirectoryToEntries(buf: Buffer): Entry[] {
  if (buf.length < 22) throw new ZipError("too short to be a ZIP file");
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new ZipError("corrupt ZIP central directory");
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeaderOffset: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryToBytes(buf: Buffer, entry: Entry, limit: number): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw new ZipError(`corrupt ZIP entry ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`ZIP entry ${entry.name} runs past the end of the file (truncated)`);
  const data = buf.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipError(`ZIP entry ${entry.name} exceeds the size limit`, true);
    return Buffer.from(data);
  }
  if (entry.method !== 8)
    throw new ZipError(`ZIP entry ${entry.name} uses unsupported compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || /maxOutputLength|too large/i.test(String(err))) {
      throw new ZipError(`ZIP entry ${entry.name} inflates past the size limit (${limit} bytes)`, true);
    }
    throw new ZipError(`ZIP entry ${entry.name} does not inflate: ${(err as Error).message}`);
  }
}
