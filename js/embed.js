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
// The reader's module is imported, not in this file's static imports: the loop below runs at
// once, its fetches in parallel with the module's and the WebAssembly's downloads.
const glue = import("./article-explorer.js");

const base = new URL("./", import.meta.url).href;

// Each widget's document is fetched now, while the WebAssembly downloads, and handed to the
// widget when it mounts: its text, if it has arrived by then, else the promise of it (the widget
// waits for it, then reads it; a failure, and a retry, go through the widget's own fetch, which
// says what went wrong). A tap on the pre-rendered article before the widget is ready is kept,
// shown as taken, and replayed: the widget opens with that entity's panel.
const prefetched = new Map();
const MAX_BYTES = 10 * 1024 * 1024;
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
  el.addEventListener("click", taken);
  if (!src) continue;
  const text = fetch(new URL(src, document.baseURI), { credentials: "same-origin" })
    .then((r) => (r.ok && !(Number(r.headers.get("content-length")) > MAX_BYTES) ? r.text() : null))
    .then((t) => (t !== null && t.length <= MAX_BYTES ? t : null))
    .catch(() => null);
  const timeout = new Promise((resolve) => setTimeout(resolve, Number(el.dataset.timeout) || 15000, null));
  const pending = Promise.race([text, timeout]);
  prefetched.set(el, pending);
  pending.then((t) => { if (t !== null && prefetched.get(el) === pending) prefetched.set(el, t); });
}

/** A tap on a name of the pre-rendered article, before the widget is ready. */
function taken(e) {
  const el = e.currentTarget;
  // The pre-rendered article is in the shadow root the page declares: the tap's own target is
  // first on its path (e.target is the host).
  const root = el.shadowRoot ?? el;
  const mark = e.composedPath()[0].closest?.(".ae-prerendered mark[data-entity]");
  if (!mark || el.hasAttribute("data-ae-mounted")) return;
  for (const m of root.querySelectorAll(".ae-tapped")) m.classList.remove("ae-tapped");
  mark.classList.add("ae-tapped");
  el.setAttribute("data-entity", mark.dataset.entity);
  // Where the panel will be, a note that it is coming (the reader's loading words).
  let note = root.querySelector(".ae-pending-panel");
  if (!note) {
    note = Object.assign(document.createElement("p"), { className: "ae-pending-panel", role: "status" });
    root.querySelector(".ae-prerendered")?.append(note);
  }
  // In the widget's language: its data-lang (or the page's ?lang= for the demo), Arabic by default.
  const lang = (el.hasAttribute("data-params") && new URLSearchParams(location.search).get("lang")) || el.dataset.lang;
  const en = lang === "en";
  Object.assign(note, { lang: en ? "en" : "ar", dir: en ? "ltr" : "rtl", textContent: en ? "ae:loading:en" : "ae:loading:ar" });
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

const ready = glue.then(async (m) => {
  const wasm = await m.default({ module_or_path: new URL("article-explorer_bg.wasm", base) });
  m.setPublisher(publish);
  m.setFigures(() => load("figures"));
  return { m, wasm };
});

function failed(error) {
  console.warn("article-explorer could not start; the page keeps its fallback content.", error);
  return [];
}

/** Handles of the widgets mounted from [data-article-explorer] elements when the module loaded. */
export const mounted = ready.then(({ m, wasm }) => {
  // For measurements (scripts/bench reads the wasm memory): the instance's exports.
  dispatchEvent(new CustomEvent("article-explorer:ready", { detail: { wasm } }));
  return m.mountAll(base, prefetched);
}, failed);

/** Mounts the elements with data-article-explorer added since (for pages that add them later). */
export async function scan() {
  const { m } = await ready;
  return m.mountAll(base, new Map());
}

/**
 * Mounts a widget into `element`.
 * options: { src, document, lang: "ar" | "en", theme: "auto" | "light" | "dark", entity, key, timeout }
 * Resolves to a handle with unmount(); rejects if the element already has a widget.
 */
export async function mount(element, options = {}) {
  const { m } = await ready;
  const handle = m.mount(element, options, base);
  hosts.add(element);
  return handle;
}
