// End-to-end checks of the embeds in headless Chromium, against a served release build:
//   node tools/e2e/embed.mjs http://127.0.0.1:PORT/
// (the build must contain tools/e2e/pages as e2e/: scripts/test copies them).
// - the two example news pages: every widget mounts, the two on one page are independent;
// - strict CSP: zero securitypolicyviolation events on the pages that set it;
// - the iframe embed posts its height and the host snippet resizes the frame;
// - JavaScript off: the pre-rendered article and its JSON-LD are there; ?src= another document
//   shows a message and a link to it, with JavaScript a neutral state while it loads;
// - a hostile host stylesheet breaks nothing, and the widget's styles do not leak out;
// - faults (404, no answer, too large, invalid, broken JSON): a message in the widget, host intact;
// - layout shift while the widgets arrive; print: endnotes shown;
// - the graph's picture module is downloaded only when a graph comes into view (the request log);
// - published documents never download the publisher module (the request log); authoring ones
//   (data-src, ?src=, mount({document})) load it, publish in the browser and show the article;
// - a crash (a trap in the release build) replaces every widget with its message;
// - a report set in the Gulf is drawn on the Gulf's base map, one in the Red Sea on the world's;
// - the story on the map: next, previous, a step of the list, play and pause, reduced motion;
// - the timeline: in order, selecting an event lights its entities, its sentence, its entities;
// - the graph fits a desktop's and a phone's width (seed, 20, 40 and 80 entities), and a large
//   graph focuses on the open entity.
// Screenshots go to target/e2e/. Exits non-zero on the first failed check.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./browser.mjs";

const base = process.argv[2];
const shots = join(process.cwd(), "target", "e2e");
mkdirSync(shots, { recursive: true });

let failures = 0;
function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
}

const browser = (options = {}) => launch({ viewport: { width: 1100, height: 900 }, ...options });

// Records CSP violations and layout shifts from the first moment of every page.
const observe = () => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
};

// The page, with every widget mounted and out of its loading state.
async function open(page, path, widgets) {
  await page.goto(base + path, { waitUntil: "domcontentloaded", timeout: 15000 });
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll("[data-article-explorer]")];
    return hosts.length === n && hosts.every((h) => h.shadowRoot && h.shadowRoot.querySelector(".ae-host:not([hidden]) .ae-root:not(.ae-loading)"));
  }, widgets, { timeout: 15000 });
}

const inShadow = (page, host, selector) => page.evaluate(([h, s]) => document.querySelector(h).shadowRoot.querySelectorAll(s).length, [host, selector]);

const ctx = await browser();
await ctx.addInitScript(observe);
const page = ctx.pages()[0] ?? await ctx.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
// Every request of the page, to see who downloads the publisher module.
let requests = [];
page.on("request", (r) => requests.push(new URL(r.url()).pathname));
const publisherFetched = () => requests.some((p) => /\/publisher(_bg\.wasm|\.js)$/.test(p));
const expectedMarks = JSON.parse(await (await fetch(base + "seed/article.json")).text()).mentions.flat().length;

// 1. The English news page: two independent widgets, strict CSP.
requests = [];
await open(page, "examples/news-en.html", 2);
await page.waitForTimeout(500);
const clsEn = await page.evaluate(() => window.__cls);
check(await inShadow(page, "#explorer-en", ".ae-article mark") === expectedMarks, `news-en: the first widget shows the published seed's ${expectedMarks} mentions`);
check(!publisherFetched() && requests.some((p) => p.endsWith("/article-explorer_bg.wasm")), "news-en: published documents: the publisher module is never downloaded", requests.filter((p) => /publisher|\.wasm/.test(p)).join(", "));
check(!requests.some((p) => /\/studio(_bg\.wasm|\.js|-boot\.js)$/.test(p)), "news-en: the studio's module is never downloaded by a reader page", requests.filter((p) => /studio/.test(p)).join(", "));
const graphFetched = () => requests.some((p) => /\/figures(_bg\.wasm|\.js|\.css)$/.test(p));
check(!graphFetched(), "news-en: the figures module (graph picture, timeline) and its stylesheet are not downloaded while out of view", requests.filter((p) => /figures/.test(p)).join(", "));
await page.evaluate(() => document.querySelector("#explorer-en").shadowRoot.querySelector(".ae-graph").scrollIntoView());
const graphDrawn = await page.waitForFunction(() => document.querySelector("#explorer-en").shadowRoot.querySelectorAll(".ae-graph svg .ae-node").length > 10, null, { timeout: 15000 }).then(() => true, () => false);
check(graphDrawn && graphFetched() && requests.some((p) => p.endsWith("/figures.css")), "news-en: scrolled to, the figures load their module and stylesheet and draw", requests.filter((p) => /figures/.test(p)).join(", "));
await page.evaluate(() => window.scrollTo(0, 0));
check(await inShadow(page, "#explorer-second", "[data-entity-panel=\"nicolas-maduro\"]") === 1, "news-en: the second widget opens its initial entity");
await page.evaluate(() => document.querySelector("#explorer-en").shadowRoot.querySelector("mark[data-entity=\"russia\"]").click());
await page.waitForTimeout(300);
check(await inShadow(page, "#explorer-en", "[data-entity-panel=\"russia\"]") === 1, "news-en: a click opens the first widget's panel");
check(await inShadow(page, "#explorer-second", "[data-entity-panel=\"nicolas-maduro\"]") === 1, "news-en: the second widget keeps its own panel");
const hash = await page.evaluate(() => location.hash);
check(hash.includes("story=russia") && !hash.includes("second="), "news-en: each widget has its own deep-link key", hash);
check((await page.evaluate(() => window.__csp)).length === 0, "news-en: no CSP violation", (await page.evaluate(() => window.__csp)).join(", "));
await page.screenshot({ path: join(shots, "news-en.png") });

