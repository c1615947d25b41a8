// Headless Chromium as every end-to-end script launches it: the Debian (or $CHROME) browser, a
// fresh profile (nothing cached, as for a first visit), no background traffic, playwright-core
// from the npm folder scripts/lib.sh installs ($AE_NPM).
import { createRequire } from "node:module";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** `require` for the npm tools (playwright-core, axe-core). */
export const require = createRequire(join(process.env.AE_NPM, "node_modules", "noop.js"));
const { chromium } = require("playwright-core");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

/** A browser context with a fresh profile; `options` go to playwright, `flags` are added to Chromium's. */
export function launch(options = {}, flags = []) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "ae-e2e-")), {
    executablePath: process.env.CHROME,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options,
    args: [...FLAGS, ...flags],
  });
}
