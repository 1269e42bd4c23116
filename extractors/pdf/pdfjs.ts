// The one way into pdf.js. pdfjs-dist's legacy build, the one meant for Node, bundles core-js,
// which replaces Array.prototype.push, for the whole thread, with a polyfill that guards against
// non-writable lengths: about ten times slower, and pdf.js and every stage after it push on
// every glyph. Measured on an import of 300 fixture copies, the polyfilled push and its length
// setter took a fifth of each worker's time. Both pdf.js parts (the API and the "fake worker" that
// parses in this thread) are loaded here, then the native push is put back; the polyfill only
// differs from it for arrays whose length was frozen, which neither pdf.js nor jixiao makes.
import { nativeArrayPush } from "./builtins.js";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
// Loaded now rather than on the first document (pdf.js then finds it on globalThis.pdfjsWorker),
// so that its own copy of the polyfill is undone here too.
import "pdfjs-dist/legacy/build/pdf.worker.mjs";

if (Array.prototype.push !== nativeArrayPush) {
  Object.defineProperty(Array.prototype, "push", { value: nativeArrayPush, writable: true, configurable: true, enumerable: false });
}

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
