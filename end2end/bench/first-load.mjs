// The wasm and JS a first visit to each page downloads, as Chromium fetches them (so the
// chunks of a lazy route count too), with their total sizes raw, gzip -9 and brotli (the
// .br files the build made), the number of files and how long the page took to come alive.
// Used by `./shop bench`:
//   node end2end/bench/first-load.mjs BASE_URL SITE_ROOT PATH...
import { chromium } from "@playwright/test";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const [base, site, ...paths] = process.argv.slice(2);
if (!base || !site || paths.length === 0) {
  console.error("usage: first-load.mjs BASE_URL SITE_ROOT PATH...");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
let failed = false;
for (const path of paths) {
  // A fresh context each time: an empty cache, as on a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  const missing = new Set();
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (!/^\/pkg\/[^/]+\.(js|wasm)$/.test(pathname)) return;
    if (response.ok() && existsSync(join(site, pathname))) files.add(pathname);
    else missing.add(`${pathname} (${response.status()})`);
  });
  const started = Date.now();
  try {
    await page.goto(base + path);
    // `data-hydrated` is set once every part of the page is hydrated (frontend/src/lib.rs).
    await page.waitForSelector("body[data-hydrated]", { timeout: 30_000 });
  } catch (error) {
    console.log(`    ${path.padEnd(26)} did not come alive: ${error.message.split("\n")[0]}`);
    failed = true;
    await context.close();
    continue;
  }
  const alive = Date.now() - started;
  await page.waitForLoadState("networkidle").catch(() => {});
  if (missing.size > 0) {
    console.log(`    ${path.padEnd(26)} asked for files the build does not have: ${[...missing].join(", ")}`);
    failed = true;
  }
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const local = join(site, file);
    raw += statSync(local).size;
    gzip += gzipSync(readFileSync(local), { level: 9 }).length;
    if (existsSync(`${local}.br`)) brotli += statSync(`${local}.br`).size;
  }
  console.log(
    `    ${path.padEnd(26)} ${String(files.size).padStart(4)} files   raw ${String(raw).padStart(9)}` +
      `   gzip ${String(gzip).padStart(8)}   brotli ${String(brotli).padStart(8)}   alive after ${alive} ms`,
  );
  await context.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
