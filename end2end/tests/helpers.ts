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
  await page.goto(`/admin/mail?to=${encodeURIComponent(to)}`);
  const bodies = await page.locator(".mail-body").allTextContents();
  await context.close();
  return bodies.find((body) => about.test(body)) ?? bodies[0] ?? "";
}
