import { expect } from "@playwright/test";
import { open, test } from "./helpers";

test("the hydrated app switches language in place, without reloading", async ({ page }, testInfo) => {
  await open(page, "/privacy", testInfo);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私政策");
  await expect(page).toHaveTitle(/隐私政策/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test("client-side navigation keeps working after hydration", async ({ page }, testInfo) => {
  await open(page, "/", testInfo);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.getByRole("banner").getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catalog");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
});
