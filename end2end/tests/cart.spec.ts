import { expect } from "@playwright/test";
import { isHydrated, open, test } from "./helpers";

// The cart, hydrated and as a plain HTML site, on a desktop and a phone: add with a quantity
// (tier price and saving), change it, a wall from the configurator as one group, empty.

const PANEL = "/products/tourline-r-p3-91";

test("fill the cart, change it and empty it", async ({ page }, testInfo) => {
  await open(page, `${PANEL}?qty=12`, testInfo);
  const buy = page.locator(".product-buy .add-to-cart");
  await expect(buy.getByLabel("Quantity")).toHaveValue("12");
  await buy.getByRole("button", { name: "Add to cart" }).click();
  if (isHydrated(testInfo)) {
    // The page stays, says so, and the header counts the units at once.
    await expect(page.getByText("Added to your cart.")).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveText("12");
    await page.getByRole("link", { name: "View cart" }).click();
  }
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-count")).toHaveText("12");
  const line = page.getByTestId("cart-line");
  await expect(line).toContainText("Tourline R P3.91 Rental Panel");
  await expect(line).toContainText("$676.00 × 12");
  await expect(line).toContainText("Tier price: you save $528.00");
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$8,112.00");

  // Fewer than ten: the single-unit price again, no saving.
  await line.getByLabel("Quantity").fill("5");
  await line.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$3,600.00");
  await expect(line).not.toContainText("you save");
  await expect(page.getByTestId("cart-count")).toHaveText("5");

  // More than there is: the line says why, and nothing changes.
  await line.getByLabel("Quantity").fill("100000");
  await line.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("cart-line").getByRole("alert")).toContainText("in stock");
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$3,600.00");

  // A wall from the configurator goes in as one group, and out as one.
  await open(page, "/configurator?product=tourline-r-p3-91&mode=cabinets&cols=2&rows=2", testInfo);
  await page.getByRole("button", { name: "Add the whole wall to the cart" }).click();
  if (isHydrated(testInfo)) {
    await expect(page.getByText("The wall is in your cart")).toBeVisible();
    await open(page, "/cart", testInfo);
  }
  await expect(page).toHaveURL(/\/cart$/);
  const wall = page.getByRole("region", { name: "LED wall, 2 × 2 cabinets" });
  await expect(wall.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-line")).toHaveCount(3);
  await wall.getByRole("button", { name: "Remove the wall" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$3,600.00");

  // Emptying asks first.
  await page.getByRole("link", { name: "Empty the cart" }).click();
  await expect(page.getByText("Remove everything from your cart?")).toBeVisible();
  await page.getByRole("button", { name: "Empty the cart" }).click();
  await expect(page.getByText("Your cart is empty.").first()).toBeVisible();
  await expect(page.getByTestId("cart-count")).toBeHidden();
});

test("add from a listing card", async ({ page }, testInfo) => {
  await open(page, "/catalog", testInfo);
  const card = page.locator(".product-card").first();
  const name = (await card.locator(".product-name").textContent())!.trim();
  await card.getByRole("button", { name: "Add to cart" }).click();
  if (isHydrated(testInfo)) {
    await expect(card.getByText("Added to your cart.")).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    await open(page, "/cart", testInfo);
  }
  await expect(page.getByTestId("cart-line")).toContainText(name);
  // Catalog pages come from the page cache with this visitor's cart put in.
  await open(page, "/catalog", testInfo);
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await open(page, "/", testInfo);
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});
