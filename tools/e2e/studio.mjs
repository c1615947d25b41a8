// The authoring studio end to end, as an editor uses it, from the keyboard where it can be: a
// short plain-text Arabic report goes in; two entities are created from its words, a relation
// with its evidence and its source, a timeline event, a point and a movement placed by clicks on the map; the studio shows no
// problem; the published document is downloaded and shown by the reader with the expected
// mentions and relation. Prints the time it took. axe-core checks the studio (English, then
// Arabic). Screenshot in target/e2e/studio.png.
//   node tools/e2e/studio.mjs http://127.0.0.1:PORT/
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, require } from "./browser.mjs";

const base = process.argv[2];
const shots = join(process.cwd(), "target", "e2e");
mkdirSync(shots, { recursive: true });
const axePath = require.resolve("axe-core/axe.min.js");

let failures = 0;
function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
}

const ARTICLE = [
  "سفينة حربية روسية تصل إلى هافانا",
  "وصلت الفرقاطة الروسية الأميرال غورشكوف إلى ميناء هافانا صباح الأربعاء، بحسب وكالة تاس.",
  "وقال وزير الخارجية الكوبي برونو رودريغيث إن الزيارة روتينية، فيما قالت واشنطن إنها تتابع تحركات السفينة في البحر الكاريبي.",
].join("\n");

const browser = await launch({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true, bypassCSP: true });
const page = browser.pages()[0] ?? await browser.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
const st = (name) => `[data-st='${name}']`;

async function axe(name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const detail = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; ");
  check(result.violations.length === 0, `studio axe: ${name}: ${result.violations.length} violation(s), ${result.passes.length} rules passed`, detail);
}

await page.goto(base + "studio.html?lang=en", { waitUntil: "domcontentloaded" });
await page.waitForSelector(st("text"), { timeout: 20000 });
await axe("start, English");

// The editor's steps, timed from the text going in to the published document in hand.
const started = Date.now();
await page.fill(st("text"), ARTICLE);
await page.click(st("start"));
await page.waitForSelector(st("editor") + " .st-m", { timeout: 20000 });

