import { expect } from "@playwright/test";
import { open, test } from "./helpers";

test("the search box suggests products while typing", async ({ page }, testInfo) => {
  await open(page, "/", testInfo);
  const box = page.getByRole("combobox", { name: "Search the catalog" });
  await box.pressSequentially("tourl", { delay: 30 });
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await expect(list).toBeVisible();
  await expect(list.getByRole("option").first()).toContainText("Tourline");
  // Arrow keys move through the list; Enter opens the highlighted product.
  await box.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", "search-suggestion-0");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/products\/tourline-/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tourline");

  // Escape closes the list; Enter without a highlighted suggestion searches as usual.
  await box.fill("");
  await box.pressSequentially("hanging", { delay: 30 });
  await expect(list).toBeVisible();
  await box.press("Escape");
  await expect(list).toBeHidden();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=hanging/);
  await expect(page.locator(".product-card .product-name").first()).toContainText("Hanging Bar");
});
