// Starts the authoring studio (studio.html): its module mounts itself into #studio.
import init from "./studio.js";
init({ module_or_path: new URL("studio_bg.wasm", import.meta.url) });
