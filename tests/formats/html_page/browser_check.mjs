// Opens local HTML files in headless Chromium (through puppeteer-core, never a downloaded
// browser), runs axe-core on each and, if asked, saves screenshots. Prints one JSON line per page:
// {"page": ..., "violations": [{"id", "impact", "help", "nodes": [...]}]}.
// Usage: node browser_check.mjs CHROMIUM AXE_JS OUT_DIR FILE[=WIDTH,...] ...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(process.env.BROADSHEET_NODE_MODULES + "/");
const puppeteer = require("puppeteer-core");
const [chromium, axePath, outDir, ...pages] = process.argv.slice(2);
const axeSource = readFileSync(axePath, "utf8");

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir: path.join(outDir, "profile"),
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
  ],
});
try {
  for (const spec of pages) {
    const [file, widthList] = spec.split("=");
    const page = await browser.newPage();
    // Only the file itself may load: the pages must stand alone.
    await page.setRequestInterception(true);
    page.on("request", (request) =>
      request.url().startsWith("file:") || request.url().startsWith("data:") ? request.continue() : request.abort());
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const found = await axe.run(document, { resultTypes: ["violations"] });
      return found.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
    });
    const shots = [];
    for (const width of (widthList || "").split(",").filter(Boolean)) {
      await page.setViewport({ width: Number(width), height: Number(width) < 600 ? 800 : 900, deviceScaleFactor: 1 });
      const shot = path.join(outDir, `${path.basename(file, ".html")}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      shots.push(shot);
    }
    console.log(JSON.stringify({ page: file, violations: result, screenshots: shots }));
    await page.close();
  }
} finally {
  await browser.close();
}
