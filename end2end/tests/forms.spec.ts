import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import { isHydrated, open, test } from "./helpers";

// Forms a shopper can trust: fix a mistake and save with one click (nothing moves under the
// pointer), the confirmation in both modes, the focus after an error, Back after a save,
// and the second step of destructive actions. These run on a phone and on a desktop.

const PASSWORD = "violet staple drum";

/** A new shopper, registered and signed in. */
async function newShopper(page: Page, testInfo: TestInfo, tag: string): Promise<string> {
  const email = `${tag}-${testInfo.project.name}-${Date.now()}@example.com`;
  await open(page, "/account/register", testInfo);
  await page.getByLabel("Full name").fill("Ana Forms");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Telephone").fill("+34 600 111 222");
  await page.getByLabel("Address", { exact: true }).fill("Calle Mayor 1");
  await page.getByLabel("City").fill("Madrid");
  await page.getByLabel("Postal code").fill("28013");
  await page.getByLabel("Country or region").selectOption("ES");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Type the password again").fill(PASSWORD);
  await page.getByLabel("I have read the privacy policy and the terms of use").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await open(page, "/account/sign-in", testInfo);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

/** The focused element (or `element`) is not hidden under the sticky header. */
async function expectClearOfHeader(page: Page, element?: Locator) {
  const header = await page.locator(".site-header").boundingBox();
  const box = element
    ? await element.evaluate((e) => ({ top: e.getBoundingClientRect().top }))
    : await page.evaluate(() => {
        const r = document.activeElement?.getBoundingClientRect();
        return r ? { top: r.top } : null;
      });
  expect(box).not.toBeNull();
  expect(box!.top).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
}

test("fix a mistake in the profile and save it with one click", async ({ page }, testInfo) => {
  await newShopper(page, testInfo, "profile");
  await open(page, "/account", testInfo);
  const phone = page.getByLabel("Telephone");
  await phone.fill("call me");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter a telephone number with 6 to 20 digits")).toBeVisible();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  // The focus goes to the problem (the field with JavaScript, the message without), in view.
  if (isHydrated(testInfo)) {
    await expect(phone).toBeFocused();
  } else {
    await expect(page.getByRole("alert")).toBeFocused();
  }
  await expectClearOfHeader(page);

  // Fix it and click Save once, in the middle of the button.
  await page.getByLabel("Telephone").fill("+34 600 999 888");
  await page.getByRole("button", { name: "Save changes" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Your changes are saved." });
  await expect(saved).toBeVisible();
  await expect(page.getByText("Enter a telephone number with 6 to 20 digits")).toHaveCount(0);
  // The confirmation is on screen, not above or below it, and not under the header.
  await expect(saved).toBeInViewport();
  await expectClearOfHeader(page, saved);

  if (isHydrated(testInfo)) {
    // Edited again, the form no longer looks saved.
    await page.getByLabel("Full name").fill("Ana Forms-Edited");
    await expect(page.getByText("Your changes are saved.")).toHaveCount(0);
  } else {
    // Back after the save does not bring the old error back.
    await page.goBack();
    await expect(page.getByText("Enter a telephone number with 6 to 20 digits")).toHaveCount(0);
  }
  await open(page, "/account", testInfo);
  await expect(page.getByLabel("Telephone")).toHaveValue("+34 600 999 888");
});

test("a form sent before the app started: the page after it shows the outcome and comes alive", async ({ page }, testInfo) => {
  test.skip(!isHydrated(testInfo), "about the moment before the app starts");
  await newShopper(page, testInfo, "early");
  // A slow phone: the page is there, its app is not yet, and the shopper saves anyway.
  let appArrives = false;
  await page.route(/\.wasm$/, (route) => (appArrives ? route.continue() : route.abort()));
  await page.goto("/account");
  await page.getByLabel("Telephone").fill("+34 600 777 666");
  appArrives = true;
  await page.getByRole("button", { name: "Save changes" }).click();
  // The form posted as plain HTML; the page it came back to hydrates with the same outcome.
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
  await expect(page.getByLabel("Telephone")).toHaveValue("+34 600 777 666");
  // Live: an edit takes the "saved" note away (only the app does that).
  await page.getByLabel("Full name").fill("Ana Early");
  await expect(page.getByText("Your changes are saved.")).toHaveCount(0);
});

test("fix a mistake in an address and save it; deleting asks first", async ({ page }, testInfo) => {
  await newShopper(page, testInfo, "address");
  await open(page, "/account/addresses", testInfo);

  // Edit the registration address: empty the city, save, see the error in the open card.
  const card = page.locator(".address-card").first();
  await card.getByText("Edit").click();
  const city = card.getByLabel("City");
  await city.fill("");
  await card.getByRole("button", { name: "Save changes" }).click();
  const cardNow = page.locator(".address-card").first();
  await expect(cardNow.getByText("Please fill this in.")).toBeVisible();
  await expect(cardNow.getByLabel("City")).toHaveAttribute("aria-invalid", "true");
  await expect(cardNow.getByLabel("Postal code")).toHaveValue("28013");
  await cardNow.getByLabel("City").fill("Barcelona");
  await cardNow.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The address is saved.")).toBeVisible();
  await open(page, "/account/addresses", testInfo);
  await expect(page.locator(".address-card").first()).toContainText("Barcelona");

  // A second address, for a company, then delete it: a second step, and Cancel undoes the first.
  await page.locator("summary", { hasText: "Add an address" }).click();
  const form = page.locator("details.card");
  await form.getByLabel("Recipient’s name").fill("Jordi Puig");
  await form.getByLabel("Recipient’s telephone").fill("+34 600 333 444");
  await form.getByLabel("Company").fill("Pantallas Norte S.L.");
  await form.getByLabel("Address", { exact: true }).fill("Avinguda Diagonal 100");
  await form.getByLabel("City").fill("Barcelona");
  await form.getByLabel("Postal code").fill("08019");
  await form.getByLabel("Country or region").selectOption("ES");
  await form.getByRole("button", { name: "Add an address" }).click();
  await expect(page.locator(".address-card")).toHaveCount(2);
  const second = page.locator(".address-card").filter({ hasText: "Pantallas Norte" });
  await second.getByRole("link", { name: "Delete" }).click();
  await expect(page.getByText("Delete this address? This cannot be undone.")).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByText("Delete this address?")).toHaveCount(0);
  await expect(page.locator(".address-card")).toHaveCount(2);
  await second.getByRole("link", { name: "Delete" }).click();
  await page.locator(".confirm").getByRole("button", { name: "Delete" }).click();
  await expect(page.locator(".address-card")).toHaveCount(1);
});
