import { expect, type Page, type TestInfo } from "@playwright/test";
import { adminWindow, isHydrated, open, registerAndConfirm, test } from "./helpers";

// Checkout as a guest, hydrated and as a plain HTML site, on a desktop and a phone: address,
// delivery, the card on the payment processor's own page, and the order page. A declined
// card charges nothing and the shopper tries another.

const PANEL = "/products/tourline-r-p3-91";

async function cartWithOnePanel(page: Page, testInfo: TestInfo) {
  await open(page, PANEL, testInfo);
  await page.locator(".product-buy .add-to-cart").getByRole("button", { name: "Add to cart" }).click();
  if (isHydrated(testInfo)) {
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    await open(page, "/cart", testInfo);
  }
  await expect(page).toHaveURL(/\/cart$/);
  await page.getByTestId("checkout").click();
  await expect(page).toHaveURL(/\/checkout$/);
}

/** Fills the address step (a guest's, with `email`) and sends it. */
async function sendAddress(page: Page, testInfo: TestInfo, email: string) {
  if (isHydrated(testInfo)) {
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  }
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Recipient’s name").fill("Mei Lin");
  await page.getByLabel("Recipient’s telephone").fill("+49 30 1234567");
  await page.getByLabel("Address", { exact: true }).fill("Torstraße 5");
  await page.getByLabel("City", { exact: true }).fill("Berlin");
  await page.getByLabel("Postal code", { exact: true }).fill("10119");
  await page.getByLabel("Country or region").selectOption("DE");
  await page.getByRole("button", { name: "Deliver to this address" }).click();
}

async function addressAndDelivery(page: Page, testInfo: TestInfo) {
  await sendAddress(page, testInfo, `guest-${testInfo.project.name}@example.com`);
  await expect(page.getByTestId("checkout-address")).toContainText("Torstraße 5");
  await page.getByText("Kestrel Courier").click();
  await page.getByRole("button", { name: "Use this delivery" }).click();
  await expect(page.getByRole("button", { name: "Enter card details" })).toBeVisible();
}

async function payWith(page: Page, number: string) {
  await page.getByRole("button", { name: /Enter card details|Use another card/ }).first().click();
  await expect(page).toHaveURL(/\/sandbox-pay\/card\//);
  await expect(page.getByText("Sandbox Payments · TEST MODE")).toBeVisible();
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/35");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Use this card" }).click();
  await expect(page).toHaveURL(/\/checkout\?card_entry=/);
  await expect(page.getByTestId("checkout-card")).toContainText(number.slice(-4));
}

test("a guest buys a panel", async ({ page }, testInfo) => {
  await cartWithOnePanel(page, testInfo);
  await addressAndDelivery(page, testInfo);
  await payWith(page, "4242 4242 4242 4242");
  const total = (await page.getByTestId("checkout-total").textContent())!.trim();
  await page.getByTestId("place-order").click();
  await expect(page).toHaveURL(/\/orders\/\d+\?key=/);
  await expect(page.getByRole("heading", { name: /Order LW-\d{6}/ })).toBeVisible();
  await expect(page.getByTestId("order-status")).toContainText("Paid");
  await expect(page.getByTestId("order-total")).toHaveText(total);
  await expect(page.getByTestId("order-card")).toContainText("Visa •••• 4242");
  await expect(page.getByTestId("shared-with")).toContainText("payment");
  await expect(page.getByTestId("cart-count")).toBeHidden();
  await page.getByRole("link", { name: "Invoice" }).click();
  await expect(page.getByTestId("invoice")).toContainText("Billed to");
  await expect(page.getByTestId("invoice-total")).toHaveText(total);
});

test("a declined card, then another", async ({ page }, testInfo) => {
  await cartWithOnePanel(page, testInfo);
  await addressAndDelivery(page, testInfo);
  await payWith(page, "4000 0000 0000 0002");
  await page.getByTestId("place-order").click();
  await expect(page.getByRole("alert")).toContainText("Your card was declined. Nothing was charged");
  await expect(page.getByTestId("place-order")).toBeHidden();
  // The declined card is no longer shown as the chosen one.
  await expect(page.getByTestId("checkout-card")).toBeHidden();
  await payWith(page, "4242 4242 4242 4242");
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-status")).toContainText("Paid");
});

// A mistake in the address step is shown the same way with and without JavaScript: the
// summary above the form, the field marked, what was typed kept.
test("the address step shows its errors", async ({ page }, testInfo) => {
  await cartWithOnePanel(page, testInfo);
  await sendAddress(page, testInfo, "not-an-email");
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expect(page.getByLabel("City", { exact: true })).toHaveValue("Berlin");
});

