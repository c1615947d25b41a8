// Accessibility check of the demo page with axe-core in headless Chromium: with no panel open,
// with a panel open, and in English. Exits non-zero on any violation.
//   node tools/e2e/axe.mjs http://127.0.0.1:PORT/
import { launch, require } from "./browser.mjs";

const axePath = require.resolve("axe-core/axe.min.js");

const url = process.argv[2];
// The example news pages set a strict CSP; axe itself is injected as an inline script.
const browser = await launch({ bypassCSP: true });
const page = browser.pages()[0] ?? await browser.newPage();
let failed = 0;

async function check(name) {
  for (const frame of page.frames()) await frame.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const count = result.violations.reduce((n, v) => n + v.nodes.length, 0);
  console.log(`axe: ${name}: ${result.violations.length} violation(s), ${count} node(s); ${result.passes.length} rules passed`);
  for (const v of result.violations) {
    console.log(`  ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.split("\n").join(" / ")}`);
  }
  failed += result.violations.length;
}

// Wait for what the check needs: the widget's own mentions.
async function open(url) {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".ae-host .ae-article [data-entity]", { timeout: 15000 });
}

await open(url);
await check("article, no panel open");
await page.click(".ae-host .ae-article [data-entity='nicolas-maduro']");
await page.waitForSelector("[data-entity-panel='nicolas-maduro']");
await check("article with the Maduro panel open");
await page.click(".ae-lang");
await page.waitForSelector(".ae-root[lang='en']");
await check("English UI, panel open");
await page.click(".ae-graph-table summary");
await check("table of relations open");
// The figures module: the timeline with an event selected, and the graph's picture.
await page.locator(".ae-timeline-frame").scrollIntoViewIfNeeded();
await page.waitForSelector(".ae-timeline .ae-event-select", { timeout: 15000 });
await page.click(".ae-timeline .ae-event-select");
await check("timeline drawn, an event selected");
// The map, drawn by the figures module, mid-story: a step current, later features faded, playing.
await page.locator(".ae-map").scrollIntoViewIfNeeded();
await page.waitForSelector(".ae-map .ae-land", { timeout: 15000 });
await page.click(".ae-story-steps [data-ae-step='2']");
await page.click("[data-ae-story=play]");
await check("map mid-story, playing");
await page.click("[data-ae-story=play]");
await page.emulateMedia({ colorScheme: "dark" });
await page.click(".ae-lang");
await page.waitForSelector(".ae-root[lang='ar']");
await check("dark mode, Arabic UI, panel open");
// A large generated graph (80 entities, written by `cargo xtask graph-docs`), drawn, with an
// entity open: the focused picture and its button.
await page.emulateMedia({ colorScheme: "light" });
await open(new URL("index.html?src=e2e/graph-80.json", url).href);
await page.evaluate(() => document.querySelector("#app").shadowRoot.querySelector(".ae-graph").scrollIntoView());
await page.waitForSelector(".ae-graph svg .ae-node", { timeout: 15000 });
await page.click(".ae-graph svg .ae-node");
await page.waitForSelector(".ae-graph-focus button", { timeout: 5000 });
await check("large graph, focused on an open entity");
// A report no region holds: the world's base map in a fitted region, its countries labelled.
await open(new URL("index.html?src=e2e/red-sea.json", url).href);
await page.locator(".ae-map").scrollIntoViewIfNeeded();
await page.waitForSelector(".ae-map .ae-land", { timeout: 15000 });
await check("a map on the world's base map (Red Sea)");
// A news page with two widgets (one dark, with a panel open) and a page with an iframe embed.
await page.emulateMedia({ colorScheme: "light" });
await page.goto(new URL("examples/news-en.html", url).href, { waitUntil: "domcontentloaded" });
await page.waitForSelector("#explorer-second [data-entity-panel='nicolas-maduro']", { timeout: 15000 });
await page.waitForSelector("#explorer-en .ae-host:not([hidden]) .ae-article [data-entity]", { timeout: 15000 });
await check("English news page with two widgets");
await page.goto(new URL("examples/iframe.html", url).href, { waitUntil: "domcontentloaded" });
await page.frameLocator("iframe").locator(".ae-host:not([hidden]) .ae-article [data-entity]").first().waitFor({ timeout: 15000 });
await check("iframe embed");
await browser.close();
console.log(failed === 0 ? "axe: 11 passed, 0 failed" : `axe: failed with ${failed} violation(s)`);
process.exit(failed === 0 ? 0 : 1);
