import { expect } from "@playwright/test";
import { open, test } from "./helpers";

test("unknown addresses get the designed 404 page", async ({ page }, testInfo) => {
  const response = await open(page, "/this/does/not/exist", testInfo);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bright enough");
});

test("an unknown category is a 404 too", async ({ page }, testInfo) => {
  const response = await open(page, "/catalog/televisions", testInfo);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
