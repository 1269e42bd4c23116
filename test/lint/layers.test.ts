// The layers of docs/architecture.md are enforced by the lint configuration: these cases show
// that an import crossing a layer is rejected with its reason, and that the allowed ones pass.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers.js";

const eslint = new ESLint({ cwd: REPO });

/** Given a file path in the repository and its source, return the layer-rule messages ESLint gives. */
async function layerMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${REPO}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer rules", () => {
  it("rejects a contract that imports the application", async () => {
    const messages = await layerMessages(
      "contracts/bad.ts",
      'import { main } from "../src/cli/main.js";\nexport const x = main;\n',
    );
    expect(messages).toEqual([expect.stringContaining("contracts import nothing else of the project")]);
  });

  it("rejects an extractor that imports a normalizer or the application", async () => {
    const source =
      'import { normalize } from "../../normalizers/index.js";\nimport { extractFile } from "../../src/pipeline.js";\nexport const x = [normalize, extractFile];\n';
    const messages = await layerMessages("extractors/docx/bad.ts", source);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain("never imports another format's");
  });

  it("rejects a format's extractor reaching into another format's folder", async () => {
    const messages = await layerMessages(
      "extractors/xlsx/bad.ts",
      'import { extractDocx } from "../docx/index.js";\nexport const x = extractDocx;\n',
    );
    expect(messages).toEqual([expect.stringContaining("share through extractors/ooxml or extractors/grids")]);
  });

  it("rejects a normalizer that imports an extractor", async () => {
    const messages = await layerMessages(
      "normalizers/bad.ts",
      'import { extractPdf } from "../extractors/pdf/index.js";\nexport const x = extractPdf;\n',
    );
    expect(messages).toEqual([expect.stringContaining("know no file format")]);
  });

  it("lets extractors use contracts and shared extractor folders, and the application use everything", async () => {
    const extractor =
      'import type { Extraction } from "../../contracts/extraction.js";\nimport { openZip } from "../ooxml/zip.js";\nexport const x: [Extraction | null, unknown] = [null, openZip];\n';
    expect(await layerMessages("extractors/xlsx/ok.ts", extractor)).toEqual([]);
    const ocr = 'import { bytesToDocument } from "../load.js";\nexport const x = bytesToDocument;\n';
    expect(await layerMessages("extractors/pdf/ocr/ok.ts", ocr)).toEqual([]);
    const app =
      'import { extractorOf } from "../extractors/registry.js";\nimport { normalize } from "../normalizers/index.js";\nexport const x = [extractorOf, normalize];\n';
    expect(await layerMessages("src/ok.ts", app)).toEqual([]);
  });
});
