// webpack 5 with no loaders or plugins: `new URL("…wasm", import.meta.url)`
// in the package's glue makes webpack emit the .wasm as an asset by itself.
import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  context: fileURLToPath(new URL(".", import.meta.url)),
  entry: "./src/index.js",
  output: { path: fileURLToPath(new URL("./dist/", import.meta.url)), clean: true },
};
