import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Code splitting (docs/ARCHITECTURE.md, "Code splitting"): the catalog pages hydrate from
// the main wasm alone, other pages fetch their own chunks, and the back office's code is
// never downloaded by a shopper.

const pkg = resolve(__dirname, "..", "..", "target", "site", "pkg");

/** The split build's manifest: each lazy page's name → the wasm files it needs. */
function manifest(): Record<string, string[]> {
  const name = readdirSync(pkg).find((f) => /^__wasm_split_manifest\..*\.json$/.test(f));
  expect(name, "the release build was made with --split").toBeTruthy();
  return JSON.parse(readFileSync(join(pkg, name!), "utf8"));
}

const ADMIN_PAGES = /^__(admin_|customers?_page|mail_page|products_admin|new_product|edit_product)/;

/** Wasm files only the back office needs (its pages' chunks not shared with any shop page). */
function backOfficeFiles(): Set<string> {
  const pages = Object.entries(manifest());
  const shop = new Set(pages.filter(([name]) => !ADMIN_PAGES.test(name)).flatMap(([, files]) => files));
  const admin = pages.filter(([name]) => ADMIN_PAGES.test(name)).flatMap(([, files]) => files);
  return new Set(admin.filter((file) => !shop.has(file)).map((file) => `${file}.wasm`));
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

test("catalog pages hydrate from the main wasm alone", async ({ page }) => {
  const wasm = recordWasm(page);
  for (const path of ["/", "/catalog", "/products/solara-fx-p10", "/search?q=stadium"]) {
    await hydrated(page, path);
  }
  expect(wasm.length).toBeGreaterThan(0);
  expect(wasm.every((file) => file.startsWith("shop."))).toBe(true);
});

test("a shopper never downloads the back office; staff do", async ({ page }) => {
  const adminOnly = backOfficeFiles();
  expect(adminOnly.size).toBeGreaterThan(0);
  const wasm = recordWasm(page);

  // Every kind of shopper page, by direct visit and by following links in the app.
  for (const path of ["/", "/products/solara-fx-p10", "/compare", "/configurator", "/contact", "/account/register"]) {
    await hydrated(page, path);
  }
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await hydrated(page, "/cart");
  await hydrated(page, "/checkout");
  expect(wasm.some((file) => file.startsWith("split___cart_page"))).toBe(true);
  expect(wasm.filter((file) => adminOnly.has(file))).toEqual([]);

  // Staff opening the back office do fetch its chunks.
  await page.goto("/account/sign-in");
  await page.getByLabel("Email address").fill("admin@lumenwall.example");
  await page.getByLabel("Password", { exact: true }).fill("lumenwall-demo-admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await hydrated(page, "/admin/orders");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(wasm.filter((file) => adminOnly.has(file)).length).toBeGreaterThan(0);
});
