// Lint: typescript-eslint's recommended rules, Prettier for layout (eslint-config-prettier turns
// off the rules that would fight it), and the layers of docs/architecture.md as import rules:
// contracts import nothing of the project; extractors know no layouts and no application;
// normalizers know no file formats; a format's extractor never reaches into another format's.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

const FORMATS = ["docx", "xlsx", "html", "ole", "pdf"];

/** Given the folders a file may not reach and why, return a no-restricted-imports rule. */
function forbid(folders, message) {
  return ["error", { patterns: [{ regex: `^(\\.\\./)+(${folders.join("|")})/`, message }] }];
}

const layers = [
  {
    files: ["contracts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./", message: "contracts import nothing else of the project" }] },
      ],
    },
  },
  {
    files: ["extractors/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(
        ["src", "normalizers"],
        "extractors depend on contracts/ only, never on the application or the normalizers",
      ),
    },
  },
  {
    files: ["extractors/ooxml/**/*.ts", "extractors/grids/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(
        ["src", "normalizers", ...FORMATS],
        "shared extractor folders serve the formats and import none of them",
      ),
    },
  },
  ...FORMATS.map((format) => ({
    files: [`extractors/${format}/**/*.ts`],
    rules: {
      "no-restricted-imports": forbid(
        ["src", "normalizers", ...FORMATS.filter((f) => f !== format)],
        "a format's extractor never imports another format's: share through extractors/ooxml or extractors/grids, or the registry",
      ),
    },
  })),
  {
    files: ["normalizers/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(
        ["src", "extractors"],
        "normalizers read the Extraction of contracts/ and know no file format or application",
      ),
    },
  },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "fixtures/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Documents carry control characters (OLE stream names start with \x01–\x06, PDFs pad with
      // NUL): matching them is the point, not a slip.
      "no-control-regex": "off",
    },
  },
  ...layers,
  prettier,
);
