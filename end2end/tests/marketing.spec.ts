import { expect } from "@playwright/test";
import { adminWindow, latestMail, open, otherWindow, registerAndConfirm, test } from "./helpers";

const UNSUBSCRIBE = /\/unsubscribe\/\d+\.[0-9a-f]{64}/;

test("a shopper who opted in gets the newsletter and unsubscribes from its link without signing in", async ({ page, browser }, testInfo) => {
  const email = `news-${testInfo.project.name}-${Date.now()}@example.com`;
  await registerAndConfirm(page, browser, testInfo, email);
  const marketing = page.getByLabel("Send me news and offers by email (you can stop them at any time)");
  await marketing.check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();

  // Staff write a newsletter; it goes to every shopper who opted in.
  const staff = await adminWindow(browser, page, testInfo);
  await open(staff, "/admin/newsletters", testInfo);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Newsletters");
  await expect(staff.getByText(/opted in to marketing mail and would receive it now/)).toBeVisible();
  // Its own subject: the journey may run beside a copy of itself (`--repeat-each`).
  const subject = `Cabinets are back (${testInfo.project.name} ${Date.now()})`;
  await staff.getByLabel("Subject (English)").fill(subject);
  await staff.getByLabel("Text (English)").fill("The P3.9 cabinets are back in stock.");
  await staff.getByRole("button", { name: "Send to opted-in shoppers" }).click();
  await expect(staff.getByText("The newsletter is on its way; it is sent in batches.")).toBeVisible();
  await expect(staff.locator(".newsletter").filter({ hasText: subject })).toBeVisible();
  await staff.context().close();

  // The mail carries the unsubscribe link; opening it (not signed in) changes nothing
  // until the button is pressed.
  const mail = await latestMail(browser, email, UNSUBSCRIBE);
  const link = mail.match(UNSUBSCRIBE)?.[0];
  expect(link, "the newsletter's unsubscribe link").toBeTruthy();
  const stranger = await otherWindow(browser, page, testInfo);
  await open(stranger, link!, testInfo);
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("Stop marketing mail");
  await open(page, "/account", testInfo);
  await expect(marketing).toBeChecked();
  await stranger.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(stranger.getByText("You are unsubscribed: no more marketing mail goes to this address.")).toBeVisible();
  await stranger.context().close();

  // The account says so.
  await open(page, "/account", testInfo);
  await expect(marketing).not.toBeChecked();
});

test("a made-up unsubscribe link is refused", async ({ page }, testInfo) => {
  for (const key of [`1.${"0".repeat(64)}`, "not-a-key"]) {
    await open(page, `/unsubscribe/${key}`, testInfo);
    await expect(page.getByText("This unsubscribe link is not valid.", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
  }
});
