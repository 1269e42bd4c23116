// Printing rows as an aligned table, CSV (RFC 4180) or JSON.
export type OutputFormat = "table" | "csv" | "json";

/** Given column names and rows, return them printed in the format, ending with a newline. */
export function formatRows(columns: string[], rows: Record<string, unknown>[], format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === "csv")
    return (
      [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((cells) => cells.map(csvCell).join(",")).join("\n") +
      "\n"
    );
  return tableText(columns, rows);
}

function csvCell(value: unknown): string {
  const text = value == null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Display width: CJK and full-width characters take two columns on a terminal. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function cut(text: string, max: number): string {
  if (widthOf(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (widthOf(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function tableText(columns: string[], rows: Record<string, unknown>[]): string {
  const cells = rows.map((r) => columns.map((c) => cut(r[c] == null ? "" : String(r[c]).replace(/\s+/g, " "), 40)));
  const widths = columns.map((c, i) => Math.max(widthOf(c), ...cells.map((r) => widthOf(r[i]!))));
  const line = (values: string[]) =>
    values
      .map((v, i) => v + " ".repeat(widths[i]! - widthOf(v)))
      .join("  ")
      .trimEnd();
  return (
    [
      line(columns),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...cells.map(line),
      `(${rows.length} row${rows.length === 1 ? "" : "s"})`,
    ].join("\n") + "\n"
  );
}
