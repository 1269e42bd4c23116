// The `jixiao` command: a thin dispatcher over small command modules, each a wrapper over the
// library. Errors on unusable input become one line on stderr and a non-zero exit status.
import { UnreadableFileError } from "../../contracts/errors.js";
import { jixiaoVersion } from "../version.js";
import { COMMANDS } from "./commands.js";
import { UsageError } from "./usage.js";

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "jixiao — budget performance self-evaluation reports (绩效自评表) into structured data",
    "",
    "usage: jixiao <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `jixiao <command> --help` for a command's options.",
  ].join("\n");
}

/** Given the command-line arguments, run the command and return the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(overview());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    console.log(jixiaoVersion());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    console.error(`jixiao: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`jixiao ${name}: ${err.message}\n\n${command.help}`);
      return 2;
    }
    if (err instanceof UnreadableFileError) {
      console.error(`jixiao: ${err.message}`);
      return 1;
    }
    console.error(`jixiao ${name}: ${(err as Error).message}`);
    if (process.env.JIXIAO_DEBUG) console.error((err as Error).stack);
    return 1;
  }
}