// The charge is what the review showed: units added in another tab after the review are
// not charged without a word; the shopper is told, sees the new total and confirms it.
test("a cart changed after the review is reviewed again", async ({ page, context }, testInfo) => {
  await cartWithOnePanel(page, testInfo);
  await addressAndDelivery(page, testInfo);
  await payWith(page, "4242 4242 4242 4242");
  const reviewed = (await page.getByTestId("checkout-total").textContent())!.trim();
  const tab = await context.newPage();
  await open(tab, PANEL, testInfo);
  await tab.locator(".product-buy .add-to-cart").getByRole("button", { name: "Add to cart" }).click();
  await expect(tab).toHaveURL(isHydrated(testInfo) ? /\/products\// : /\/cart$/);
  if (isHydrated(testInfo)) await expect(tab.getByTestId("cart-count")).toHaveText("2");
  await tab.close();

  await page.getByTestId("place-order").click();
  await expect(page.getByRole("alert")).toContainText("Your cart or its prices changed since you reviewed this order");
  await expect(page.getByTestId("checkout-total")).not.toHaveText(reviewed);
  const total = (await page.getByTestId("checkout-total").textContent())!.trim();
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-status")).toContainText("Paid");
  await expect(page.getByTestId("order-total")).toHaveText(total);
});

test("the card page refuses a mistyped number and never shows it again", async ({ page }, testInfo) => {
  await cartWithOnePanel(page, testInfo);
  await addressAndDelivery(page, testInfo);
  await page.getByRole("button", { name: "Enter card details" }).click();
  await page.getByLabel("Card number").fill("4242 4242 4242 4241");
  await page.getByLabel("Expiry (MM/YY)").fill("12/35");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Use this card" }).click();
  await expect(page.getByRole("alert")).toContainText("not valid");
  await expect(page.getByLabel("Card number")).toHaveValue("");
  await expect(page.getByLabel("Security code")).toHaveValue("");
  await expect(page.locator("body")).not.toContainText("4241");
});

async function guestOrder(page: Page, testInfo: TestInfo): Promise<string> {
  await cartWithOnePanel(page, testInfo);
  await addressAndDelivery(page, testInfo);
  await payWith(page, "4242 4242 4242 4242");
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-status")).toContainText("Paid");
  return page.url();
}

test("a guest cancels the order before it ships", async ({ page }, testInfo) => {
  await guestOrder(page, testInfo);
  await page.getByRole("link", { name: "Cancel the order" }).click();
  await expect(page.getByText("Cancel this order? Your payment is refunded in full.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel the order" }).click();
  await expect(page.getByTestId("order-status")).toContainText("Refunded");
  await expect(page.getByText("Your order is cancelled and your payment refunded.")).toBeVisible();
});

test("staff ship the order and the shopper sees the tracking number", async ({ browser, page }, testInfo) => {
  const orderUrl = await guestOrder(page, testInfo);
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "").trim();

  const staffContext = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo) });
  const staff = await staffContext.newPage();
  await open(staff, "/account/sign-in", testInfo);
  await staff.getByLabel("Email address").fill("admin@lumenwall.example");
  await staff.getByLabel("Password", { exact: true }).fill("lumenwall-demo-admin");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff).toHaveURL(/\/account$/);
  await open(staff, `/admin/orders?status=paid&q=${encodeURIComponent(number)}`, testInfo);
  await staff.getByRole("link", { name: number }).click();
  await staff.getByRole("button", { name: "Hand to the carrier and mark shipped" }).click();
  await expect(staff.getByTestId("order-status")).toContainText("Shipped");
  const tracking = (await staff.getByTestId("tracking").locator("strong").textContent())!.trim();
  await expect(staff.getByRole("button", { name: "Mark delivered" })).toBeVisible();
  await staffContext.close();

  await open(page, orderUrl, testInfo);
  await expect(page.getByTestId("order-status")).toContainText("Shipped");
  await expect(page.getByTestId("tracking")).toContainText(tracking);
  await expect(page.getByTestId("shared-with")).toContainText("Recipient’s name");
  await expect(page.getByRole("link", { name: "Cancel the order" })).toHaveCount(0);
});

