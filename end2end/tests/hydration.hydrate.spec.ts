import { expect } from "@playwright/test";
import { test } from "./helpers";

// On a slow phone a page is usable for seconds before the app takes it over. Hydrating
// set every field back to the value the page was rendered with, so words typed in the
// header's search and a ticked filter vanished as the app started.
test("what the visitor typed before the app started is kept", async ({ page }) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm(\?.*)?$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/catalog");
  const search = page.locator("#site-search");
  await search.fill("nova");
  const inStock = page.getByRole("checkbox", { name: /In stock only/ });
  await inStock.check();
  expect(await page.locator("body").getAttribute("data-hydrated")).toBeNull();

  release();
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(search).toHaveValue("nova");
  await expect(inStock).toBeChecked();
  // The app knows the words too: its suggestions answer them.
  await expect(page.locator("#search-suggestions li").first()).toBeVisible();
});
