// `npm run schema`: writes src/store/schema.sql, the schema every migration builds together, as
// SQL that re-creates it. Run it after adding a migration; a test holds the file to the migrations.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { LATEST_VERSION, migrate, schemaToSql } from "../src/store/migrations.js";

const FILE = join(import.meta.dirname, "../src/store/schema.sql");
const db = new Database(":memory:");
migrate(db, ":memory:");
const header = `-- The jixiao database schema at version ${LATEST_VERSION} (PRAGMA user_version), as every migration of
-- src/store/versions/ builds it together. Written by \`npm run schema\`; docs/sql.md explains it.
`;
writeFileSync(FILE, `${header}\n${schemaToSql(db)}`);
console.log(`wrote ${FILE}`);
