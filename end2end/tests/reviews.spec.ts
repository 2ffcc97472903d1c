import { expect } from "@playwright/test";
import { open, registerAndConfirm, test } from "./helpers";

// Reviews, hydrated and as a plain HTML site: a guest asked to sign in first; a shopper
// writes a review from the product page, sees it there, edits it and deletes it.

const PANEL = "tourline-r-p3-91";

test("a guest is asked to sign in before writing a review", async ({ page }, testInfo) => {
  await open(page, `/products/${PANEL}`, testInfo);
  await page.getByTestId("reviews").getByRole("link", { name: "Write a review" }).click();
  await expect(page).toHaveURL(/\/account\/sign-in/);
});

test("a shopper writes, edits and deletes a review", async ({ page, browser }, testInfo) => {
  await registerAndConfirm(page, browser, testInfo, `reviewer-${testInfo.project.name}-${Date.now()}@example.com`);
  await open(page, `/products/${PANEL}`, testInfo);
  await page.getByTestId("reviews").getByRole("link", { name: "Write a review" }).click();
  await expect(page).toHaveURL(new RegExp(`/account/reviews/${PANEL}$`));
  const title = `Bright at noon ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel("Rating").selectOption("4");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your review", { exact: true }).fill("Two winters outside,\nno dead pixels. <b>not bold</b>");
  await page.getByRole("button", { name: "Save the review" }).click();
  await expect(page.getByText("Your review is saved.")).toBeVisible();
  await expect(page.getByTestId("review-status")).toHaveText("Published");

  await open(page, `/products/${PANEL}?sort=newest`, testInfo);
  const mine = page.getByTestId("review").filter({ hasText: title });
  await expect(mine).toContainText("Mei L.");
  await expect(mine).toContainText("<b>not bold</b>");

  await open(page, `/account/reviews/${PANEL}`, testInfo);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByLabel("Title").fill(`${title} (edited)`);
  await page.getByRole("button", { name: "Save the review" }).click();
  await expect(page.getByText("Your review is saved.")).toBeVisible();
  await open(page, "/account/reviews", testInfo);
  await expect(page.getByTestId("my-reviews")).toContainText(`${title} (edited)`);

  await open(page, `/account/reviews/${PANEL}`, testInfo);
  await page.getByRole("button", { name: "Delete my review" }).click();
  await expect(page.getByText("Your review is deleted.")).toBeVisible();
  await open(page, `/products/${PANEL}?sort=newest`, testInfo);
  await expect(page.getByTestId("review").filter({ hasText: title })).toHaveCount(0);
});
