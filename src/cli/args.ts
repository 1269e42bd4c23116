// Argument parsing for the commands, over node:util parseArgs.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { setLimits, settingsToLimits } from "../../contracts/limits.js";
import { UsageError } from "./usage.js";

export { UsageError };

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Given argv and an option table, return the parsed values and positionals; throws UsageError. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export const DEFAULT_DB = "data/jixiao.db";

/** The --limit option (repeatable NAME=VALUE), shared by the commands that read documents. */
export const LIMIT_OPTION = { limit: { type: "string", multiple: true } } as const;

/** Given the --limit values, put the limits in force (here and in worker processes); throws UsageError for a bad one. */
export function applyLimits(settings: string[] | undefined): void {
  if (!settings?.length) return;
  try {
    setLimits(settingsToLimits(settings));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
