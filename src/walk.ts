// Expanding the paths given to `import` into the files to read.
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";

/** Extensions of the files a folder walk picks up; files given by name are always tried. */
export const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".html", ".htm"]);

export interface WalkResult {
  files: string[];
  /** Files inside folders that are not documents (images, JSON, …), counted, not read. */
  ignored: string[];
}

/** Given paths (files and folders), return the files to import in a stable order. */
export async function pathsToFiles(paths: string[]): Promise<WalkResult> {
  const files: string[] = [];
  const ignored: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path, files, ignored);
    else files.push(path); // missing files too: the importer records them as errors
  }
  return { files, ignored };
}

async function walk(dir: string, files: string[], ignored: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, files, ignored);
    else if (entry.isFile()) (DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase()) ? files : ignored).push(path);
  }
}