// A deep link opens the panel on load.
await page.goto(base + "examples/news-en.html#story=cuba", { waitUntil: "domcontentloaded" });
await page.waitForFunction(() => document.querySelector("#explorer-en").shadowRoot?.querySelector("[data-entity-panel=\"cuba\"]"), null, { timeout: 15000 }).then(
  () => check(true, "news-en: a deep link opens its panel"), () => check(false, "news-en: a deep link opens its panel"));

// 2. The Arabic news page: right to left, strict CSP.
await open(page, "examples/news-ar.html", 1);
await page.waitForTimeout(500);
const clsAr = await page.evaluate(() => window.__cls);
check(await page.evaluate(() => getComputedStyle(document.querySelector("#explorer-ar").shadowRoot.querySelector(".ae-article")).direction) === "rtl", "news-ar: the article is right to left");
check((await page.evaluate(() => window.__csp)).length === 0, "news-ar: no CSP violation", (await page.evaluate(() => window.__csp)).join(", "));
await page.screenshot({ path: join(shots, "news-ar.png") });
// The pre-rendered article holds the widget's place: swapping it in moves nothing much
// (0.1 is the web's "good" cumulative layout shift).
check(clsEn < 0.1 && clsAr < 0.1, "layout shift while the widgets arrive", `CLS news-en ${clsEn.toFixed(3)}, news-ar ${clsAr.toFixed(3)}`);

// 3. Print: the endnotes show, the panel and buttons do not.
await page.emulateMedia({ media: "print" });
check(await page.evaluate(() => getComputedStyle(document.querySelector("#explorer-ar").shadowRoot.querySelector(".ae-endnotes")).display) === "block", "print: the entities are endnotes");
check(await page.evaluate(() => getComputedStyle(document.querySelector("#explorer-ar").shadowRoot.querySelector(".ae-legend")).display) === "none", "print: no legend buttons");
await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
check(await page.waitForFunction(() => document.querySelector("#explorer-ar").shadowRoot.querySelector(".ae-land"), null, { timeout: 10000 }).then(() => true, () => false),
  "print: the map's coastlines load for the printed figure");
await page.emulateMedia({ media: "screen" });

// 4. The iframe embed: the frame keeps its reserved height until the widget shows, then takes
// its content's height, in one step.
await page.addInitScript(() => {
  window.__frameHeights = [];
  addEventListener("message", (e) => { const h = e.data && e.data["datawrapper-height"]; if (h) window.__frameHeights.push(...Object.values(h)); });
});
await page.goto(base + "examples/iframe.html", { waitUntil: "domcontentloaded" });
const frameOk = await page.waitForFunction(() => {
  const f = document.querySelector("iframe");
  const inner = f.contentDocument?.documentElement;
  const host = f.contentDocument?.querySelector("[data-article-explorer]");
  return inner && host?.shadowRoot?.querySelector(".ae-article") && Math.abs(f.getBoundingClientRect().height - inner.getBoundingClientRect().height) <= 2 && f.getBoundingClientRect().height > 1500;
}, null, { timeout: 20000 }).then(() => true, () => false);
const heights = await page.evaluate(() => { const f = document.querySelector("iframe"); return `${f.getBoundingClientRect().height} / ${f.contentDocument?.documentElement.getBoundingClientRect().height}`; });
check(frameOk, "iframe: the host snippet sizes the frame to its content", heights);
const posted = await page.evaluate(() => window.__frameHeights);
check(posted.length >= 1 && posted[0] > 3000, "iframe: the first height posted is the whole widget's (no placeholder step)", posted.join(", "));
check((await page.evaluate(() => window.__csp)).length === 0, "iframe: no CSP violation", (await page.evaluate(() => window.__csp)).join(", "));