/** Selects words through the find box (the keyboard's way), as the editor would. */
async function select(words) {
  await page.fill(st("find"), words);
  await page.press(st("find"), "Enter");
  await page.waitForFunction((w) => document.querySelector("[data-st='selection'] q")?.textContent === w, words, { timeout: 5000 });
}
async function newEntity(words, kind, english) {
  await select(words);
  await page.selectOption(st("kind"), kind);
  await page.fill(st("name-en"), english);
  await page.click(st("new-entity"));
  await page.waitForFunction((w) => [...document.querySelectorAll("[data-st='editor'] .st-m")].some((m) => m.textContent === w), words, { timeout: 5000 });
}
const lap = (what) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
lap("text in, mentions shown");
/** Fills the relation form (the selection is its evidence) and adds it. */
async function relation(subject, predicate, object, sources = "", whenAr = "", whenEn = "") {
  await page.fill(st("subject"), subject);
  await page.selectOption(st("predicate"), predicate);
  await page.fill(st("object"), object);
  await page.fill(st("sources"), sources);
  await page.fill(st("when-ar"), whenAr);
  await page.fill(st("when-en"), whenEn);
  await page.click(st("relation"));
}
await newEntity("الأميرال غورشكوف", "military-asset", "Admiral Gorshkov");
lap("first entity");
await newEntity("برونو رودريغيث", "person", "Bruno Rodríguez");
lap("second entity");
// A relation: the selection is its evidence, TASS its source.
await select("وصلت الفرقاطة الروسية الأميرال غورشكوف إلى ميناء هافانا");
await relation("admiral-gorshkov", "arrived-at", "havana", "tass", "صباح الأربعاء", "on Wednesday morning");
await page.waitForFunction(() => document.querySelector("[data-st='status']")?.textContent.includes("arrived-at"), null, { timeout: 5000 });
lap("relation");
// A timeline event: the same sentence its evidence; the article gives a day, not a date.
await page.fill(st("event-ar"), "وصول الفرقاطة إلى هافانا");
await page.fill(st("event-en"), "The frigate arrives in Havana");
await page.fill(st("event-when-ar"), "صباح الأربعاء");
await page.fill(st("event-when-en"), "on Wednesday morning");
await page.fill(st("event-entities"), "admiral-gorshkov havana");
await page.click(st("event"));
await page.waitForFunction(() => document.querySelector("[data-st='status']")?.textContent.includes("the-frigate-arrives-in-havana"), null, { timeout: 5000 });
lap("event");
// A point: the place's name selected, its English name, a click on the map at Havana.
await select("هافانا");
await page.fill(st("point-en"), "Havana");
await page.selectOption(st("point-kind"), "capital");
await page.fill(st("point-entity"), "havana");
await page.locator(st("map")).scrollIntoViewIfNeeded();
const map = await page.locator(st("map")).boundingBox();
await page.mouse.click(map.x + ((-82.36 + 180) / 360) * map.width, map.y + ((90 - 23.13) / 180) * map.height);
await page.waitForSelector(st("map") + " .st-point", { timeout: 5000 });
lap("point");
// A movement: two clicks (from the Atlantic to Havana), then Finish.
await select("الأميرال غورشكوف");
await page.selectOption(st("map-mode"), "movement");
await page.fill(st("point-en"), "Admiral Gorshkov to Havana");
await page.selectOption(st("point-kind"), "route");
await page.fill(st("point-entity"), "admiral-gorshkov");
await page.locator(st("map")).scrollIntoViewIfNeeded();
const map2 = await page.locator(st("map")).boundingBox();
const at = (lat, lon) => [map2.x + ((lon + 180) / 360) * map2.width, map2.y + ((90 - lat) / 180) * map2.height];
await page.mouse.click(...at(26, -60));
await page.mouse.click(...at(23.13, -82.36));
await page.click(st("map-finish"));
await page.waitForSelector(st("map") + " .st-movement", { timeout: 5000 });
lap("movement");
const problems = await page.textContent("[data-st='problems-count']");
check(problems.trim() === "Problems (0)", "studio: no problem left after the edits", problems);
check(await page.isEnabled(st("save-published")), "studio: the published document can be downloaded", errors.join("; "));
const download = page.waitForEvent("download");
await page.click(st("save-published"));
const file = await (await download).path();
const elapsed = (Date.now() - started) / 1000;
const published = readFileSync(file, "utf8");
console.log(`studio: a 3-line article authored and published in ${elapsed.toFixed(1)} s (scripted; 2 entities, 1 relation, 1 timeline event, 1 point, 1 movement)`);
const doc = JSON.parse(published);
check(doc.format === "article-explorer/published", "studio: the download is a published document");
check(doc.relations?.[0]?.when?.en === "on Wednesday morning" && doc.relations[0].asserted_by?.length === 1, "studio: the relation keeps its time as the article says it and its source", JSON.stringify(doc.relations?.[0]));
const event = doc.timeline?.[0];
check(event?.id === "the-frigate-arrives-in-havana" && event.when.ar === "صباح الأربعاء" && !event.date && event.order === 1 && event.entities.length === 2 && event.evidence,
  "studio: the timeline event keeps its time as the article says it, its entities and its evidence", JSON.stringify(event));
const point = doc.map?.points?.[0];
check(point && Math.abs(point.coordinates.lat - 23.13) < 1.5 && Math.abs(point.coordinates.lon + 82.36) < 1.5 && point.entities[0] === "havana",
  "studio: the point is where the map was clicked", JSON.stringify(point));
const move = doc.map?.movements?.[0];
check(move && Math.abs(move.from.lat - 26) < 1.5 && Math.abs(move.to.lon + 82.36) < 1.5 && move.entities[0] === "admiral-gorshkov",
  "studio: the movement runs between the two clicks", JSON.stringify(move));
check(await page.locator(st("preview") + " .ae-article mark[data-entity='admiral-gorshkov']").count() === 1, "studio: the preview beside the editor shows the new entity");
await page.setViewportSize({ width: 1440, height: 1000 });
await page.evaluate(() => window.scrollTo(0, document.querySelector(".st-work").offsetTop - 8));
await page.screenshot({ path: join(shots, "studio.png"), fullPage: false });
await page.setViewportSize({ width: 1280, height: 1000 });
await axe("an article authored, English");
await page.click(st("lang"));
await page.waitForSelector(".st-root[lang='ar']");
await axe("an article authored, Arabic");

