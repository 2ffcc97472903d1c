import { expect } from "@playwright/test";
import { ADMIN, open, test } from "./helpers";

test("staff create a product, fix a mistake, change its stock, and it is in the shop", async ({ page }, testInfo) => {
  const slug = `e2e-cable-${testInfo.project.name}-${Date.now()}`;
  await open(page, "/account/sign-in", testInfo);
  await page.getByLabel("Email address").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // On a desktop the header's back office link sits on the row's centre line like the
  // account link (it was an inline box at the top of the row).
  if ((page.viewportSize()?.width ?? 0) >= 860) {
    const header = page.getByRole("banner");
    const staff = await header.getByRole("link", { name: "Back office" }).boundingBox();
    const account = await header.locator(".account-link").boundingBox();
    const middle = (box: { y: number; height: number }) => box.y + box.height / 2;
    expect(Math.abs(middle(staff!) - middle(account!))).toBeLessThan(2);
  }

  await open(page, "/admin/products", testInfo);
  await page.getByRole("link", { name: "New product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New product");

  await page.getByLabel("Name", { exact: true }).fill("E2E Signal Cable 8 m");
  await page.getByLabel("Web address (slug)").fill(slug);
  await page.getByLabel("Brand").fill("Lumenwall");
  await page.getByLabel("Model").fill("SC-8M");
  await page.getByLabel("Category").selectOption("accessories");
  await page.getByLabel("Summary (English)").fill("Shielded signal cable, 8 m.");
  await page.getByLabel("Summary (Chinese)").fill("屏蔽信号线，8 米。");
  await page.getByLabel("Description (English)").fill("Shielded twisted-pair signal cable with locking plugs.");
  await page.getByLabel("Unit price (USD)").fill("twelve");
  await page.getByLabel("Opening stock").fill("40");
  await page.getByLabel("Warranty (months)").fill("12");
  await page.getByLabel("Lead time (days)").fill("2");
  await page.getByLabel("Shipping weight (kg)").fill("0.9");
  await page.getByLabel("Package length (mm)").fill("300");
  await page.getByLabel("Package width (mm)").fill("300");
  await page.getByLabel("Package height (mm)").fill("80");
  await page.getByRole("button", { name: "Save changes" }).click();

  // The mistake is named next to its field and nothing typed is lost.
  await expect(page.getByText("Please check the highlighted fields.")).toBeVisible();
  await expect(page.getByLabel("Web address (slug)")).toHaveValue(slug);
  await expect(page.locator("#f-form-price_1-error")).toHaveText("Enter an amount above zero, like 1250 or 1250.50.");
  await expect(page.locator("#f-form-description_zh-error")).toHaveText("Please fill this in.");
  await page.getByLabel("Unit price (USD)").fill("12.50");
  await page.getByLabel("Description (Chinese)").fill("带锁定插头的屏蔽双绞信号线。");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/\d+/);
  await expect(page.getByRole("heading", { name: "E2E Signal Cable 8 m" })).toBeVisible();
  await expect(page.getByText("40 in stock")).toBeVisible();

  // Stock changes need a reason.
  await page.getByLabel("Change", { exact: true }).fill("+5");
  await page.getByLabel("Reason").fill("Delivery from the factory");
  await page.getByRole("button", { name: "Change stock" }).click();
  await expect(page.getByText("45 in stock")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Delivery from the factory" })).toBeVisible();

  await open(page, `/products/${slug}`, testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E Signal Cable 8 m");
  await expect(page.locator("main")).toContainText("$12.50");
});