// 5. A hostile host stylesheet.
await open(page, "e2e/hostile.html", 1);
const hostile = await page.evaluate(() => {
  const s = document.querySelector("#widget").shadowRoot;
  const mark = s.querySelector(".ae-article mark");
  const cs = getComputedStyle(mark);
  return { display: cs.display, bg: cs.backgroundColor, dir: getComputedStyle(s.querySelector(".ae-article")).direction,
           legend: getComputedStyle(s.querySelector(".ae-legend button")).display,
           probe: getComputedStyle(document.querySelector("#probe")).backgroundColor };
});
check(hostile.display === "inline" && hostile.bg !== "rgba(0, 0, 0, 0)", "hostile: mentions stay visible and highlighted", JSON.stringify(hostile));
check(hostile.dir === "rtl" && hostile.legend !== "none", "hostile: direction and buttons hold");
check(hostile.probe !== "rgb(255, 224, 179)", "hostile: the widget's styles do not reach the host page", hostile.probe);
await page.evaluate(() => document.querySelector("#widget").shadowRoot.querySelector(".ae-article mark").click());
await page.waitForTimeout(300);
check(await inShadow(page, "#widget", "[data-entity-panel]") >= 1, "hostile: a click still opens the panel");
// With the host's huge root type the widget is as wide as 40em or less: the panel is a bottom
// sheet, and it never covers the article's column beside it.
const overlap = await page.evaluate(() => {
  const s = document.querySelector("#widget").shadowRoot;
  const a = s.querySelector(".ae-article").getBoundingClientRect(), p = s.querySelector(".ae-panel").getBoundingClientRect();
  const sheet = getComputedStyle(s.querySelector(".ae-panel")).position === "fixed";
  return { sheet, sideBySide: a.right <= p.left + 1 || p.right <= a.left + 1 };
});
check(overlap.sheet || overlap.sideBySide, "hostile: the panel does not cover the article", JSON.stringify(overlap));
await page.screenshot({ path: join(shots, "hostile.png") });

// 6. Authoring documents: the reader loads the publisher, publishes in the browser, shows them.
requests = [];
await page.goto(base + "index.html?src=seed/article.authoring.json&lang=en", { waitUntil: "domcontentloaded" });
const viaSrc = await page.waitForFunction((n) => document.querySelector("#app").shadowRoot?.querySelectorAll(".ae-host:not([hidden]) .ae-article mark").length === n,
  expectedMarks, { timeout: 15000 }).then(() => true, () => false);
check(viaSrc && publisherFetched(), "?src= an authoring document: published in the browser, every mention shown", requests.filter((p) => /publisher/.test(p)).join(", "));
// While another document loads (held back here), the demo shows a neutral state, never the
// seed's pre-rendered article.
await page.route("**/seed/article.authoring.json", async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue().catch(() => {}); });
await page.goto(base + "index.html?src=seed/article.authoring.json", { waitUntil: "domcontentloaded" });
const neutral = await page.evaluate(() => {
  const app = document.querySelector("#app");
  const seedShown = app.querySelector(".ae-prerendered") || app.shadowRoot?.querySelector(".ae-article mark");
  return { seedShown: !!seedShown, neutral: app.querySelector(".ae-neutral")?.textContent ?? "", ld: !!document.querySelector("script[type='application/ld+json']") };
});
check(!neutral.seedShown && !neutral.ld && neutral.neutral.includes("seed/article.authoring.json"),
  "?src= another document: a neutral state while it loads, not the seed's article or JSON-LD", JSON.stringify(neutral));
await page.screenshot({ path: join(shots, "src-loading.png") });
const replaced = await page.waitForFunction((n) => document.querySelector("#app").shadowRoot?.querySelectorAll(".ae-host:not([hidden]) .ae-article mark").length === n,
  expectedMarks, { timeout: 15000 }).then(() => true, () => false);
check(replaced, "?src= another document: the neutral state gives way to the document's article");
await page.unroute("**/seed/article.authoring.json");
requests = [];
await page.goto(base + "e2e/mount.html", { waitUntil: "domcontentloaded" });
const viaMount = await page.waitForFunction((n) => document.querySelector("#widget").shadowRoot?.querySelectorAll(".ae-host:not([hidden]) .ae-article mark").length === n,
  expectedMarks, { timeout: 15000 }).then(() => true, () => false);
check(viaMount && publisherFetched(), "mount({document}) with an authoring document: published in the browser", requests.filter((p) => /publisher/.test(p)).join(", "));
check((await page.evaluate(() => window.__csp)).length === 0, "mount: no CSP violation (the publisher module too)", (await page.evaluate(() => window.__csp)).join(", "));

