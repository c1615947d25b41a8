// Map speed in headless Chromium (a benchmark, not a test): time from the map coming into view
// to its coastlines being drawn, the work of one pan or zoom step, from the input event to
// the new view laid out, and the frame times while the story plays (each step's fade and pulse).
// Prints medians and p95 over several runs.
//   node tools/e2e/map-speed.mjs http://127.0.0.1:PORT/ [RUNS]
import { launch } from "./browser.mjs";

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

const ctx = await launch();
const firstRender = [];
const steps = [];
const frames = [];
for (let r = 0; r < runs; r++) {
  const page = await ctx.newPage();
  await page.goto(url + "?run=" + r);
  await page.waitForSelector(".ae-host .ae-article [data-entity]");
  firstRender.push(await page.evaluate(() => new Promise(resolve => {
    const t0 = performance.now();
    const done = () => { if (document.querySelector("[data-article-explorer]").shadowRoot.querySelector(".ae-land")) { resolve(performance.now() - t0); return true; } return false; };
    const mo = new MutationObserver(() => { if (done()) mo.disconnect(); });
    mo.observe(document.querySelector("[data-article-explorer]").shadowRoot.querySelector("[data-map]"), { childList: true, subtree: true });
    document.querySelector("[data-article-explorer]").shadowRoot.querySelector("[data-map]").scrollIntoView();
  })));
  // One step: dispatch the input, let Yew render (it works on the next tasks), force layout.
  steps.push(...await page.evaluate(async () => {
    const svg = document.querySelector("[data-article-explorer]").shadowRoot.querySelector(".ae-map-frame svg");
    const rect = svg.getBoundingClientRect();
    const tick = () => new Promise(r => setTimeout(r, 0));
    const out = [];
    const measure = async (dispatch) => {
      const t0 = performance.now();
      dispatch();
      await tick(); await tick();
      svg.getBoundingClientRect(); document.body.offsetHeight;
      out.push(performance.now() - t0);
    };
    const base = []; for (let i = 0; i < 20; i++) { const t0 = performance.now(); await tick(); await tick(); base.push(performance.now() - t0); }
    const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
    for (let i = 0; i < 30; i++) await measure(() => svg.dispatchEvent(new WheelEvent("wheel", { deltaY: i < 15 ? -120 : 120, clientX: x, clientY: y, bubbles: true, cancelable: true })));
    svg.dispatchEvent(new PointerEvent("pointerdown", { pointerId: 1, clientX: x, clientY: y, bubbles: true }));
    for (let i = 0; i < 30; i++) await measure(() => svg.dispatchEvent(new PointerEvent("pointermove", { pointerId: 1, clientX: x + i * 4, clientY: y + i * 2, bubbles: true })));
    svg.dispatchEvent(new PointerEvent("pointerup", { pointerId: 1, clientX: x, clientY: y, bubbles: true }));
    const b = base.sort((a, b) => a - b)[10];
    return out.map(t => Math.max(0, t - b));
  }));
  // The story played from start to end: the time between animation frames throughout.
  if (r < 2) frames.push(...await page.evaluate(() => new Promise((resolve) => {
    const root = document.querySelector("[data-article-explorer]").shadowRoot;
    const play = root.querySelector("[data-ae-story=play]");
    const out = [];
    let last = performance.now();
    const frame = (now) => {
      out.push(now - last);
      last = now;
      if (play.getAttribute("aria-pressed") === "true") requestAnimationFrame(frame);
      else setTimeout(() => resolve(out), 1300);
    };
    play.click();
    requestAnimationFrame(frame);
  })));
  await page.close();
}
await ctx.close();
const f = (n) => n.toFixed(1) + " ms";
console.log(`map: first render after coming into view: median ${f(q(firstRender, 0.5))}, p95 ${f(q(firstRender, 0.95))} (${runs} runs)`);
console.log(`map: pan/zoom step (event to new view laid out): median ${f(q(steps, 0.5))}, p95 ${f(q(steps, 0.95))} (${steps.length} steps)`);
const long = frames.filter((t) => t > 50).length;
console.log(`map: story playing, time between frames: median ${f(q(frames, 0.5))}, p95 ${f(q(frames, 0.95))}, max ${f(Math.max(...frames))}, ${long} of ${frames.length} frames over 50 ms`);
