// Conversion of legacy Office files through LibreOffice in headless mode. Each conversion gets a
// private user profile (-env:UserInstallation): LibreOffice locks its profile, so conversions
// sharing one would wait for or fail against each other. A conversion past its time limit is
// killed with its whole process group (soffice is a wrapper that starts soffice.bin).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { UnreadableFileError } from "../../contracts/errors.js";

export interface SofficeSettings {
  /** The soffice executable: $JIXIAO_SOFFICE, else "soffice" on the PATH. */
  soffice: string;
  /** Time limit of one conversion, in milliseconds. */
  timeoutMs: number;
}

/** Given the environment, return the default settings (read at each call, so tests can change the environment). */
export function defaultSofficeSettings(env: NodeJS.ProcessEnv = process.env): SofficeSettings {
  return { soffice: env.JIXIAO_SOFFICE || "soffice", timeoutMs: 120_000 };
}

export const MISSING_LIBREOFFICE =
  "LibreOffice (soffice) is needed to read legacy .doc/.xls/.wps/.et files and was not found: install the Debian package " +
  "libreoffice-writer-nogui (and libreoffice-calc-nogui for spreadsheets), or set JIXIAO_SOFFICE to the soffice executable";

/**
 * Given a legacy file's bytes, its extension ("doc", "xls") and the target ("docx", "xlsx"),
 * return the converted file's bytes; throws UnreadableFileError "missing-dependency", "timeout" or "corrupt".
 */
export async function convertWithLibreOffice(
  bytes: Uint8Array,
  from: string,
  to: string,
  path: string,
  settings: SofficeSettings,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "jixiao-soffice-"));
  try {
    const input = join(dir, `input.${from}`);
    const out = join(dir, "out");
    await writeFile(input, bytes);
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--convert-to",
      to,
      "--outdir",
      out,
      input,
    ];
    const run = await runProcess(settings.soffice, args, settings.timeoutMs);
    if (run.kind === "missing") throw new UnreadableFileError(path, "missing-dependency", MISSING_LIBREOFFICE);
    if (run.kind === "timeout")
      throw new UnreadableFileError(
        path,
        "timeout",
        `LibreOffice did not convert the file within ${settings.timeoutMs / 1000} s`,
      );
    try {
      return await readFile(join(out, `input.${to}`));
    } catch {
      const said = run.output
        .trim()
        .split("\n")
        .filter((l) => !/javaldx|java may not/.test(l))
        .slice(-2)
        .join(" ");
      throw new UnreadableFileError(
        path,
        "corrupt",
        `LibreOffice could not convert the ${from} file (damaged or password-protected?)${said ? `: ${said}` : ""}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Run = { kind: "done"; code: number | null; output: string } | { kind: "missing" } | { kind: "timeout" };

/** Given a command, arguments and a time limit, run it in a process group of its own and return how it ended. */
function runProcess(command: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    let output = "";
    let settled = false;
    const finish = (run: Run) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => {
      killGroup(child.pid);
      finish({ kind: "timeout" });
    }, timeoutMs);
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.on("error", (err: NodeJS.ErrnoException) => {
      finish(
        err.code === "ENOENT" || err.code === "EACCES" || err.code === "ENOTDIR"
          ? { kind: "missing" }
          : { kind: "done", code: null, output: err.message },
      );
    });
    child.on("close", (code) => finish({ kind: "done", code, output }));
  });
}

/** Given a process id, kill the process group it leads (it was spawned detached, so it leads one). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