// 6-cat. An authoring document that draws on a catalogue (e2e/catalogue-article.json, a copy of
// the core's test article naming ../catalogues/sample.json): the publisher fetches the catalogue
// beside the document, links its entities and the outlet's spellings (كراكاس, ترمب; «فينزويلا»
// after the verb «تقول» is only suggested: the rule of trust links a one-word variant only where
// the words call for a name), keeps only the entities the article uses, and the panel says both
// sources of a relation.
{
  requests = [];
  await page.goto(base + "index.html?src=e2e/catalogue-article.json&lang=en", { waitUntil: "domcontentloaded" });
  const shown = await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelectorAll(".ae-host:not([hidden]) .ae-article mark").length > 20,
    null, { timeout: 15000 }).then(() => true, () => false);
  const got = await page.evaluate(() => {
    const root = document.querySelector("#app").shadowRoot;
    const marks = [...root.querySelectorAll(".ae-article mark")].map((m) => [m.dataset.entity, m.textContent]);
    return { marks, problems: root.querySelector(".ae-problems")?.textContent ?? "" };
  });
  const has = (id, words) => got.marks.some(([e, t]) => e === id && t === words);
  check(shown && requests.some((p) => p.endsWith("/catalogues/sample.json")) && has("caracas", "كراكاس") && has("donald-trump", "دونالد ترمب") && has("colombia", "كولومبيا"),
    "catalogue: an authoring document's catalogue fetched beside it; its entities and the outlet's spellings linked", JSON.stringify(got).slice(0, 400));
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-article mark[data-entity='us-destroyer-port-of-spain']")?.click());
  const sources = await page.waitForFunction(() => [...document.querySelector("#app").shadowRoot.querySelectorAll(".ae-source")].map((s) => s.textContent).find((t) => t.includes(" and ")),
    null, { timeout: 5000 }).then((h) => h.jsonValue(), () => "");
  check(sources.includes("Officials of Trinidad and Tobago and US officials"), "catalogue: a relation with two sources names both", sources);
  await page.screenshot({ path: join(shots, "catalogue-article.png") });
  requests = [];
  await page.route("**/catalogues/sample.json", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(base + "index.html?src=e2e/catalogue-article.json&lang=en", { waitUntil: "domcontentloaded" });
  const missing = await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.textContent.includes("cannot read the catalogue"),
    null, { timeout: 15000 }).then(() => true, () => false);
  check(missing, "catalogue: a catalogue that cannot be fetched is reported with its path and reason");
  await page.unroute("**/catalogues/sample.json");
}

// 6a. The timeline: events in order with data-event; selecting one lights its entities in the
// article and the graph; its sentence is marked in the article; its entity opens the panel; an
// open entity lights its events.
{
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(base + "index.html?lang=en", { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelector(".ae-host:not([hidden]) .ae-timeline-frame"), null, { timeout: 15000 });
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-host:not([hidden]) .ae-timeline-frame").scrollIntoView());
  const shown = await page.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelectorAll(".ae-timeline [data-event]").length > 0, null, { timeout: 15000 }).then(() => true, () => false);
  const seedDoc = JSON.parse(await (await fetch(base + "seed/article.json")).text());
  const order = seedDoc.timeline.map((t, i) => [t.order, i, t.id]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  const ids = await page.evaluate(() => [...document.querySelector("#app").shadowRoot.querySelectorAll(".ae-timeline-list > li")].map((li) => li.dataset.event));
  check(shown && JSON.stringify(ids) === JSON.stringify(order), "timeline: every event, in time order, with data-event", ids.join(", "));
  const sr = (f) => page.evaluate(f);
  await sr(() => document.querySelector("#app").shadowRoot.querySelector(".ae-event .ae-event-select").click());
  await page.waitForTimeout(100);
  const lit = await sr(() => {
    const root = document.querySelector("#app").shadowRoot;
    const li = root.querySelector(".ae-event");
    return { pressed: li.querySelector(".ae-event-select").getAttribute("aria-pressed"), text: root.querySelectorAll(".ae-article .ae-lit").length, graph: root.querySelectorAll(".ae-graph .ae-node.ae-lit").length };
  });
  check(lit.pressed === "true" && lit.text > 0 && lit.graph > 0, "timeline: selecting an event lights its entities in the article and the graph", JSON.stringify(lit));
  await page.screenshot({ path: join(shots, "timeline.png"), fullPage: false });
  await sr(() => document.querySelector("#app").shadowRoot.querySelector(".ae-event .ae-event-evidence").click());
  const marked = await page.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelector(".ae-article .ae-marked"), null, { timeout: 3000 }).then(() => true, () => false);
  check(marked, "timeline: an event's sentence is marked in the article");
  const picked = await sr(() => {
    const b = document.querySelector("#app").shadowRoot.querySelector(".ae-event [data-ae-entity]");
    b.click();
    return b.textContent;
  });
  const opened = await page.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelector("[data-entity-panel]"), null, { timeout: 3000 }).then(() => true, () => false);
  await page.waitForTimeout(100);
  const near = await sr(() => document.querySelector("#app").shadowRoot.querySelectorAll(".ae-event.ae-near").length);
  check(opened && near > 0, `timeline: its entity (${picked}) opens the panel, and lights the events naming it`, `${near} event(s) lit`);
}

