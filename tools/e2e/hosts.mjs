// The host-hostility suite: the script embed inside host pages built the way many news sites are
// (tools/e2e/pages/host-*.html), in headless Chromium at 1280 × 900 and at 390 × 800 with touch,
// against a served release build:
//   node tools/e2e/hosts.mjs http://127.0.0.1:PORT/
// (the build must contain tools/e2e/pages as e2e/, finished by `cargo xtask finish dist/e2e`:
// scripts/test does both).
//
// The cases: a transformed ancestor (transform, filter, will-change, perspective); contain: paint
// and overflow: hidden ancestors; a sticky header and a sticky bottom ad at the largest z-index;
// html { font-size: 62.5% }; * { box-sizing: content-box } with global rules for mark, button,
// aside, svg and inherited text properties on the body; an Arabic right-to-left page with the
// English widget and an English page with the Arabic widget; the page zoomed to 200% (half the
// viewport at twice the device pixel ratio); prefers-reduced-motion.
//
// For each case and viewport:
// - the pre-rendered article (what the page shows until the wasm runs: the wasm is held back) has
//   the computed style of the widget's own article on the same page: the host's rules for mark,
//   p, article, the box model and inherited text properties reach neither;
// - the article's text is at least the host body's size; nothing overflows sideways;
// - axe-core, scoped to the widget, finds no violation (with and without a panel open); a
//   nameless button put into the widget first shows that axe sees inside its shadow root;
// - a name in the middle of the article, tapped or clicked, opens the panel: focus moves into it;
//   the panel is inside the viewport and topmost (elementFromPoint through the shadow root) at its
//   four corners and at each of its controls, at its start and scrolled to its end; the name
//   tapped stays readable beside it; on a phone the panel is in the top layer (a popover);
// - Escape closes it and focus returns to the name; Back closes it too;
// - with reduced motion nothing animates when previous/next marks a mention (and something
//   does without it: the check can fail).
// Screenshots go to target/e2e/hosts/. Exits non-zero if any check failed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, require } from "./browser.mjs";

const base = process.argv[2];
const shots = join(process.cwd(), "target", "e2e", "hosts");
mkdirSync(shots, { recursive: true });
const axePath = require.resolve("axe-core/axe.min.js");

const CASES = [
  { name: "transform", page: "host-transform" },
  { name: "clip", page: "host-clip" },
  { name: "sticky", page: "host-sticky" },
  { name: "root62", page: "host-root62" },
  { name: "globals", page: "host-globals" },
  { name: "rtl-en", page: "host-rtl", lang: "en" },
  { name: "ltr-ar", page: "host-ltr" },
  { name: "zoom200", page: "host-ltr", zoom: 2 },
  { name: "reduced-motion", page: "host-ltr", reducedMotion: "reduce" },
];
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900, scale: 1, touch: false },
  { name: "phone", width: 390, height: 800, scale: 2, touch: true },
];
// Only some cases, for a quick run: HOSTS_ONLY=sticky,transform HOSTS_VIEWPORT=phone.
const only = process.env.HOSTS_ONLY?.split(",");
const onlyViewport = process.env.HOSTS_VIEWPORT;

let failures = 0;
const results = [];
function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
  return ok;
}

// --- Measured in the page ---------------------------------------------------------------------

// The computed style of the article's parts that a host rule could change: of the pre-rendered
// article (before the widget runs), or of the widget's own.
const fingerprint = (live) => {
  const host = document.querySelector("#widget");
  const root = live ? host.shadowRoot.querySelector(".ae-host:not([hidden]) > .ae-root")
    : (host.shadowRoot ?? host).querySelector(".ae-prerendered");
  if (!root) return null;
  const props = ["display", "position", "float", "boxSizing", "backgroundColor", "color", "paddingTop", "paddingRight", "paddingBottom",
    "paddingLeft", "marginTop", "marginRight", "marginBottom", "marginLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth",
    "borderLeftWidth", "fontSize", "fontWeight", "fontStyle", "textTransform", "letterSpacing", "wordSpacing", "textIndent", "textAlign",
    "lineHeight", "visibility", "opacity", "direction"];
  const parts = [["root", root], ["article", root.querySelector("article")], ["headline", root.querySelector("h1")],
    ...[...root.querySelectorAll("p")].slice(0, 3).map((p, i) => [`p${i}`, p]),
    ...[...root.querySelectorAll("mark")].slice(0, 12).map((m, i) => [`mark${i}`, m])];
  const out = {};
  for (const [name, el] of parts) {
    if (!el) { out[name] = "missing"; continue; }
    const cs = getComputedStyle(el);
    for (const p of props) {
      out[`${name}.${p}`] = cs[p];
    }
  }
  return out;
};

