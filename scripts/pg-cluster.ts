// A throwaway PostgreSQL server for the tests and the benchmark: initdb in a temporary folder,
// pg_ctl start on a free loopback port, stopped and removed at the end (FIELD-NOTES, "PostgreSQL in tests and CI"). The
// server refuses to run as root, so as root (CI) its commands run as the postgres user.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface Cluster {
  /** The URL of a database of this server. */
  url(database?: string): string;
  /** Given a name, create that database (UTF8) and return its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** Return the folder of the newest PostgreSQL server binaries Debian's package installed. */
function serverBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin/initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error("the PostgreSQL server is not installed: apt-get install postgresql (.ci/run installs it)");
  return join(root, newest, "bin");
}

/** Return a TCP port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      })
      .on("error", reject);
  });
}

/** Given a program and its arguments, run it as the postgres user when this process is root. */
function runServerTool(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  if (userInfo().uid === 0) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

/** Start a new server on loopback and return it. */
export async function startCluster(): Promise<Cluster> {
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), "jixiao-pg-"));
  chmodSync(dir, 0o755);
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  runServerTool(bin, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  runServerTool(bin, "pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    "start",
  ]);
  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop() {
      try {
        runServerTool(bin, "pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