// 6c. Maps outside the Caribbean: a short report set in the Gulf (an authoring document, its
// region chosen by publishing) is drawn on the Gulf's base map; one set in the Red Sea, which no
// region holds, on the world's base map in a region fitted to it. Every feature inside the
// picture, the countries named with their shapes and labels.
for (const [doc, file, other, countries] of [["gulf", "gulf", "caribbean", []], ["red-sea", "world", "caribbean", ["saudi-arabia", "sudan"]]]) {
  requests = [];
  await page.goto(base + `index.html?src=e2e/${doc}.json&lang=en`, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelector(".ae-host:not([hidden]) .ae-map"), null, { timeout: 15000 });
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-host:not([hidden]) .ae-map").scrollIntoView());
  const landed = await page.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelectorAll(".ae-land").length > 3, null, { timeout: 15000 }).then(() => true, () => false);
  const drawn = await page.evaluate((named) => {
    const root = document.querySelector("#app").shadowRoot;
    const svg = root.querySelector(".ae-map svg");
    const box = svg.getBoundingClientRect();
    const features = [...root.querySelectorAll(".ae-map .ae-feature")];
    const outside = features.filter((f) => {
      const r = f.getBoundingClientRect();
      return r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom;
    }).map((f) => f.dataset.feature);
    const labels = named.map((id) => {
      const g = root.querySelector(`.ae-feature[data-feature="${id}"]`);
      const t = g?.querySelector("text")?.getBoundingClientRect();
      const shape = g?.querySelector(".ae-shape")?.getAttribute("d") ?? "";
      return { id, shape: shape.length > 20, inside: !!t && t.left >= box.left && t.right <= box.right && t.top >= box.top && t.bottom <= box.bottom };
    });
    return { countries: root.querySelectorAll(".ae-land").length, features: features.length, outside, labels };
  }, countries);
  check(landed && requests.some((p) => p.endsWith(`/map/${file}.json`)) && !requests.some((p) => p.endsWith(`/map/${other}.json`)),
    `a report set in the ${doc}: drawn on the ${file} base map, not the ${other}'s`, requests.filter((p) => /\/map\//.test(p)).join(", "));
  check(drawn.features >= 3 && drawn.outside.length === 0 && drawn.labels.every((l) => l.shape && l.inside),
    `a report set in the ${doc}: every feature inside the picture, the countries it names shaded and labelled inside it`, JSON.stringify(drawn));
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-map-frame").scrollIntoView());
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(shots, `map-${doc}.png`) });
}

