import { expect, type Page, type TestInfo } from "@playwright/test";
import { isHydrated, open, test } from "./helpers";

test("a buyer filters, sorts, searches, prices a quantity and plans a wall", async ({ page }, testInfo) => {
  // Browse and filter: rental panels of 3 mm pitch or finer.
  await open(page, "/catalog", testInfo);
  // At least the 42 seeded products (the staff journey may be adding its own meanwhile).
  await expect(page.getByText(/^(4[2-9]|[5-9]\d) products$/)).toBeVisible();
  await page.getByRole("radio", { name: /Rental and stage panels/ }).check();
  await page.locator('input[name="pitch_max"]').fill("3");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/category=rental/);
  await expect(page).toHaveURL(/pitch_max=3/);
  await expect(page.getByText("2 products")).toBeVisible();
  const cards = page.locator(".product-card .product-name");
  await expect(cards).toHaveText(["Tourline R P2.6 Rental Panel", "Tourline R P2.976 Rental Panel"]);

  // Sort the same selection by price, highest first (the choice stays in the address).
  await page.getByLabel("Sort by").selectOption("price-desc");
  // With JavaScript the choice applies at once; without, the button sends the form.
  if (!isHydrated(testInfo)) {
    await page.getByRole("button", { name: "Sort", exact: true }).click();
  }
  await expect(page).toHaveURL(/sort=price-desc/);
  await expect(cards.first()).toHaveText("Tourline R P2.6 Rental Panel");
  // (The order shows no change here: let the app finish loading the sorted page first.)
  await page.waitForLoadState("networkidle");
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);

  // Search.
  const box = page.getByRole("combobox", { name: "Search the catalog" });
  await box.fill("hanging bar");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=hanging\+bar/);
  await expect(cards.first()).toContainText("Hanging Bar");

  // A product: the tier price for 12 units.
  await open(page, "/search?q=P3.91+rental", testInfo);
  await page.getByRole("link", { name: /Tourline R P3.91 Rental Panel/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tourline R P3.91 Rental Panel");
  if (isHydrated(testInfo)) {
    // One quantity field, the cart's: the price follows it as it is typed.
    await expect(page.getByRole("button", { name: "Show price" })).toBeHidden();
    await page.locator(".product-buy .add-to-cart").getByLabel("Quantity").fill("12");
  } else {
    await page.locator(".qty-form").getByLabel("Quantity").fill("12");
    await page.getByRole("button", { name: "Show price" }).click();
    await expect(page.locator(".product-buy .add-to-cart").getByLabel("Quantity")).toHaveValue("12");
  }
  await expect(page.getByText("12 units: $8,112.00")).toBeVisible();
  await expect(page.locator(".tier-current")).toContainText("10–49");

  // Plan a 4 × 3 wall of it and have the shop price it.
  await page.getByRole("link", { name: "Configure a wall" }).click();
  await expect(page).toHaveURL(/\/configurator\?product=tourline-r-p3-91/);
  await page.getByLabel("Cabinets across", { exact: true }).fill("4");
  await page.getByLabel("Cabinets down", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Price this wall" }).click();
  await expect(page).toHaveURL(/cols=4/);
  await expect(page.getByTestId("wall-cabinets")).toHaveText("4 × 3 = 12");
  await expect(page.getByTestId("wall-size")).toHaveText("2.00 m × 1.50 m");
  await expect(page.getByTestId("wall-resolution")).toHaveText("512 × 384 px (P3.91)");
  await expect(page.getByTestId("quote-total")).toHaveText("$8,352.00");
});

test("unknown products are a real 404", async ({ page }, testInfo) => {
  const response = await open(page, "/products/no-such-screen", testInfo);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

/** Puts two panels in the comparison and opens it. */
async function compareTwo(page: Page, testInfo: TestInfo) {
  for (const slug of ["tourline-r-p3-91", "tourline-r-p4-81"]) {
    await open(page, `/products/${slug}`, testInfo);
    await page.getByRole("button", { name: "Add to / remove from comparison" }).click();
    if (isHydrated(testInfo)) {
      await expect(page.getByRole("link", { name: "Open the comparison" })).toBeVisible();
      await expect(page.getByTestId("compare-state")).toContainText("In your comparison");
    } else {
      await expect(page).toHaveURL(new RegExp(`/products/${slug}$`));
    }
  }
  await open(page, "/compare", testInfo);
}

test("two products side by side", async ({ page }, testInfo) => {
  await compareTwo(page, testInfo);
  await expect(page.locator(".compare-table thead th")).toHaveCount(2);
  await expect(page.locator(".compare-table tr.differs").first()).toBeVisible();
  await expect(page.getByRole("row", { name: /Pixel pitch/ })).toContainText("3.91 mm");
  await expect(page.getByRole("row", { name: /Pixel pitch/ })).toContainText("4.81 mm");
  if (isHydrated(testInfo)) {
    // Opened again, a compared product says so before any click; another one says nothing.
    await open(page, "/products/tourline-r-p3-91", testInfo);
    await expect(page.getByTestId("compare-state")).toContainText("In your comparison");
    await open(page, "/products/tourline-r-p2-6", testInfo);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tourline R P2.6 Rental Panel");
    await expect(page.getByTestId("compare-state")).toHaveCount(0);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  // The row of product names, prices and buttons was hidden below desktop width, so the
  // values had no product to belong to.
  test("the comparison names each column's product", async ({ page }, testInfo) => {
    await compareTwo(page, testInfo);
    for (const name of ["Tourline R P3.91", "Tourline R P4.81"]) {
      await expect(page.locator(".compare-table thead").getByRole("link", { name })).toBeVisible();
    }
    await expect(page.locator(".compare-table thead").getByRole("button", { name: "Remove" })).toHaveCount(2);
    await expect(page.locator(".compare-table thead").getByRole("button", { name: "Remove" }).first()).toBeVisible();
    // Each value still sits in its product's column, under its row's name.
    const row = page.getByRole("row", { name: /Pixel pitch/ });
    await expect(row.locator("th")).toBeVisible();
    const cells = row.locator("td");
    await expect(cells).toHaveCount(2);
    const heading = await page.locator(".compare-table thead th").first().boundingBox();
    const value = await cells.first().boundingBox();
    expect(Math.abs(heading!.x - value!.x)).toBeLessThan(2);
    // The page itself does not scroll sideways; the table does.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(390);
  });
});

// The next page of an in-app navigation loads under an empty main: the footer came up into
// view and went down again (a layout shift of 0.66 was measured).
test("the footer stays put while the next page loads", async ({ page }, testInfo) => {
  test.skip(!isHydrated(testInfo), "in-app navigation needs the app");
  await open(page, "/catalog", testInfo);
  await page.evaluate(() => {
    const w = window as unknown as { footerShift: number };
    w.footerShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; sources?: { node?: Node }[] }[]) {
        const moved = (entry.sources ?? []).some((s) => {
          const element = s.node instanceof Element ? s.node : s.node?.parentElement;
          return element?.closest("footer") != null;
        });
        if (moved) w.footerShift += entry.value;
      }
    }).observe({ type: "layout-shift" });
  });
  await page.locator(".product-card .product-name").first().click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.locator(".product-card").first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { footerShift: number }).footerShift)).toBe(0);
});
