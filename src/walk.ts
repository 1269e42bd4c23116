// Expanding the paths given to `import` into the files to read. Folders are walked by the bytes
// of their names (src/paths.ts), symbolic links are followed, and a link back into a folder being
// walked is reported rather than walked forever.
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { bytesToPathText, pathTextToFsPath } from "./paths.js";

/** Extensions of the files a folder walk picks up; files given by name are always tried. */
export const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".html", ".htm"]);

/** A path the walk could not turn into files, with the reason recorded for it. */
export interface Refused {
  path: string;
  reason: "symlink-loop" | "unreadable";
  detail: string;
}

export interface WalkResult {
  files: string[];
  /** Files inside folders that are not documents (images, JSON, …), counted, not read. */
  ignored: string[];
  /** Folders that could not be walked: links back into themselves, no permission to list. */
  refused: Refused[];
}

/** Given paths (files and folders), return the files to import in a stable order. */
export async function pathsToFiles(paths: string[]): Promise<WalkResult> {
  const result: WalkResult = { files: [], ignored: [], refused: [] };
  for (const path of paths) {
    const info = await stat(pathTextToFsPath(path)).catch(() => null);
    if (info?.isDirectory()) await walk(path, [`${info.dev}:${info.ino}`], result);
    else result.files.push(path); // missing files and special files too: the importer records why
  }
  return result;
}

/** Given a folder and the device:inode of the folders above it, add its files (links followed) to the result. */
async function walk(dir: string, ancestors: string[], result: WalkResult): Promise<void> {
  let names: Buffer[];
  try {
    names = await readdir(pathTextToFsPath(dir), { encoding: "buffer" });
  } catch (err) {
    result.refused.push({
      path: dir,
      reason: "unreadable",
      detail: `the folder cannot be listed (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    });
    return;
  }
  const entries = names.map(bytesToPathText).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of entries) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    // stat, not the directory entry's type: it follows symbolic links. A broken link, a link loop
    // (ELOOP), a FIFO or a device is a file to the importer, which records why it cannot be read.
    const info = await stat(pathTextToFsPath(path)).catch(() => null);
    if (info?.isDirectory()) {
      const id = `${info.dev}:${info.ino}`;
      if (ancestors.includes(id))
        result.refused.push({
          path,
          reason: "symlink-loop",
          detail: "a symbolic link back into a folder that contains it",
        });
      else await walk(path, [...ancestors, id], result);
    } else (DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase()) ? result.files : result.ignored).push(path);
  }
}