// Saved authoring document: reopened, the same article and entities.
const saved = page.waitForEvent("download");
await page.click(st("save-authoring"));
const authoring = JSON.parse(readFileSync(await (await saved).path(), "utf8"));
check(authoring.entities.length === 2 && authoring.relations[0].evidence.exact.startsWith("وصلت") && authoring.catalogues[0] === "catalogues/sample.json",
  "studio: the authoring document keeps the entities, the relation's quote and the catalogue", JSON.stringify(authoring.relations[0]?.evidence));

// Reopened: the authoring document goes on being edited, the published one is shown.
await page.setInputFiles(st("open"), { name: "article.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(authoring)) });
await page.waitForFunction(() => document.querySelectorAll("[data-st='editor'] .st-m").length >= 8, null, { timeout: 10000 }).then(
  () => check(true, "studio: the saved authoring document reopens with its mentions"),
  () => check(false, "studio: the saved authoring document reopens with its mentions"));
await page.setInputFiles(st("open"), { name: "article.published.json", mimeType: "application/json", buffer: Buffer.from(published) });
const viewing = await page.waitForSelector("#st-viewing-h", { timeout: 10000 }).then(() => true, () => false);
check(viewing, "studio: a published document reopens in the preview");

// A problem is shown at once, with its path, and leads to its place.
await select("بحسب وكالة تاس");
await relation("admiral-gorshkov", "reported", "nowhere");
const problem = await page.waitForSelector("[data-st='problems'] li", { timeout: 5000 }).then((li) => li.textContent(), () => "");
check(problem.includes("relations[1].object") && problem.includes("unknown entity"), "studio: a problem is listed at once with its path", problem);
await page.click("[data-st='problems'] li button");
const flashed = await page.waitForFunction(() => document.querySelector("#st-text-1")?.classList.contains("st-flash"), null, { timeout: 3000 }).then(() => true, () => false);
check(flashed, "studio: the problem's button leads to the text its quote is in");

// The reader shows the published document.
await page.route("**/e2e/studio-published.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: published }));
await page.goto(base + "index.html?src=e2e/studio-published.json&lang=en", { waitUntil: "domcontentloaded" });
await page.waitForFunction(() => document.querySelector("#app").shadowRoot?.querySelectorAll(".ae-host:not([hidden]) .ae-article mark").length > 0, null, { timeout: 15000 });
const shown = await page.evaluate(() => {
  const root = document.querySelector("#app").shadowRoot;
  return {
    marks: [...root.querySelectorAll(".ae-article mark")].map((m) => m.dataset.entity),
    rows: [...root.querySelectorAll(".ae-graph-table tr")].map((r) => r.textContent),
  };
});
const expected = ["havana", "russia", "admiral-gorshkov", "havana", "tass", "bruno-rodriguez", "washington", "caribbean-sea"];
check(JSON.stringify(shown.marks) === JSON.stringify(expected), "studio → reader: the expected mentions, in order", JSON.stringify(shown.marks));
check(shown.rows.some((r) => r.includes("Admiral Gorshkov") && r.includes("arrived at") && r.includes("Havana")), "studio → reader: the relation, with its source", shown.rows.slice(1).join(" | "));
// The timeline is drawn when it comes into view (scrolled to again until it is: the page can
// still grow above it).
const listed = await (async () => {
  for (let i = 0; i < 50; i++) {
    const text = await page.evaluate(() => {
      const root = document.querySelector("#app").shadowRoot;
      root.querySelector(".ae-timeline-frame")?.scrollIntoView();
      return root.querySelector(".ae-timeline [data-event='the-frigate-arrives-in-havana']")?.textContent ?? null;
    });
    if (text !== null) return text;
    await page.waitForTimeout(100);
  }
  return "";
})();
check(listed.includes("The frigate arrives in Havana") && listed.includes("on Wednesday morning"), "studio → reader: the timeline lists the event, with the article's time", listed);
check(errors.length === 0, "studio: no page error", errors.join("; "));

await browser.close();
console.log(failures === 0 ? "all studio checks passed" : `${failures} studio check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
