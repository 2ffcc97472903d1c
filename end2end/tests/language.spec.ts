import { expect } from "@playwright/test";
import { open, test } from "./helpers";

test("switching to Chinese and back is remembered", async ({ page }, testInfo) => {
  await open(page, "/catalog", testInfo);
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("产品目录");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/\/catalog$/);

  // The choice survives a fresh load of another page.
  await open(page, "/", testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("正午阳光");
  await expect(page).toHaveTitle(/适用于各种场所的户外LED显示屏/);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bright enough");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("is greeted in Chinese", async ({ page }, testInfo) => {
    await open(page, "/", testInfo);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("link", { name: "浏览产品目录" })).toBeVisible();
  });
});
