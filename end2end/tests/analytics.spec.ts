import { expect } from "@playwright/test";
import { adminWindow, open, test } from "./helpers";

// The staff analytics dashboard, hydrated and as a plain HTML site, on a desktop and a
// phone: charts drawn by the server that fit the screen, each with its table, and a range
// of days chosen with the form.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("staff read the analytics dashboard", async ({ page, browser }, testInfo) => {
  const admin = await adminWindow(browser, page, testInfo);
  await open(admin, "/admin", testInfo);
  await admin.getByRole("link", { name: "Analytics" }).first().click();
  await expect(admin).toHaveURL(/\/admin\/analytics$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Analytics");
  const views = admin.getByTestId("chart-views");
  await expect(views.locator("figcaption")).toHaveText("Page views per day");
  await expect(views.locator("tbody tr")).toHaveCount(30);
  // The drawing fits the screen, phone included.
  const width = admin.viewportSize()!.width;
  const box = (await views.locator("svg").boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  for (const chart of ["chart-visitors", "chart-revenue", "chart-funnel", "chart-pages", "chart-languages", "chart-consent"]) {
    // Its table, or the words saying nothing was recorded in these days.
    await expect(admin.getByTestId(chart).locator("table, p.muted").first()).toBeAttached();
  }
  await expect(admin.getByTestId("chart-funnel")).toContainText("Paid orders");

  // A week, chosen with the form.
  await admin.getByLabel("From").fill(day(-6));
  await admin.getByLabel("To").fill(day(0));
  await admin.getByRole("button", { name: "Show" }).click();
  await expect(admin).toHaveURL(new RegExp(`from=${day(-6)}&to=${day(0)}`));
  await expect(views.locator("tbody tr")).toHaveCount(7);
  await expect(views.locator("tbody tr").last()).toContainText(day(0));
  await admin.context().close();
});
