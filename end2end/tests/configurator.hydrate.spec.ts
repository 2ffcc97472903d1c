import { expect } from "@playwright/test";
import { open, test } from "./helpers";

test("the configurator recomputes as you type", async ({ page }, testInfo) => {
  await open(page, "/configurator?product=solara-fx-p10", testInfo);
  // Only the fields of the chosen way of sizing are shown.
  await expect(page.getByLabel("Target width (m)")).toBeHidden();
  await page.getByLabel("Cabinets across", { exact: true }).fill("16");
  await page.getByLabel("Cabinets down", { exact: true }).fill("9");
  // No submit: the browser runs the same maths as the server.
  await expect(page.getByTestId("wall-cabinets")).toHaveText("16 × 9 = 144");
  await expect(page.getByTestId("wall-size")).toHaveText("15.36 m × 8.64 m");
  await expect(page.getByTestId("wall-resolution")).toHaveText("1536 × 864 px (P10)");
  await page.getByLabel("Width and height in metres").check();
  await expect(page.getByLabel("Cabinets across", { exact: true })).toBeHidden();
  await page.getByLabel("Target width (m)").fill("5");
  await page.getByLabel("Target height (m)").fill("3");
  await expect(page.getByTestId("wall-cabinets")).toHaveText("5 × 3 = 15");
  await page.getByLabel("Target width (m)").fill("five");
  await expect(page.getByRole("alert")).toContainText("Enter whole numbers of cabinets");
});

// Leptos's Form added the nameless submit button to the address as a stray "&=".
test("the priced wall's address holds only the form's fields", async ({ page }, testInfo) => {
  await open(page, "/configurator?product=solara-fx-p10", testInfo);
  await page.getByLabel("Cabinets across", { exact: true }).fill("4");
  await page.getByLabel("Cabinets down", { exact: true }).fill("3");
  await page.locator(".configurator-form").getByRole("button").click();
  await expect(page).toHaveURL(/cols=4/);
  expect(page.url()).not.toContain("&=");
  await expect(page.getByTestId("quote-total")).toBeVisible();
});
