import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

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
