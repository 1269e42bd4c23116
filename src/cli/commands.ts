// The registry of commands: each entry names a command and loads its module only when it runs,
// so `jixiao --help` loads no command and `extract` loads neither SQLite nor the report.
export interface Command {
  name: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "extract",
    summary: "print the canonical Document of one file as JSON",
    load: async () => (await import("./extract.js")).extractCommand,
  },
  {
    name: "tables",
    summary: "print the raw table grids found in one file",
    load: async () => (await import("./tables.js")).tablesCommand,
  },
  {
    name: "import",
    summary: "load files and folders into the database (SQLite, or PostgreSQL's queue)",
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "list",
    summary: "list the imported documents and the files that could not be read",
    load: async () => (await import("./list.js")).listCommand,
  },
  {
    name: "query",
    summary: "run read-only SQL on the database",
    load: async () => (await import("./query.js")).queryCommand,
  },
  {
    name: "search",
    summary: "find indicators, goals and deviation texts containing a text",
    load: async () => (await import("./search.js")).searchCommand,
  },
  {
    name: "check",
    summary: "spot-check printed totals, scores and execution rates",
    load: async () => (await import("./check.js")).checkCommand,
  },
  {
    name: "report",
    summary: "write an HTML spot-check report with a crop of the page beside every figure",
    load: async () => (await import("./report.js")).reportCommand,
  },
  {
    name: "export",
    summary: "write one Document JSON per imported file",
    load: async () => (await import("./export.js")).exportCommand,
  },
  {
    name: "score",
    summary: "score extracted Documents against expected ones, cell by cell",
    load: async () => (await import("./score.js")).scoreCommand,
  },
  {
    name: "worker",
    summary: "import files from a PostgreSQL database's queue (run on any number of machines)",
    load: async () => (await import("./worker.js")).workerCommand,
  },
  {
    name: "status",
    summary: "show a PostgreSQL import queue: queued, running, done, failed and why",
    load: async () => (await import("./status.js")).statusCommand,
  },
];
