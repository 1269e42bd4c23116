// The error of a command line that asks for something impossible (an unknown option, a missing
// FILE): main prints it with the command's help. Apart from args.ts so that main, which `jixiao
// --help` loads, does not load the limits (and zod) with it.
export class UsageError extends Error {}