// 6d. The story on the map: stepping (next, previous, a step of the list), playing, the current
// step's sentence; with reduced motion, the same steps without the fade or the pulse.
{
  const seedDoc = JSON.parse(await (await fetch(base + "seed/article.json")).text());
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(base + "index.html", { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelector(".ae-host:not([hidden]) .ae-map"), null, { timeout: 15000 });
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-host:not([hidden]) .ae-map").scrollIntoView());
  await page.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelectorAll(".ae-land").length > 3, null, { timeout: 15000 });
  const state = () => page.evaluate(() => {
    const root = document.querySelector("#app").shadowRoot;
    const ids = (v) => [...root.querySelectorAll(`.ae-feature[data-ae-step=${v}]`)].map((g) => g.dataset.feature);
    const current = root.querySelector(".ae-story-steps [aria-current=step]");
    return { step: current ? Number(current.dataset.aeStep) : 0, now: ids("now"), later: ids("later"),
      sentence: root.querySelector(".ae-story-now q")?.textContent ?? "", steps: root.querySelectorAll(".ae-story-steps > li").length,
      pressed: root.querySelector("[data-ae-story=play]").getAttribute("aria-pressed"),
      opacity: (() => { const g = root.querySelector(".ae-feature[data-ae-step=later]"); return g ? getComputedStyle(g).opacity : null; })(),
      viewBox: root.querySelector(".ae-map svg").getAttribute("viewBox") };
  });
  const press = (sel) => page.evaluate((s) => document.querySelector("#app").shadowRoot.querySelector(s).click(), sel);
  const before = await state();
  check(before.steps === seedDoc.timeline.length && before.now.length === 0 && before.later.length === 0,
    "story: one step per event, nothing faded before it starts", JSON.stringify({ steps: before.steps }));
  // Step to the first step with features on the map.
  for (let i = 0; i < 2; i++) await press("[data-ae-story=next]");
  const second = await state();
  check(second.step === 2 && second.now.includes("warship-deployment") && second.later.includes("destroyer-station") && second.sentence.length > 5
      && second.viewBox !== before.viewBox,
    "story: the second step marks the deployment, fades the destroyer's station, shows its sentence and fits the view", JSON.stringify({ now: second.now, sentence: second.sentence }));
  await page.waitForTimeout(500);
  const faded = Number((await state()).opacity);
  check(faded > 0 && faded < 0.5, "story: features not reached yet are faded", String(faded));
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-map-frame").scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(shots, "map-story.png") });
  await press("[data-ae-story=previous]");
  check((await state()).step === 1, "story: previous goes back a step");
  await press(`[data-ae-step="${seedDoc.timeline.length}"]`);
  const last = await state();
  check(last.step === seedDoc.timeline.length && last.later.length === 0, "story: the last step, chosen from the list, fades nothing", JSON.stringify(last.now));
  // Play from the start: it moves on by itself.
  await press("[data-ae-story=play]");
  const playing = await state();
  await page.waitForFunction(() => Number(document.querySelector("#app").shadowRoot.querySelector(".ae-story-steps [aria-current=step]")?.dataset.aeStep) >= 2, null, { timeout: 6000 }).catch(() => {});
  const later = await state();
  await press("[data-ae-story=play]");
  check(playing.pressed === "true" && playing.step === 1 && later.step >= 2 && (await state()).pressed === "false",
    "story: play starts from the first step, moves on by itself, and pauses", JSON.stringify({ from: playing.step, to: later.step }));
  // Keyboard: the controls are buttons, reached and pressed from the keyboard.
  await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector("[data-ae-story=next]").focus());
  const at = (await state()).step;
  await page.keyboard.press("Enter");
  check((await state()).step === Math.min(at + 1, seedDoc.timeline.length), "story: Enter on “next” steps forward");
}
{
  const reduced = await browser({ reducedMotion: "reduce" });
  const p = reduced.pages()[0] ?? await reduced.newPage();
  await p.goto(base + "index.html", { waitUntil: "domcontentloaded" });
  await p.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelector(".ae-host:not([hidden]) .ae-map"), null, { timeout: 15000 });
  await p.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-host:not([hidden]) .ae-map").scrollIntoView());
  await p.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelector("[data-ae-story=next]"), null, { timeout: 15000 });
  await p.evaluate(() => {
    const root = document.querySelector("#app").shadowRoot;
    root.querySelector("[data-ae-story=next]").click();
    root.querySelector("[data-ae-story=next]").click();
  });
  // The figures' stylesheet may still be on its way: measure once it applies (or after 5 s).
  const measure = () => {
    const root = document.querySelector("#app").shadowRoot;
    const now = root.querySelector(".ae-feature[data-ae-step=now]");
    const later = root.querySelector(".ae-feature[data-ae-step=later]");
    if (!now || !later) return null;
    return { animation: getComputedStyle(now.querySelector(".ae-shape")).animationName, transition: getComputedStyle(later).transitionDuration,
      opacity: getComputedStyle(later).opacity };
  };
  await p.waitForFunction(() => {
    const later = document.querySelector("#app").shadowRoot.querySelector(".ae-feature[data-ae-step=later]");
    return later && Number(getComputedStyle(later).opacity) < 0.5;
  }, null, { timeout: 5000 }).catch(() => {});
  const motion = await p.evaluate(measure);
  check(motion.animation === "none" && motion.transition === "0s" && Number(motion.opacity) < 0.5,
    "story with reduced motion: the same fading, no pulse and no fade-in", JSON.stringify(motion));
  await reduced.close();
}

