import { expect, type Page } from "@playwright/test";
import { test } from "./helpers";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Code splitting (docs/ARCHITECTURE.md, "First load"): the catalog pages and the cart
// hydrate from the main wasm alone; every other page is a lazy route whose code comes in
// chunks when it is first shown; a shopper never downloads the back office's code.

const pkg = resolve(__dirname, "..", "..", "target", "site", "pkg");

/** The split build's manifest: each lazy page → the wasm files it needs. */
function manifest(): Record<string, string[]> {
  const name = readdirSync(pkg).find((f) => /^__wasm_split_manifest\..*\.json$/.test(f));
  expect(name, "the release build was made with --split").toBeTruthy();
  return JSON.parse(readFileSync(join(pkg, name!), "utf8"));
}

function recordWasm(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const match = /\/pkg\/([^/?]+\.wasm)/.exec(request.url());
    if (match) seen.push(match[1]);
  });
  return seen;
}

async function hydrated(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

/** The wasm files the lazy routes whose manifest key passes `which` need. */
function chunksOf(routes: Record<string, string[]>, which: (key: string) => boolean): Set<string> {
  return new Set(
    Object.entries(routes)
      .filter(([key]) => which(key))
      .flatMap(([, files]) => files)
      .map((file) => `${file}.wasm`),
  );
}

test("catalog pages need only the main wasm, other pages their chunks, and a shopper never gets the back office", async ({ page }) => {
  // Back-office routes are named `Admin…Route` (app/src/shell.rs); chunks they share with
  // shop pages are not back-office code.
  const routes = manifest();
  const isBackOffice = (key: string) => key.startsWith("__admin_");
  const wasm = recordWasm(page);
  const shop = chunksOf(routes, (key) => !isBackOffice(key));
  const backOffice = new Set([...chunksOf(routes, isBackOffice)].filter((file) => !shop.has(file)));
  expect(shop.size).toBeGreaterThan(0);
  // Each back-office page's own chunk is back-office code (a route that lost its `Admin`
  // name would count as a shop page here).
  const adminPages = Object.keys(routes).filter(isBackOffice);
  expect(adminPages.length).toBe(18);
  for (const key of adminPages) {
    expect([...backOffice].some((file) => file.startsWith(`split_${key}.`)), key).toBe(true);
  }
  /** True when every file the lazy page whose key starts with `prefix` needs was fetched. */
  const fetchedAllOf = (prefix: string) => {
    const key = Object.keys(routes).find((k) => k.startsWith(prefix));
    expect(key, prefix).toBeTruthy();
    return routes[key!].every((file) => wasm.includes(`${file}.wasm`));
  };

  // Where most visits start: the main wasm and nothing else.
  for (const path of ["/", "/catalog", "/products/solara-fx-p10", "/cart"]) {
    await hydrated(page, path);
  }
  expect(wasm.length).toBeGreaterThan(0);
  expect(wasm.every((file) => file.startsWith("shop."))).toBe(true);

  // Other shop pages by direct visit and by following links in the app: their own chunks.
  for (const path of ["/configurator", "/account/register"]) {
    await hydrated(page, path);
  }
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  expect(fetchedAllOf("__configurator_page_route_view_")).toBe(true);
  expect(fetchedAllOf("__register_page_route_view_")).toBe(true);
  expect(fetchedAllOf("__sign_in_page_route_view_")).toBe(true);
  expect(wasm.filter((file) => backOffice.has(file))).toEqual([]);

  // Staff opening the back office fetch its chunks, and the page comes alive.
  await page.getByLabel("Email address").fill("admin@lumenwall.example");
  await page.getByLabel("Password", { exact: true }).fill("lumenwall-demo-admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await hydrated(page, "/admin/orders");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orders");
  expect(wasm.filter((file) => backOffice.has(file)).length).toBeGreaterThan(0);
});
