// fast-xml-parser, loaded through its CommonJS entry: the package's "require" export is one
// bundled file of the same release, where its ES module entry is some forty files (its own and its
// dependencies'), and Node pays for each ES module it resolves and links. The types are the ES
// entry's, which the bundle implements.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const { XMLParser } = require("fast-xml-parser") as typeof import("fast-xml-parser");
