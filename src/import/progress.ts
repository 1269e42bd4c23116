// Progress of an import: a bar redrawn in place on a terminal, plain periodic lines otherwise.
import { failedCount, type ImportSummary } from "./summary.js";

export interface ProgressSink {
  update(summary: ImportSummary): void;
  done(): void;
}

function rates(s: ImportSummary, elapsedMs: number) {
  const seconds = Math.max(elapsedMs / 1000, 1e-3);
  const remaining = s.done > 0 ? ((s.files - s.done) * seconds) / s.done : NaN;
  return { pagesPerSecond: s.pages / seconds, eta: Number.isFinite(remaining) ? formatDuration(remaining) : "?" };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60
    ? `${m}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** Given a summary and the time since the start, return the one-line state of the import. */
export function progressLine(s: ImportSummary, elapsedMs: number, width = 24): string {
  const { pagesPerSecond, eta } = rates(s, elapsedMs);
  const filledCells = s.files ? Math.round((width * s.done) / s.files) : width;
  const bar = `[${"#".repeat(filledCells)}${".".repeat(width - filledCells)}]`;
  return `${bar} ${s.done}/${s.files} files · ${pagesPerSecond.toFixed(1)} pages/s · ${failedCount(s)} errors · ${eta} left`;
}

/** Given an output stream, return a sink that draws a bar on a terminal or prints a line every `everyMs`. */
export function progressSink(stream: NodeJS.WriteStream, everyMs = 5000): ProgressSink {
  const start = performance.now();
  let last = 0;
  return {
    update(summary) {
      const now = performance.now();
      if (stream.isTTY) {
        if (now - last < 100 && summary.done < summary.files) return;
        stream.write(`\r${progressLine(summary, now - start)}\x1b[K`);
      } else {
        if (now - last < everyMs && summary.done < summary.files) return;
        stream.write(`${progressLine(summary, now - start)}\n`);
      }
      last = now;
    },
    done() {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