// Where the open panel is, and whether it is the topmost element at its corners and controls,
// probed through the widget's shadow root (from the document, elementFromPoint gives the host).
const probe = () => {
  const host = document.querySelector("#widget");
  const s = host.shadowRoot;
  const panel = s.querySelector(".ae-panel");
  if (!panel) return { panel: false };
  const r = panel.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const cs = getComputedStyle(panel);
  const name = (e) => e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}` : "nothing";
  const hit = (x, y, inside) => {
    const e = s.elementFromPoint(x, y);
    return e && inside.contains(e) ? null : `${Math.round(x)},${Math.round(y)} → ${name(e)}`;
  };
  // A corner's probe stays inside the rounded border: 0.3 of the radius, and 2 px more.
  const radius = (v) => Math.ceil(parseFloat(v) * 0.3) + 2;
  const corners = [
    [r.left + radius(cs.borderTopLeftRadius), r.top + radius(cs.borderTopLeftRadius)],
    [r.right - radius(cs.borderTopRightRadius), r.top + radius(cs.borderTopRightRadius)],
    [r.left + radius(cs.borderBottomLeftRadius), r.bottom - radius(cs.borderBottomLeftRadius)],
    [r.right - radius(cs.borderBottomRightRadius), r.bottom - radius(cs.borderBottomRightRadius)],
  ];
  const covered = corners.map(([x, y]) => hit(x, y, panel)).filter(Boolean);
  // Each control, brought into the panel's own view (the panel scrolls, the page does not move).
  const y0 = scrollY;
  const controls = [...panel.querySelectorAll("button, a[href], [tabindex]:not([tabindex='-1'])")];
  const top = panel.scrollTop;
  const hidden = [];
  for (const c of controls) {
    c.scrollIntoView({ block: "nearest", inline: "nearest" });
    const b = c.getBoundingClientRect();
    const miss = hit(b.left + b.width / 2, b.top + b.height / 2, c);
    if (miss) hidden.push(`${c.textContent.trim().slice(0, 24)} @ ${miss}`);
  }
  panel.scrollTop = top;
  return {
    panel: true, id: panel.dataset.entityPanel, popover: panel.matches?.(":popover-open") ?? false, position: cs.position,
    rect: [r.left, r.top, r.right, r.bottom].map(Math.round), viewport: [vw, vh],
    inside: r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5 && r.width > 0 && r.height > 0,
    covered, controls: controls.length, hidden, pageMoved: Math.round(scrollY - y0),
    scrollable: panel.scrollHeight > panel.clientHeight + 1,
  };
};

// The article's text size against the host body's, and sideways overflow of the page and the
// widget.
const sizes = () => {
  const s = document.querySelector("#widget").shadowRoot;
  const p = s.querySelector(".ae-article .ae-paragraph") ?? s.querySelector(".ae-article p");
  const root = s.querySelector(".ae-root");
  const de = document.documentElement;
  return {
    body: parseFloat(getComputedStyle(document.body).fontSize), text: parseFloat(getComputedStyle(p).fontSize),
    pageOverflow: de.scrollWidth - de.clientWidth, widgetOverflow: root.scrollWidth - root.clientWidth,
  };
};

// The focused element, inside the shadow root if focus is there.
const focused = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? `${a.tagName.toLowerCase()}.${[...a.classList].join(".")}${a.dataset.entity ? `[${a.dataset.entity}]` : ""}` : "none";
};

async function axe(page, what, label) {
  const result = await page.evaluate(async () => await window.axe.run(document.querySelector("#widget"), { resultTypes: ["violations"] }));
  const nodes = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  return { count: result.violations.length, nodes };
}

// --- One case at one viewport ---------------------------------------------------------------------

async function run(kase, vp) {
  const zoom = kase.zoom ?? 1;
  const viewport = { width: Math.round(vp.width / zoom), height: Math.round(vp.height / zoom) };
  const label = `${kase.name} ${vp.name} ${viewport.width}×${viewport.height}@${vp.scale * zoom}x`;
  const ctx = await launch({ viewport, deviceScaleFactor: vp.scale * zoom, hasTouch: vp.touch, isMobile: vp.touch,
    reducedMotion: kase.reducedMotion ?? "no-preference", bypassCSP: true });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const url = `${base}e2e/${kase.page}.html`;
  const row = { case: kase.name, viewport: vp.name, size: `${viewport.width}×${viewport.height}@${vp.scale * zoom}x` };

  // 1. The pre-rendered article before the wasm runs (held back), against the widget's own.
  await page.route("**/article-explorer_bg.wasm", (r) => r.abort());
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(200);
  const before = await page.evaluate(fingerprint, false);
  await page.screenshot({ path: join(shots, `${kase.name}-${vp.name}-prerendered.png`) });
  await page.unrouteAll({ behavior: "ignoreErrors" });

  // 2. The widget.
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => document.querySelector("#widget")?.shadowRoot?.querySelector(".ae-host:not([hidden]) .ae-article mark"), null, { timeout: 20000 });
  await page.waitForTimeout(300);
  const live = await page.evaluate(fingerprint, true);
  const changed = before && live ? Object.keys(live).filter((k) => live[k] !== before[k]).map((k) => `${k} ${live[k]} (widget) ≠ ${before[k]}`) : ["no pre-rendered article"];
  row.prerender = changed.length;
  check(changed.length === 0, `${label}: the pre-rendered article is not restyled by the host's rules (it has the widget's own style)`, changed.slice(0, 6).join("; "));
  const size = await page.evaluate(sizes);
  row.body = size.body; row.text = size.text;
  check(size.text >= size.body - 0.01, `${label}: the article's text (${size.text} px) is at least the host body's size (${size.body} px)`);
  check(size.pageOverflow <= 0 && size.widgetOverflow <= 0, `${label}: nothing overflows sideways`, JSON.stringify(size));
  row.overflow = Math.max(size.pageOverflow, size.widgetOverflow);

  await page.addScriptTag({ path: axePath });
  // axe sees inside the shadow root: a nameless button put there is found.
  const canary = await page.evaluate(async () => {
    const s = document.querySelector("#widget").shadowRoot;
    const b = s.querySelector(".ae-root").appendChild(document.createElement("button"));
    const r = await window.axe.run(document.querySelector("#widget"), { resultTypes: ["violations"], runOnly: ["button-name"] });
    b.remove();
    return r.violations.length;
  });
  check(canary > 0, `${label}: axe, scoped to the widget, sees inside its shadow root (a nameless button put there is found)`);
  const axeClosed = await axe(page);
  check(axeClosed.count === 0, `${label}: axe finds no violation in the widget`, axeClosed.nodes.slice(0, 5).join("; "));

  // 3. A name in the middle of the article, tapped (phone) or clicked: the Venezuelan government,
  // whose panel is the seed's longest (13 relations: it reaches the bottom of any viewport) and
  // which is named 7 times (previous/next move).
  const target = await page.evaluate(() => {
    const all = [...document.querySelector("#widget").shadowRoot.querySelectorAll(".ae-article mark")];
    const marks = all.filter((m) => m.dataset.entity === "venezuelan-government");
    const middle = all[Math.floor(all.length / 2)];
    const m = marks.reduce((a, b) => Math.abs(all.indexOf(b) - all.indexOf(middle)) < Math.abs(all.indexOf(a) - all.indexOf(middle)) ? b : a);
    m.scrollIntoView({ block: "center" });
    return { entity: m.dataset.entity, text: m.dataset.text, index: m.dataset.index };
  });
  await page.waitForTimeout(200);
  const mark = page.locator(`#widget .ae-host .ae-article mark[data-text="${target.text}"][data-index="${target.index}"]`);
  if (vp.touch) await mark.tap(); else await mark.click();
  const opened = await page.waitForFunction((id) => document.querySelector("#widget").shadowRoot.querySelector(`[data-entity-panel="${id}"]`), target.entity, { timeout: 5000 }).then(() => true, () => false);
  check(opened, `${label}: tapping «${target.entity}» opens its panel`);
  await page.waitForTimeout(300);
  const focus = await page.evaluate(focused);
  check(focus.startsWith("h2.ae-panel-title"), `${label}: focus moves into the panel`, focus);
  // The name tapped stays readable beside the panel.
  const readable = await page.evaluate((t) => {
    const s = document.querySelector("#widget").shadowRoot;
    const m = s.querySelector(`.ae-article mark[data-text="${t.text}"][data-index="${t.index}"]`);
    const r = m.getBoundingClientRect();
    const x = r.left + Math.min(r.width, 20) / 2, y = r.top + r.height / 2;
    const e = s.elementFromPoint(x, y);
    return { ok: !!e && (m.contains(e) || e.contains(m)), at: [Math.round(x), Math.round(y)], hit: e ? e.tagName + "." + e.className : "nothing" };
  }, target);
  check(readable.ok, `${label}: the name tapped stays readable beside the panel`, JSON.stringify(readable));
  const first = await page.evaluate(probe);
  await page.screenshot({ path: join(shots, `${kase.name}-${vp.name}.png`) });
  await page.evaluate(() => { const p = document.querySelector("#widget").shadowRoot.querySelector(".ae-panel"); p.scrollTop = p.scrollHeight; });
  await page.waitForTimeout(100);
  const end = await page.evaluate(probe);
  await page.screenshot({ path: join(shots, `${kase.name}-${vp.name}-end.png`) });
  await page.evaluate(() => { document.querySelector("#widget").shadowRoot.querySelector(".ae-panel").scrollTop = 0; });
  row.panel = `${first.position}${first.popover ? " (top layer)" : ""} ${first.rect?.join(",")}`;
  for (const [when, p] of [["at its start", first], ["scrolled to its end", end]]) {
    check(p.panel && p.inside, `${label}: the panel is inside the viewport, ${when}`, JSON.stringify({ rect: p.rect, viewport: p.viewport, position: p.position, popover: p.popover }));
    check(p.panel && p.covered.length === 0, `${label}: the panel is topmost at its four corners, ${when}`, p.covered?.join("; "));
    check(p.panel && p.controls > 0 && p.hidden.length === 0 && p.pageMoved === 0, `${label}: the panel is topmost at each of its ${p.controls} controls, ${when}`, [...(p.hidden ?? []).slice(0, 4), p.pageMoved ? `the page moved ${p.pageMoved} px` : ""].filter(Boolean).join("; "));
  }
  row.inside = first.inside && end.inside;
  row.covered = first.covered.length + end.covered.length + first.hidden.length + end.hidden.length;
  if (vp.touch) check(first.popover, `${label}: on a phone the panel is in the top layer`, `position ${first.position}`);
  const open = await page.evaluate(sizes);
  check(open.pageOverflow <= 0 && open.widgetOverflow <= 0, `${label}: nothing overflows sideways with the panel open`, JSON.stringify(open));
  const axeOpen = await axe(page);
  check(axeOpen.count === 0, `${label}: axe finds no violation with the panel open`, axeOpen.nodes.slice(0, 5).join("; "));
  row.axe = axeClosed.count + axeOpen.count;

  // 4. Previous/next marks a mention: animated, unless the reader asked for reduced motion.
  const motion = await page.evaluate(async () => {
    const s = document.querySelector("#widget").shadowRoot;
    const next = s.querySelector(".ae-panel .ae-stepper button:last-child");
    if (!next) return null;
    next.click();
    await new Promise((r) => setTimeout(r, 120));
    return s.querySelector(".ae-root").getAnimations({ subtree: true }).filter((a) => a.playState === "running").length;
  });
  if (kase.reducedMotion) check(motion === 0, `${label}: with reduced motion nothing animates`, `${motion} running`);
  else check(motion > 0, `${label}: without reduced motion the marked mention animates (the check above can fail)`, `${motion} running`);

  // 5. Escape closes, focus returns to the name; Back closes.
  await page.evaluate(() => document.querySelector("#widget").shadowRoot.querySelector(".ae-panel-title").focus());
  await page.keyboard.press("Escape");
  await page.waitForTimeout(200);
  const afterEscape = await page.evaluate(() => !!document.querySelector("#widget").shadowRoot.querySelector("[data-entity-panel]"));
  const back = await page.evaluate(focused);
  check(!afterEscape && back.startsWith("mark.") && back.includes(`[${target.entity}]`), `${label}: Escape closes the panel, focus returns to the name`, back);
  if (vp.touch) await mark.tap(); else await mark.click();
  await page.waitForFunction(() => document.querySelector("#widget").shadowRoot.querySelector("[data-entity-panel]"), null, { timeout: 5000 }).catch(() => {});
  await page.goBack();
  const closedByBack = await page.waitForFunction(() => !document.querySelector("#widget").shadowRoot.querySelector("[data-entity-panel]"), null, { timeout: 5000 }).then(() => true, () => false);
  check(closedByBack, `${label}: Back closes the panel`);
  check(errors.length === 0, `${label}: no uncaught error`, errors.join(" | "));
  results.push(row);
  await ctx.close();
}

for (const kase of CASES) {
  if (only && !only.includes(kase.name)) continue;
  for (const vp of VIEWPORTS) {
    if (onlyViewport && vp.name !== onlyViewport) continue;
    try {
      await run(kase, vp);
    } catch (e) {
      check(false, `${kase.name} ${vp.name}: the run finished`, e.message.split("\n")[0]);
    }
  }
}
console.table(results);
console.log(failures ? `hosts: ${failures} check(s) failed` : "hosts: every case passed");
process.exit(failures ? 1 : 0);