test("the wall from the configurator bought in one go", async ({ page }, testInfo) => {
  await open(page, "/configurator?product=tourline-r-p3-91&mode=cabinets&cols=2&rows=2", testInfo);
  await page.getByRole("button", { name: "Add the whole wall to the cart" }).click();
  if (isHydrated(testInfo)) {
    await expect(page.getByText("The wall is in your cart")).toBeVisible();
    await open(page, "/cart", testInfo);
  }
  await expect(page.getByRole("region", { name: "LED wall, 2 × 2 cabinets" })).toBeVisible();
  await page.getByTestId("checkout").click();
  await addressAndDelivery(page, testInfo);
  await payWith(page, "4242 4242 4242 4242");
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-status")).toContainText("Paid");
  const lines = page.locator(".order-lines tbody tr");
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toContainText("Tourline R P3.91 Rental Panel");
  await expect(lines.first()).toContainText("4");
});

test("a new shopper saves a card after registering and checks out with it", async ({ page }, testInfo) => {
  const email = `card-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = "violet staple drum";
  await open(page, "/account/register", testInfo);
  await page.getByLabel("Full name").fill("Mei Lin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Telephone").fill("+86 138 0013 8000");
  await page.getByLabel("Address", { exact: true }).fill("88 Century Avenue");
  await page.getByLabel("City").fill("Shanghai");
  await page.getByLabel("Postal code").fill("200120");
  await page.getByLabel("Country or region").selectOption("CN");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Type the password again").fill(password);
  await page.getByLabel("I have read the privacy policy and the terms of use").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  // The card is offered right away; it is entered on the processor's page.
  await page.getByRole("link", { name: "Add a card" }).click();
  await expect(page).toHaveURL(/\/account\/sign-in/);
  // The sign-in page says why the shopper is there.
  await expect(page.getByText("Sign in to your account to continue")).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/cards$/);
  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page).toHaveURL(/\/sandbox-pay\/card\//);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/35");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Use this card" }).click();
  await expect(page.getByTestId("saved-cards")).toContainText("Visa •••• 4242");

  // Checkout: the registration address, the saved card.
  await open(page, PANEL, testInfo);
  await page.locator(".product-buy .add-to-cart").getByRole("button", { name: "Add to cart" }).click();
  if (isHydrated(testInfo)) {
    await expect(page.getByTestId("cart-count")).toHaveText("1");
  }
  await open(page, "/checkout", testInfo);
  await expect(page.getByTestId("checkout-address")).toContainText("88 Century Avenue");
  await page.getByRole("button", { name: "Use this delivery" }).click();
  await page.getByTestId("checkout-saved-cards").getByRole("button", { name: "Pay with this card" }).click();
  await expect(page.getByTestId("checkout-card")).toContainText("4242");
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-status")).toContainText("Paid");
  await expect(page.getByTestId("order-card")).toContainText("Visa •••• 4242");
  await open(page, "/account/orders", testInfo);
  await expect(page.locator("table")).toContainText("Paid");
});

// Three failed payments on one account hold the next order for a person to check: nothing
// is charged and the shopper is told; staff release it and the card is charged then.
test("staff release an order held after failed payments", async ({ page, browser }, testInfo) => {
  await registerAndConfirm(page, browser, testInfo, `held-${testInfo.project.name}-${Date.now()}@example.com`);
  await cartWithOnePanel(page, testInfo);
  await page.locator('input[name="carrier"]').first().check();
  await page.getByRole("button", { name: "Use this delivery" }).click();
  for (const card of ["4000 0000 0000 0002", "4000 0000 0000 9995", "4000 0000 0000 0069"]) {
    await payWith(page, card);
    await page.getByTestId("place-order").click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByTestId("place-order")).toBeHidden();
  }
  await payWith(page, "4242 4242 4242 4242");
  await page.getByTestId("place-order").click();
  await expect(page.getByTestId("order-status")).toContainText("Held for review");
  await expect(page.getByTestId("order-held")).toContainText("Nothing has been charged yet");
  await expect(page.locator(".timeline")).toContainText("Failed payments today with: this account");
  const orderPath = new URL(page.url()).pathname;

  const admin = await adminWindow(browser, page, testInfo);
  await open(admin, `/admin${orderPath}`, testInfo);
  await expect(admin.getByTestId("order-status")).toContainText("Held for review");
  await admin.getByRole("button", { name: "Release and charge the card" }).click();
  await expect(admin.getByTestId("order-status")).toContainText("Paid");
  await expect(admin.locator(".timeline")).toContainText("released for payment");
  await admin.context().close();

  await open(page, orderPath, testInfo);
  await expect(page.getByTestId("order-status")).toContainText("Paid");
  await expect(page.getByTestId("order-held")).toBeHidden();
});
