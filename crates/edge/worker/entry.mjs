// The Worker's ES-module entry: instantiates the Rust proxy (wasm-bindgen `--target web`
// output, no bundler needed) and hands it every request. All logic is in crates/edge and
// crates/proxy-core; keep this file to the glue.
import { initSync, handle } from "./zt_risk_edge.js";
import module from "./zt_risk_edge_bg.wasm";

initSync({ module });

export default {
  fetch(request, env) {
    return handle(request, env);
  },
};
