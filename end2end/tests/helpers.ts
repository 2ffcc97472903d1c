import { expect, type Page, type TestInfo } from "@playwright/test";

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