// 6b. The graph fits: no horizontal scrolling and no label outside its box, at a desktop's and a
// phone's width, for the seed and generated documents of 20, 40 and 80 entities (written by
// `cargo xtask graph-docs`); a large graph focuses on the open entity.
const graphFit = () => {
  const root = document.querySelector("#app").shadowRoot;
  const frame = root.querySelector(".ae-graph-frame");
  const svg = frame.querySelector("svg");
  const cut = [...svg.querySelectorAll(".ae-node")].filter((g) => {
    const r = g.querySelector("rect").getBBox(), t = g.querySelector("text").getBBox();
    return t.x < r.x - 0.5 || t.x + t.width > r.x + r.width + 0.5 || t.y < r.y - 0.5 || t.y + t.height > r.y + r.height + 0.5;
  }).map((g) => g.textContent);
  const box = frame.getBoundingClientRect(), pic = svg.getBoundingClientRect();
  const scale = pic.width / svg.viewBox.baseVal.width;
  return { scroll: root.querySelector(".ae-graph").scrollWidth - root.querySelector(".ae-graph").clientWidth, frame: Math.round(box.width),
    picture: Math.round(pic.width), scale: Math.round(scale * 100) / 100, nodes: svg.querySelectorAll(".ae-node").length, cut };
};
for (const [width, height, name] of [[1100, 900, "desktop"], [360, 740, "phone"]]) {
  await page.setViewportSize({ width, height });
  for (const doc of ["", "e2e/graph-20.json", "e2e/graph-40.json", "e2e/graph-80.json"]) {
    await page.goto(base + (doc ? `index.html?src=${doc}` : "index.html"), { waitUntil: "domcontentloaded" });
    // The picture is a module of its own, drawn when the graph comes near the screen.
    await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelector(".ae-graph"), null, { timeout: 15000 });
    // Scrolled to again until drawn: the page may still grow above the graph after the first scroll,
    // taking its frame out of the observer's reach.
    await page.waitForFunction(() => {
      const graph = document.querySelector("#app").shadowRoot.querySelector(".ae-graph");
      if (graph.querySelector("svg .ae-node")) return true;
      graph.scrollIntoView();
      return false;
    }, null, { timeout: 15000, polling: 250 });
    const fit = await page.evaluate(graphFit);
    // Drawn at its own size (scale 1), not shrunk to fit: the layout was made for this width.
    check(fit.scroll <= 0 && fit.picture <= fit.frame && fit.cut.length === 0 && fit.scale >= 0.99,
      `graph fits (${name}, ${doc || "seed"}): no scrolling, no cut label, drawn at full size`, JSON.stringify({ ...fit, cut: fit.cut.slice(0, 3) }));
    if (doc === "e2e/graph-80.json") {
      await page.screenshot({ path: join(shots, `graph-80-${name}.png`), fullPage: false });
      const node = await page.evaluate(() => {
        const g = document.querySelector("#app").shadowRoot.querySelector(".ae-graph .ae-node");
        g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        return g.getAttribute("data-entity");
      });
      await page.waitForFunction(() => document.querySelector("#app").shadowRoot.querySelector(".ae-graph-focus button"), null, { timeout: 5000 });
      await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-graph").scrollIntoView());
      await page.waitForTimeout(150);
      const focused = await page.evaluate(graphFit);
      check(focused.nodes > 1 && focused.nodes < 80 && focused.cut.length === 0 && focused.scroll <= 0,
        `graph of 80 entities (${name}): opening ${node} shows it and its neighbours only`, JSON.stringify({ nodes: focused.nodes, scroll: focused.scroll }));
      await page.screenshot({ path: join(shots, `graph-80-focused-${name}.png`), fullPage: false });
      await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-graph-focus button").click());
      await page.waitForTimeout(150);
      check((await page.evaluate(graphFit)).nodes === 80, `graph of 80 entities (${name}): the button shows the whole graph again`);
    }
    if (!doc && name === "phone") await page.screenshot({ path: join(shots, "graph-seed-phone.png"), fullPage: false });
  }
}
await page.setViewportSize({ width: 1100, height: 900 });

// 7. Faults.
await page.goto(base + "e2e/faults.html", { waitUntil: "domcontentloaded" });
const fault = (id, text) => page.waitForFunction(([id, text]) => {
  const el = document.querySelector(id).shadowRoot?.querySelector("[role=alert]");
  // Arguments are isolated (U+2068 … U+2069) in the words: read past the marks.
  return el && el.textContent.replace(/[\u2068\u2069]/g, "").includes(text);
}, [id, text], { timeout: 15000 }).then(() => true, () => false);
check(await fault("#missing", "HTTP 404"), "faults: 404 is reported");
check(await fault("#hang", "no answer within 1.5 s"), "faults: no answer is reported after the timeout");
check(await fault("#big", "the limit is 10 MB"), "faults: a document over 10 MB is refused with the limit");
check(await fault("#invalid", "entities[0]"), "faults: an invalid document lists problems with paths");
check(await fault("#broken", "line 2"), "faults: broken JSON gives line and column");
check(await inShadow(page, "#missing", ".ae-retry") === 1, "faults: a retry button");
check(await page.evaluate(() => document.querySelector("#after")?.textContent === "The host page goes on."), "faults: the host page is untouched");
check((await page.evaluate(() => window.__csp)).length === 0, "faults: no CSP violation");
await page.screenshot({ path: join(shots, "faults.png"), fullPage: true });

check(errors.length === 0, "no uncaught error on any page", errors.join(" | "));

// 8. A crash: the release build traps on a panic; every widget shows its message, the host page
// goes on.
await page.addInitScript(() => addEventListener("article-explorer:ready", (e) => { window.__aeWasm = e.detail.wasm; }));
await open(page, "examples/news-en.html", 2);
await page.evaluate(() => setTimeout(() => window.__aeWasm.__crashForTests()));
const crashShown = await page.waitForFunction(() => [...document.querySelectorAll("[data-article-explorer]")].every((h) => {
  const m = h.shadowRoot.querySelector(".ae-crashed[role=alert]:not([hidden])");
  return m && m.textContent.length > 10 && !h.shadowRoot.querySelector(".ae-article");
}), null, { timeout: 5000 }).then(() => true, () => false);
check(crashShown, "a crash (a trap) replaces every widget with its message");
check(await page.evaluate(() => document.querySelector("h1")?.textContent.length > 0), "a crash: the host page keeps its own content");
await page.screenshot({ path: join(shots, "crash.png") });
await ctx.close();

