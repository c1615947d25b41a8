// article-explorer, the script embed. On a page:
//
//   <script type="module" src="https://example.org/article-explorer/embed.js"></script>
//   <div data-article-explorer data-src="article.json"></div>
//
// mounts every [data-article-explorer] element. From a module of the host page:
//
//   import { mount } from "https://example.org/article-explorer/embed.js";
//   const handle = await mount(element, { src: "article.json", lang: "en", theme: "dark" });
//   handle.unmount();
//
// The widget's other files (its WebAssembly, stylesheet and base map) are found next to this file.
import init, { mount as mountIn, mountAll } from "./article-explorer.js";

const base = new URL("./", import.meta.url).href;
const ready = init({ module_or_path: new URL("article-explorer_bg.wasm", base) });

function failed(error) {
  console.warn("article-explorer could not start; the page keeps its fallback content.", error);
  return [];
}

/** Handles of the widgets mounted from [data-article-explorer] elements when the module loaded. */
export const mounted = ready.then((wasm) => {
  // For measurements (scripts/bench reads the wasm memory): the instance's exports.
  dispatchEvent(new CustomEvent("article-explorer:ready", { detail: { wasm } }));
  return mountAll(base);
}, failed);

/** Mounts the elements with data-article-explorer added since (for pages that add them later). */
export async function scan() {
  await ready;
  return mountAll(base);
}

/**
 * Mounts a widget into `element`.
 * options: { src, document, lang: "ar" | "en", theme: "auto" | "light" | "dark", entity, key, timeout }
 * Resolves to a handle with unmount(); rejects if the element already has a widget.
 */
export async function mount(element, options = {}) {
  await ready;
  return mountIn(element, options, base);
}
