// Screenshots of the figures for the README: the seed's timeline (Arabic, its first event
// selected), the seed's graph on a desktop and on a phone, a generated graph of 80 entities
// with one entity open (the picture focused on it), and the map mid-story.
//   node tools/e2e/figure-shots.mjs http://127.0.0.1:PORT/ [OUT-DIR]
// (the build must contain e2e/graph-80.json: `cargo xtask graph-docs dist/e2e`).
import { launch } from "./browser.mjs";

const [base, out = "docs"] = process.argv.slice(2);
const shots = [
  { url: "index.html", width: 900, file: "timeline.png", frame: ".ae-timeline", select: true },
  { url: "index.html?lang=en", width: 1100, file: "graph.png" },
  { url: "index.html", width: 390, file: "graph-phone.png" },
  { url: "index.html?src=e2e/graph-80.json&lang=en", width: 1100, file: "graph-focused.png", open: true },
  { url: "index.html", width: 1100, file: "map-story.png", frame: ".ae-map", story: 6 },
];
for (const shot of shots) {
  const ctx = await launch({ viewport: { width: shot.width, height: 900 }, deviceScaleFactor: 1 });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(base + shot.url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".ae-graph", { timeout: 15000 });
  await page.locator(".ae-graph").scrollIntoViewIfNeeded();
  await page.waitForSelector(".ae-graph svg .ae-node", { timeout: 15000 });
  if (shot.select) await page.click(".ae-timeline .ae-event-select");
  if (shot.story) {
    // The map mid-story: the step chosen from the list, its features marked, later ones faded.
    await page.locator(".ae-map").scrollIntoViewIfNeeded();
    await page.waitForSelector(".ae-map .ae-land", { timeout: 15000 });
    await page.click(`.ae-story-steps [data-ae-step="${shot.story}"]`);
    await page.waitForTimeout(1400);
  }
  if (shot.open) {
    await page.click(".ae-graph svg .ae-node");
    await page.waitForSelector(".ae-graph-focus", { timeout: 5000 });
  }
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.locator(shot.frame ?? ".ae-graph-frame").screenshot({ path: `${out}/${shot.file}` });
  await ctx.close();
}
console.log(`wrote ${shots.map((s) => s.file).join(", ")} in ${out}`);
