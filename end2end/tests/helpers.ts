import { test as base, expect, type Browser, type Page, type TestInfo } from "@playwright/test";

/** The demo admin that `./shop` seeds. */
export const ADMIN = { email: "admin@lumenwall.example", password: "lumenwall-demo-admin" };

/**
 * Playwright's `test`, failing any journey in which the app panics. A panic in the wasm
 * stops the app without changing what the page shows, so the journey's own checks may
 * still pass on the server's HTML.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const panics: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && m.text().includes("panicked at")) panics.push(m.text());
    });
    await use(page);
    expect(panics, "the app panicked").toEqual([]);
  },
});

/** True in the projects that run with JavaScript. */
export function isHydrated(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Opens a page; in the hydrated project also waits until the wasm app has taken over. */
export async function open(page: Page, path: string, testInfo: TestInfo) {
  const response = await page.goto(path);
  if (isHydrated(testInfo)) {
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  }
  return response;
}

/**
 * Reads the newest mail to `to` whose text matches `about` (a one-time link by default)
 * from the back-office mailbox, as the admin. Other mail may have arrived since (a
 * privacy policy notice when another journey publishes a version).
 */
export async function latestMail(
  browser: Browser,
  to: string,
  about: RegExp = /\/account\/(verify|reset)\/[0-9a-f]{64}/,
): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/account/sign-in");
  await page.getByLabel("Email address").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  // The mail may still be waiting behind others in the outbox: look again for a while.
  let found: string | undefined;
  for (let attempt = 0; attempt < 20 && !found; attempt++) {
    if (attempt > 0) await page.waitForTimeout(500);
    await page.goto(`/admin/mail?to=${encodeURIComponent(to)}`);
    const bodies = await page.locator(".mail-body").allTextContents();
    found = bodies.find((body) => about.test(body));
  }
  await context.close();
  return found ?? "";
}

/** Another browser window like the journey's (JavaScript on or off, the same screen size),
 * with its own cookies; close it with `page.context().close()`. */
export async function otherWindow(browser: Browser, page: Page, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: isHydrated(testInfo), viewport: page.viewportSize() });
  return context.newPage();
}

/** Another window like the journey's, signed in as the demo admin (on the account page). */
export async function adminWindow(browser: Browser, page: Page, testInfo: TestInfo): Promise<Page> {
  const admin = await otherWindow(browser, page, testInfo);
  await open(admin, "/account/sign-in", testInfo);
  await admin.getByLabel("Email address").fill(ADMIN.email);
  await admin.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin).toHaveURL(/\/account$/);
  return admin;
}

/** Registers `email` (password "violet staple drum") and confirms it through the mail's
 * link; the page ends signed in on the account page. */
export async function registerAndConfirm(page: Page, browser: Browser, testInfo: TestInfo, email: string) {
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
  const link = (await latestMail(browser, email)).match(/\/account\/verify\/[0-9a-f]{64}/)?.[0];
  expect(link).toBeTruthy();
  await open(page, link!, testInfo);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page).toHaveURL(/\/account\?verified=1$/);
}
