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
// A widget given an authoring document (not a published one) publishes it first, with the
// publisher module (publisher.js and its wasm), imported here the first time it is needed only.
// The figures below the article (the relationship graph's picture and the timeline: figures.js
// and its wasm) are imported when they first come into view.
import init, { mount as mountIn, mountAll, setFigures, setPublisher } from "./article-explorer.js";

const base = new URL("./", import.meta.url).href;

// The documents are asked for now, while the WebAssembly downloads, not after it: a preload the
// widget's own fetch then takes over (same URL, same CORS mode).
for (const el of document.querySelectorAll("[data-article-explorer]")) {
  const fromQuery = el.hasAttribute("data-params") ? new URLSearchParams(location.search).get("src") : null;
  const src = fromQuery || el.getAttribute("data-src");
  // Another document than the page's own: its pre-rendered article (in the shadow root the page
  // declares) is not this one (a static host serves the page unchanged), so a neutral state stands
  // in until the widget mounts.
  const pre = (el.shadowRoot ?? el).querySelector(".ae-prerendered");
  if (fromQuery && fromQuery !== el.getAttribute("data-src") && pre) {
    pre.replaceWith(Object.assign(document.createElement("p"), { className: "ae-neutral", role: "status",
      // The words are the reader's own (`article_loading`), written in by the build.
      textContent: document.documentElement.lang === "ar" ? "ae:loading:ar" : "ae:loading:en" }));
  }
  if (!src || document.querySelector(`link[rel=preload][href="${CSS.escape(src)}"]`)) continue;
  const link = document.createElement("link");
  Object.assign(link, { rel: "preload", as: "fetch", href: src, crossOrigin: "anonymous" });
  document.head.append(link);
}
// A module of the widget's own (the publisher, the figures), imported once, on first need;
// a failed load is tried again next time.
const modules = {};
function load(name) {
  modules[name] ??= import(new URL(`${name}.js`, base).href).then(async (m) => {
    await m.default({ module_or_path: new URL(`${name}_bg.wasm`, base) });
    return m;
  });
  modules[name].catch(() => { delete modules[name]; });
  return modules[name];
}
const publish = (text, base, lang) => load("publisher").then((m) => m.publish(text, base, lang));
// A panic in the widget is a trap (the release build aborts at once): the instance cannot be
// called again, so the crash message each widget made when it mounted is shown from here.
const hosts = new Set();
function crashed(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  for (const host of new Set([...hosts, ...document.querySelectorAll("[data-ae-mounted]")])) {
    const shadow = host.shadowRoot;
    const message = shadow && [...shadow.children].find((c) => c.classList.contains("ae-crashed"));
    if (!message) continue;
    for (const child of [...shadow.children]) if (child !== message && child.tagName !== "LINK") child.remove();
    message.setAttribute("role", "alert");
    message.hidden = false;
  }
  console.error("article-explorer stopped; the host page goes on.", error);
}
addEventListener("error", (e) => crashed(e.error));
addEventListener("unhandledrejection", (e) => crashed(e.reason));

const ready = init({ module_or_path: new URL("article-explorer_bg.wasm", base) }).then((wasm) => {
  setPublisher(publish);
  setFigures(() => load("figures"));
  return wasm;
});

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
  const handle = mountIn(element, options, base);
  hosts.add(element);
  return handle;
}
