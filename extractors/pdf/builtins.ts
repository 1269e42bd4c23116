// The JavaScript built-ins as this thread started with them, captured before pdf.js loads (see
// pdfjs.ts, whose first import this module is). pdfjs-dist's legacy build bundles core-js, which
// replaces some of them for the whole thread; each one listed here is put back after pdf.js loads.
// - Array.prototype.push: a polyfill guarding against frozen lengths, about ten times slower; pdf.js
//   and every stage after it push on every glyph.
// - JSON.stringify: forced wherever JSON.rawJSON is missing (Node 20), it calls a replacer on every
//   key and value, about thirteen times slower; the store serializes each document's tables with it.
// - JSON.parse: forced for the same reason, a parser in JavaScript when given a reviver.
// - Function.prototype.toString: wrapped so that the polyfills above print as native code.
// The polyfills differ from the natives only for frozen array lengths and JSON.rawJSON, neither of
// which pdf.js or jixiao uses.
export const NATIVE_BUILTINS: ReadonlyArray<{ owner: object; key: string; value: unknown }> = [
  { owner: Array.prototype, key: "push", value: Array.prototype.push },
  { owner: JSON, key: "stringify", value: JSON.stringify },
  { owner: JSON, key: "parse", value: JSON.parse },
  { owner: Function.prototype, key: "toString", value: Function.prototype.toString },
];

/** Put back every captured built-in that was replaced since this module loaded. */
export function restoreNativeBuiltins(): void {
  for (const { owner, key, value } of NATIVE_BUILTINS) {
    if ((owner as Record<string, unknown>)[key] !== value) {
      Object.defineProperty(owner, key, { value, writable: true, configurable: true, enumerable: false });
    }
  }
}
