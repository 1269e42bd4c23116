// The evidence report as one static HTML page: no server, no network, works from a file:// URL.
// Crops are PNG files beside it; DOCX rows are shown as the table rows they were read from.
import type { BudgetFigure, FindingFigure, ReportDocument } from "./data.js";

/** A picture of where a figure was printed: a crop file, a table-row snippet, or nothing. */
export type Evidence =
  { kind: "crop"; file: string; page: number } | { kind: "rows"; html: string } | { kind: "none"; why: string };

export interface DocumentEvidence {
  budget: Evidence[];
  findings: Evidence[];
}

const escape = (text: unknown): string =>
  String(text ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const num = (x: number | null | undefined, digits = 2) => (x == null ? "" : Number(x.toFixed(digits)).toString());

function evidenceHtml(e: Evidence): string {
  if (e.kind === "crop")
    return `<figure class="crop"><img src="${escape(e.file)}" alt="printed on page ${e.page}" loading="eager"><figcaption>page ${e.page}</figcaption></figure>`;
  if (e.kind === "rows") return `<div class="rows">${e.html}</div>`;
  return `<p class="none">${escape(e.why)}</p>`;
}

/** Given table rows and the index of the row a figure was read from, return it with its neighbours as HTML. */
export function rowsToHtml(rows: string[][], row: number, table: number): string {
  const lines = rows.slice(Math.max(0, row - 1), row + 2).map((cells, i) => {
    const own = Math.max(0, row - 1) + i === row;
    return `<tr${own ? ' class="own"' : ""}>${cells.map((c) => `<td>${escape(c)}</td>`).join("")}</tr>`;
  });
  return `<table class="source"><caption>table ${table + 1}, row ${row + 1}</caption>${lines.join("")}</table>`;
}

function budgetTable(lines: BudgetFigure[], evidence: Evidence[]): string {
  if (lines.length === 0) return "";
  const rows = lines.map((b, i) => {
    const flag = b.disagrees === 1 ? ' class="disagrees"' : "";
    return `<tr${flag} data-search="${escape(b.label)}"><td>${escape(b.label)}</td><td class="n">${num(b.adjusted)}</td><td class="n">${num(b.executed)}</td>
      <td class="n">${escape(b.ratePrinted)}</td><td class="n">${b.rateRecomputed == null ? "" : `${num(b.rateRecomputed * 100)}%`}</td>
      <td>${evidenceHtml(evidence[i]!)}</td></tr>`;
  });
  return `<h3>Budget lines</h3><table class="sortable"><thead><tr><th>line</th><th>budget A (万元)</th><th>executed B (万元)</th>
    <th>rate printed</th><th>B/A recomputed</th><th>printed</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function findingsList(findings: FindingFigure[], evidence: Evidence[]): string {
  if (findings.length === 0)
    return `<h3>Findings</h3><p class="clean">No finding: the printed rates, totals and scores add up.</p>`;
  const items = findings.map(
    (f, i) => `<li class="finding ${escape(f.severity)}" data-search="${escape(`${f.subject} ${f.message}`)}">
      <p><span class="severity">${escape(f.severity)}</span> <span class="kind">${escape(f.kind)}</span> ${escape(f.message)}</p>
      ${evidenceHtml(evidence[i]!)}</li>`,
  );
  return `<h3>Findings, most serious first</h3><ol class="findings">${items.join("")}</ol>`;
}

function documentSection(doc: ReportDocument, evidence: DocumentEvidence): string {
  const reports = doc.reports
    .map(
      (r) => `<tr><td>${escape(r.layout)}</td><td>${escape(r.department)}</td><td class="n">${escape(r.fiscalYear)}</td>
      <td class="n">${escape(r.totalScore)}${r.maxScore != null ? ` / ${escape(r.maxScore)}` : ""}</td><td>${escape(r.grade)}</td><td class="n">${r.indicators}</td></tr>`,
    )
    .join("");
  return `<section class="document" data-search="${escape(doc.path)}">
    <h2>${escape(doc.path)}</h2>
    <p class="meta">${escape(doc.format)} · ${doc.pages ?? "no"} pages · ${escape(doc.status)} · sha256 ${escape(doc.sha256.slice(0, 12))}</p>
    <table class="sortable"><thead><tr><th>layout</th><th>department</th><th>year</th><th>total</th><th>grade</th><th>indicators</th></tr></thead><tbody>${reports}</tbody></table>
    ${findingsList(doc.findings, evidence.findings)}
    ${budgetTable(doc.budget, evidence.budget)}
  </section>`;
}

const STYLE = `
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
th { background: #f3f3f3; cursor: pointer; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.disagrees td { background: #fff1f0; } .finding { margin-bottom: 1em; } .severity { font-weight: bold; text-transform: uppercase; }
.finding.error .severity { color: #b00020; } .finding.warning .severity { color: #a65b00; } .finding.verify .severity { color: #1a5fb4; } .kind { color: #666; font-family: monospace; }
figure.crop { margin: .3em 0; } figure.crop img { max-width: 900px; border: 1px solid #ddd; } figcaption { color: #666; font-size: .85em; }
table.source td { font-size: .85em; max-width: 18em; } table.source tr.own td { background: #fffbe6; outline: 2px solid #d0021b; }
.none { color: #999; font-style: italic; } #search { font-size: 1em; padding: 4px; width: 30em; } .hidden { display: none; }
`;

const SCRIPT = `
document.getElementById("search").addEventListener("input", (e) => {
  const q = e.target.value.trim().toLowerCase();
  for (const el of document.querySelectorAll("[data-search]")) {
    const inside = el.closest("section.document");
    const hit = !q || el.dataset.search.toLowerCase().includes(q) || (inside && inside !== el && inside.dataset.search.toLowerCase().includes(q));
    if (!el.matches("section.document")) el.classList.toggle("hidden", !hit);
  }
});
for (const th of document.querySelectorAll("table.sortable th")) {
  th.addEventListener("click", () => {
    const table = th.closest("table"), body = table.tBodies[0], i = [...th.parentNode.children].indexOf(th);
    const dir = th.dataset.dir === "asc" ? -1 : 1; th.dataset.dir = dir === 1 ? "asc" : "desc";
    const key = (tr) => tr.children[i].textContent.trim(), n = (s) => parseFloat(s.replace(/[%,]/g, ""));
    [...body.rows].sort((a, b) => { const x = key(a), y = key(b); return (isNaN(n(x)) || isNaN(n(y)) ? x.localeCompare(y, "zh") : n(x) - n(y)) * dir; })
      .forEach((tr) => body.appendChild(tr));
  });
}
window.addEventListener("load", () => {
  const imgs = [...document.querySelectorAll("figure.crop img")];
  const status = document.getElementById("status");
  status.dataset.cropsTotal = imgs.length;
  status.dataset.cropsLoaded = imgs.filter((img) => img.complete && img.naturalWidth > 0).length;
  status.dataset.findings = document.querySelectorAll("li.finding").length;
  status.textContent = status.dataset.cropsLoaded + " of " + imgs.length + " crops loaded";
});
`;

/** Given the documents and their evidence, return the report page. */
export function reportToHtml(docs: ReportDocument[], evidence: DocumentEvidence[], generatedAt: string): string {
  const findings = docs.reduce((n, d) => n + d.findings.length, 0);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>jixiao spot-check report</title><style>${STYLE}</style></head>
<body><h1>jixiao spot-check report</h1>
<p>${docs.length} document(s), ${findings} finding(s). Generated ${escape(generatedAt)}. Every figure is shown where it was printed:
a crop of the PDF page with the row outlined, or for Word files the table row it was read from.</p>
<p><input id="search" type="search" placeholder="search departments, lines, findings…"> <span id="status"></span></p>
${docs.map((d, i) => documentSection(d, evidence[i]!)).join("\n")}
<script>${SCRIPT}</script></body></html>`;
}
