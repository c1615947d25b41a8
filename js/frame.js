// The iframe page's half of the height protocol: whenever the page's height changes, it posts
//   { "datawrapper-height": { <id>: <height in px> } }
// to the parent: Datawrapper's message, so newsroom pages that already resize Datawrapper charts
// resize this frame too. <id> is the frame's ?id= parameter ("article-explorer" by default).
const id = new URLSearchParams(location.search).get("id") || "article-explorer";
let last = 0;
function post() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ "datawrapper-height": { [id]: height } }, "*");
  }
}
new ResizeObserver(post).observe(document.documentElement);
post();
