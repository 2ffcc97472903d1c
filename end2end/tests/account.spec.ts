import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ADMIN, isHydrated, latestMail, open, test } from "./helpers";

const PASSWORD = "violet staple drum";
async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a shopper registers, verifies, signs in, edits, exports and deletes their account", async ({ page, browser }, testInfo) => {
  const email = `mei-${testInfo.project.name}-${Date.now()}@example.com`;

  // Register. A first attempt with a mistake keeps what was typed, except the password.
  await open(page, "/account/register", testInfo);
  await page.getByLabel("Full name").fill("Mei Lin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Telephone").fill("call me");
  await page.getByLabel("Address", { exact: true }).fill("88 Century Avenue");
  await page.getByLabel("City").fill("Shanghai");
  await page.getByLabel("Postal code").fill("200120");
  await page.getByLabel("Country or region").selectOption("CN");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Type the password again").fill(PASSWORD);
  await expect(page.getByLabel("Send me news and offers by email (you can stop them at any time)")).not.toBeChecked();
  await page.getByLabel("I have read the privacy policy and the terms of use").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a telephone number with 6 to 20 digits")).toBeVisible();
  await expect(page.getByLabel("Telephone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Full name")).toHaveValue("Mei Lin");
  await expect(page.getByLabel("City")).toHaveValue("Shanghai");

  await page.getByLabel("Telephone").fill("+86 138 0013 8000");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Type the password again").fill(PASSWORD);
  const accept = page.getByLabel("I have read the privacy policy and the terms of use");
  if (!(await accept.isChecked())) await accept.check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  // Verify through the link in the mail (read from the staff mailbox).
  const mail = await latestMail(browser, email);
  const link = mail.match(/\/account\/verify\/[0-9a-f]{64}/)?.[0];
  expect(link, mail).toBeTruthy();
  await open(page, link!, testInfo);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page).toHaveURL(/\/account\?verified=1$/);
  await expect(page.getByText("Thank you: your email address is confirmed.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

  // Catalog pages come from the page cache with the shopper's own header put in, and the
  // app hydrated on them knows who is signed in.
  await open(page, "/", testInfo);
  await expect(page.locator(".account-link")).toContainText("Mei");
  await open(page, "/catalog", testInfo);
  await expect(page.locator(".account-link")).toContainText("Mei");
  await page.locator(".account-link").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

  // Sign out and back in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await open(page, "/account/sign-in", testInfo);
  await signIn(page, email, "wrong password here");
  await expect(page.getByRole("alert")).toHaveText("The email address or password is not right.");
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);

  // Edit the profile.
  await open(page, "/account", testInfo);
  await page.getByLabel("Full name").fill("Mei Lin-Wang");
  await page.getByRole("button", { name: "Save changes" }).click();
  if (isHydrated(testInfo)) {
    await expect(page.getByText("Your changes are saved.")).toBeVisible();
  }
  await open(page, "/account", testInfo);
  await expect(page.getByLabel("Full name")).toHaveValue("Mei Lin-Wang");

  // See and export the data.
  await open(page, "/account/data", testInfo);
  await expect(page.getByRole("heading", { name: "What we hold about you" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^my-data.*\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported.profile.email).toBe(email);
  expect(exported.profile.full_name).toBe("Mei Lin-Wang");
  expect(exported.addresses[0].city).toBe("Shanghai");

  // Delete the account.
  const danger = page.locator(".card-danger");
  await danger.getByLabel("Current password").fill(PASSWORD);
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account has been deleted");
  await expect(page.getByText("Orders are kept for accounting")).toBeVisible();

  // Gone: signing in fails.
  await open(page, "/account/sign-in", testInfo);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("alert")).toHaveText("The email address or password is not right.");
});

test("signed-in pages send visitors to sign in and back", async ({ page }, testInfo) => {
  await open(page, "/account/security", testInfo);
  await expect(page).toHaveURL(/\/account\/sign-in\?next=\/account\/security$/);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
});
