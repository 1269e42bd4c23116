// The registry of commands. Each command module exports one Command.
import { checkCommand } from "./check.js";
import { exportCommand } from "./export.js";
import { extractCommand } from "./extract.js";
import { importCommand } from "./import.js";
import { listCommand } from "./list.js";
import { queryCommand } from "./query.js";
import { reportCommand } from "./report.js";
import { searchCommand } from "./search.js";
import { statusCommand } from "./status.js";
import { tablesCommand } from "./tables.js";
import { workerCommand } from "./worker.js";

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

export const COMMANDS: Command[] = [
  extractCommand, tablesCommand, importCommand, listCommand, queryCommand, searchCommand, checkCommand, reportCommand, exportCommand,
  workerCommand, statusCommand,
];