// 9. JavaScript off: the pre-rendered article and its JSON-LD.
const nojs = await browser({ javaScriptEnabled: false });
const p2 = nojs.pages()[0] ?? await nojs.newPage();
await p2.goto(base, { waitUntil: "load" });
const marks = await p2.locator("main .ae-prerendered mark").count();
const headline = await p2.locator("main h1").innerText();
check(marks === expectedMarks && headline.includes("روسيا"), `no JavaScript: the pre-rendered article with its ${expectedMarks} mentions`, `${marks} marks`);
// One renderer: the static marks are the live ones, attribute for attribute and class for class,
// less the role and tab stop that need JavaScript.
const markAttrs = (root) => [...root.querySelectorAll(".ae-article mark")].map((m) =>
  [m.className, m.dataset.entity, m.dataset.text, m.dataset.index, m.dataset.note, m.hasAttribute("tabindex"), m.getAttribute("role")].join("|"));
// The pre-rendered article is in the shadow root the page declares (the host's rules cannot reach it).
const staticMarks = await p2.evaluate(`(${markAttrs})(document.querySelector("main").shadowRoot.querySelector(".ae-prerendered"))`);
{
  const live = await browser();
  const p3 = live.pages()[0] ?? await live.newPage();
  await p3.goto(base, { waitUntil: "domcontentloaded" });
  await p3.waitForFunction(() => document.querySelector("#app")?.shadowRoot?.querySelector(".ae-article mark"), null, { timeout: 15000 });
  const liveMarks = await p3.evaluate(`(${markAttrs})(document.querySelector("#app").shadowRoot)`);
  const stripped = liveMarks.map((m) => m.replace(/\|true\|button$/, "|false|"));
  const differ = staticMarks.findIndex((m, i) => m !== stripped[i]);
  check(staticMarks.length === liveMarks.length && differ === -1 && staticMarks.every((m) => m.endsWith("|false|")),
    "one renderer: the static marks carry the live marks' classes and data attributes, with no role or tab stop",
    differ === -1 ? `${staticMarks.length} marks` : `${staticMarks[differ]} ≠ ${liveMarks[differ]}`);
  await live.close();
}
const ld = JSON.parse(await p2.locator("script[type='application/ld+json']").textContent());
check(ld["@type"] === "NewsArticle" && ld.mentions.length > 20, "no JavaScript: NewsArticle JSON-LD with mentions", `${ld.mentions.length} mentions`);
await p2.screenshot({ path: join(shots, "no-js.png") });
// ?src= without JavaScript: a clear message and a link to the document, not the seed's article.
await p2.goto(base + "index.html?src=seed/article.authoring.json", { waitUntil: "load" });
const other = await p2.evaluate(() => ({
  marks: document.querySelectorAll("main mark").length,
  link: document.querySelector("main a[href='seed/article.authoring.json']") !== null,
  says: document.querySelector("main")?.innerText ?? "",
}));
check(other.marks === 0 && other.link && other.says.includes("needs JavaScript") && !other.says.includes("Loading"),
  "no JavaScript, ?src= another document: a message and a link to it, none of the seed", JSON.stringify(other));
await p2.screenshot({ path: join(shots, "no-js-src.png") });
await nojs.close();

// No dead taps: a tap on the pre-rendered article while the WebAssembly is still on its way (held
// back 2 s here) is taken at once (the name marked, a note where the panel will open) and
// answered when the widget is ready: that entity's panel opens.
{
  const slow = await browser({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
  const p4 = slow.pages()[0] ?? await slow.newPage();
  p4.on("pageerror", (e) => check(false, "tap before ready: no page error", String(e)));
  await p4.route("**/article-explorer_bg.wasm", async (route) => { await new Promise((r) => setTimeout(r, 2000)); await route.continue(); });
  await p4.goto(base, { waitUntil: "domcontentloaded" });
  const mark = p4.locator("#app .ae-prerendered mark[data-entity]").nth(3);
  const id = await mark.getAttribute("data-entity");
  await mark.tap();
  const taken = await p4.evaluate(() => ({
    // The pre-rendered article is in the shadow root the page declares.
    marked: document.querySelector("#app").shadowRoot.querySelector(".ae-prerendered mark.ae-tapped")?.dataset.entity ?? null,
    note: document.querySelector("#app").shadowRoot.querySelector(".ae-pending-panel[role=status]")?.textContent ?? "",
    mounted: document.querySelector("#app").hasAttribute("data-ae-mounted"),
  }));
  check(!taken.mounted && taken.marked === id && taken.note.length > 0 && !/[A-Za-z]/.test(taken.note),
    "tap before ready: taken at once (the name marked, a note in Arabic where the panel will open)", JSON.stringify(taken));
  await p4.screenshot({ path: join(shots, "tap-before-ready.png") });
  const answered = await p4.waitForFunction((id) => document.querySelector("#app").shadowRoot?.querySelector(`[data-entity-panel="${id}"]`), id, { timeout: 15000 })
    .then(() => true, () => false);
  check(answered, "tap before ready: the widget opens that entity's panel when it is ready", id);
  await slow.close();
}

console.log(failures ? `${failures} check(s) failed` : "all embed checks passed");
process.exit(failures ? 1 : 0);
