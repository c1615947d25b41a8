// The host page's half of the iframe height protocol: resizes each iframe that posts
// { "datawrapper-height": { <id>: <px> } } (article-explorer's embed.html, Datawrapper charts).
// Include once per page: <script src="https://example.org/article-explorer/embed-host.js" defer></script>
window.addEventListener("message", (event) => {
  const heights = event.data && event.data["datawrapper-height"];
  if (!heights || typeof heights !== "object") return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow !== event.source) continue;
    for (const value of Object.values(heights)) {
      const height = Number(value);
      if (Number.isFinite(height) && height > 0 && height < 100000) frame.style.height = `${height}px`;
    }
  }
});
