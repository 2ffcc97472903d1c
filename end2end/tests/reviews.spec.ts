import { expect } from "@playwright/test";
import { adminWindow, open, otherWindow, registerAndConfirm, test } from "./helpers";

// Reviews, hydrated and as a plain HTML site: a guest asked to sign in first; a shopper
// writes a review from the product page, sees it there, edits it and deletes it; another
// finds it helpful and reports it, staff hide it with a reason, and its author sees why.

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

test("staff hide a reported review and its author sees why", async ({ page, browser }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`;
  await registerAndConfirm(page, browser, testInfo, `author-${run}@example.com`);
  const title = `Call me ${run}`;
  await open(page, `/account/reviews/${PANEL}`, testInfo);
  await page.getByLabel("Rating").selectOption("2");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your review", { exact: true }).fill("Ring me on 555-0100 for a better price.");
  await page.getByRole("button", { name: "Save the review" }).click();
  await expect(page.getByText("Your review is saved.")).toBeVisible();

  // Another shopper finds it helpful, then reports it.
  const other = await otherWindow(browser, page, testInfo);
  await registerAndConfirm(other, browser, testInfo, `reader-${run}@example.com`);
  await open(other, `/products/${PANEL}?sort=newest`, testInfo);
  const review = other.getByTestId("review").filter({ hasText: title });
  await review.getByRole("button", { name: "Helpful" }).click();
  await expect(other.getByText("Thank you for your vote: each shopper counts once.")).toBeVisible();
  await expect(other.getByTestId("review").filter({ hasText: title })).toContainText("1 shopper found this helpful");
  const reported = other.getByTestId("review").filter({ hasText: title });
  await reported.getByText("Report this review").click();
  await reported.getByLabel("What is wrong with it?").selectOption({ label: "Contains personal data" });
  await reported.getByRole("button", { name: "Send the report" }).click();
  await expect(other.getByText("Thank you: our staff will look at this review.")).toBeVisible();
  await other.context().close();

  // Staff find it in the queue and hide it with a reason.
  const admin = await adminWindow(browser, page, testInfo);
  await open(admin, "/admin/reviews", testInfo);
  await admin.getByTestId("review-queue").getByRole("link", { name: title }).click();
  await expect(admin.getByTestId("review-reports")).toContainText("Contains personal data: 1");
  await admin.getByLabel("Why it is hidden").fill("It gives a phone number.");
  await admin.getByRole("button", { name: "Hide" }).click();
  await expect(admin.getByText("Decision saved.")).toBeVisible();
  await expect(admin.getByTestId("review-status")).toHaveText("Hidden");
  await expect(admin.getByTestId("review-log")).toContainText("Hidden");
  await admin.context().close();

  // Gone from the product; its author sees it hidden, and why.
  await open(page, `/products/${PANEL}?sort=newest`, testInfo);
  await expect(page.getByTestId("review").filter({ hasText: title })).toHaveCount(0);
  await open(page, "/account/reviews", testInfo);
  const own = page.getByTestId("my-reviews").locator("li").filter({ hasText: title });
  await expect(own.getByTestId("review-status")).toHaveText("Hidden");
  await expect(own).toContainText("Hidden by the shop: It gives a phone number.");
});
