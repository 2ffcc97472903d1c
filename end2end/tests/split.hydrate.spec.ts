import { expect, type Page } from "@playwright/test";
import { test } from "./helpers";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Code splitting (docs/ARCHITECTURE.md, "First load"): the back office's pages are lazy
// routes, each its own wasm chunk; a shopper's pages hydrate from the main wasm alone and
// never download the back office's code.

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

test("a shopper never downloads the back office; staff do", async ({ page }) => {
  const backOffice = new Set(Object.values(manifest()).flat().map((file) => `${file}.wasm`));
  expect(backOffice.size).toBeGreaterThan(0);
  const wasm = recordWasm(page);

  // Shopper pages by direct visit and by following links in the app.
  for (const path of ["/", "/catalog", "/products/solara-fx-p10", "/configurator", "/cart", "/account/register"]) {
    await hydrated(page, path);
  }
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  expect(wasm.length).toBeGreaterThan(0);
  expect(wasm.filter((file) => backOffice.has(file))).toEqual([]);
  expect(wasm.every((file) => file.startsWith("shop."))).toBe(true);

  // Staff opening the back office fetch its chunks, and the page comes alive.
  await page.getByLabel("Email address").fill("admin@lumenwall.example");
  await page.getByLabel("Password", { exact: true }).fill("lumenwall-demo-admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await hydrated(page, "/admin/orders");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orders");
  expect(wasm.filter((file) => backOffice.has(file)).length).toBeGreaterThan(0);
});
