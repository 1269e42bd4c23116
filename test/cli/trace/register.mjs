// Preload (`node --import ./test/cli/trace/register.mjs …`) that writes every module the process
// loads to the file named by JIXIAO_TRACE_MODULES, one per line: ES modules as the resolve hook
// (hooks.mjs) sees them, and at exit the CommonJS modules of require.cache, which the hook does not
// see (a package loaded through createRequire, a CommonJS package's own requires).
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const file = process.env.JIXIAO_TRACE_MODULES;
if (!file) throw new Error("register.mjs: set JIXIAO_TRACE_MODULES to the file to write");
register("./hooks.mjs", import.meta.url, { data: { file } });
const require = createRequire(import.meta.url);
process.on("exit", () => appendFileSync(file, Object.keys(require.cache).join("\n") + "\n"));
