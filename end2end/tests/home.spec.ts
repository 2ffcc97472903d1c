import { expect } from "@playwright/test";
import { open, test } from "./helpers";

test("home page presents the shop", async ({ page }, testInfo) => {
  const response = await open(page, "/", testInfo);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("LED outdoor screens for every venue · Lumenwall");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bright enough");
  await expect(page.getByRole("search")).toBeVisible();
  const categories = page.locator(".category-card");
  await expect(categories).toHaveCount(7);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacy policy" })).toBeVisible();
});

test("a category tile leads to its category", async ({ page }, testInfo) => {
  await open(page, "/", testInfo);
  await page.getByRole("link", { name: /Rental and stage panels/ }).click();
  await expect(page).toHaveURL(/\/catalog\/rental$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rental and stage panels");
});

test("searching keeps the words in the address and the box", async ({ page }, testInfo) => {
  await open(page, "/", testInfo);
  const box = page.getByRole("combobox", { name: "Search the catalog" });
  await box.fill("P3.9 rental");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=P3\.9\+rental/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “P3.9 rental”");
  await expect(page.getByRole("combobox", { name: "Search the catalog" })).toHaveValue("P3.9 rental");
});

test("skip link moves to the main content", async ({ page }, testInfo) => {
  await open(page, "/", testInfo);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
});
