// The one way into pdf.js. pdfjs-dist's legacy build, the one meant for Node, bundles core-js,
// which replaces some JavaScript built-ins for the whole thread with slower polyfills (see
// builtins.ts; measured on an import of 300 fixture copies, the polyfilled Array push alone took a
// fifth of each worker's time). Both pdf.js parts (the API and the "fake worker" that parses in
// this thread) are loaded here, then the natives are put back.
import { restoreNativeBuiltins } from "./builtins.js";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
// Loaded now rather than on the first document (pdf.js then finds it on globalThis.pdfjsWorker),
// so that its own copy of the polyfill is undone here too.
import "pdfjs-dist/legacy/build/pdf.worker.mjs";

restoreNativeBuiltins();

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
