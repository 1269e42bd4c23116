// The README documents every command, and every command answers --help.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { main } from "../../src/cli/main.js";
import { REPO } from "../helpers.js";

const README = readFileSync(join(REPO, "README.md"), "utf8");

describe("the README and the commands", () => {
  for (const entry of COMMANDS) {
    it(`documents \`jixiao ${entry.name}\` with an example`, () => {
      expect(README).toContain(`| \`jixiao ${entry.name}`);
      expect(README).toMatch(new RegExp(`npx jixiao ${entry.name}\\b`));
    });
    it(`prints the help of \`${entry.name}\` with its usage and an example`, async () => {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.help).toMatch(new RegExp(`^usage: jixiao ${command.name}\\b`));
      expect(command.help).toMatch(/example: jixiao /);
    });
  }

  it("exits 0 on --help and 2 on an unknown command", async () => {
    const log = console.log,
      error = console.error;
    console.log = () => {};
    console.error = () => {};
    try {
      expect(await main(["extract", "--help"])).toBe(0);
      expect(await main(["no-such-command"])).toBe(2);
    } finally {
      console.log = log;
      console.error = error;
    }
  });
});
