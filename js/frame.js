// The iframe page's half of the height protocol: whenever the page's height changes, it posts
//   { "datawrapper-height": { <id>: <height in px> } }
// to the parent: Datawrapper's message, so newsroom pages that already resize Datawrapper charts
// resize this frame too. <id> is the frame's ?id= parameter ("article-explorer" by default).
// Nothing is posted before the widget shows its article (or its error): until then the frame
// keeps the height the host page reserved, so it changes size once, not twice.
const id = new URLSearchParams(location.search).get("id") || "article-explorer";
let last = 0;
function shown() {
  const root = document.querySelector("[data-article-explorer]")?.shadowRoot;
  return !!root?.querySelector(".ae-host:not([hidden]) .ae-root:not(.ae-loading)");
}
function post() {
  if (!shown()) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ "datawrapper-height": { [id]: height } }, "*");
  }
}
// Changes come in bursts (the map and the graph are drawn just after the article): post once the
// height has held for 100 ms.
let timer = 0;
function soon() {
  clearTimeout(timer);
  timer = setTimeout(post, 100);
}
new ResizeObserver(soon).observe(document.documentElement);
// The widget may show without changing the page's height (an error message as tall as the
// placeholder): look again when it mounts.
import("./embed.js").then((embed) => embed.mounted).then(soon, () => {});
