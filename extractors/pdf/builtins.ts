// The JavaScript built-ins as this thread started with them, captured before pdf.js loads (see
// pdfjs.ts, whose first import this module is).
export const nativeArrayPush = Array.prototype.push;
