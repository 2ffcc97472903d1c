import { expect } from "@playwright/test";
import { adminWindow, isHydrated, open, registerAndConfirm, test } from "./helpers";

test("the policy is read, a new version is published, and a shopper acknowledges it", async ({ page, browser }, testInfo) => {
  // Anyone reads the version in effect, the whole text.
  await open(page, "/privacy", testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy policy");
  await expect(page.getByText(/^Version \d+, in effect since \d{4}-\d{2}-\d{2}$/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who receives your information" })).toBeVisible();

  // A shopper registers and confirms their address: they have read the version in effect.
  const email = `policy-${testInfo.project.name}-${Date.now()}@example.com`;
  await registerAndConfirm(page, browser, testInfo, email);
  // (Whether they see a banner now depends on the journeys running beside this one, which
  // publish versions too; the HTTP tests check it exactly.)
  const banner = page.getByRole("note").filter({ hasText: "Our privacy policy changed on" });

  // The admin drafts a new version from the one in effect, previews it and publishes it.
  const admin = await adminWindow(browser, page, testInfo);
  await open(admin, "/admin/privacy", testInfo);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Privacy policy");
  const added = `Added by the ${testInfo.project.name} journey at ${Date.now()}.`;
  await admin.getByLabel("What changed (English)").fill("One paragraph added.");
  await admin.getByLabel("What changed (Chinese)").fill("新增一段。");
  const text = admin.getByLabel("Policy text (English)");
  await text.fill(`${await text.inputValue()}\n\n${added}`);
  await admin.getByRole("button", { name: "Save the draft" }).click();
  await expect(admin).toHaveURL(/\/admin\/privacy\/\d+$/);
  const version = Number(admin.url().split("/").pop());
  await expect(admin.locator(".policy-added").filter({ hasText: added })).toBeVisible();
  await expect(admin.getByRole("heading", { name: `Version ${version} · Draft` })).toBeVisible();
  await admin.getByRole("button", { name: "Publish" }).click();
  await expect(admin.getByRole("heading", { name: new RegExp(`^Version ${version} · effective \\d{4}-\\d{2}-\\d{2}`) })).toBeVisible();
  await admin.context().close();

  // The shopper now sees the banner on every page until they acknowledge the new version.
  await open(page, "/catalog", testInfo);
  await expect(banner).toBeVisible();
  await open(page, "/account", testInfo);
  await expect(banner).toBeVisible();
  await banner.getByRole("link", { name: "Read what changed" }).click();
  await expect(page).toHaveURL(/\/privacy\/changes\?from=\d+&to=\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What changed in the privacy policy");
  await expect(page.locator(".policy-added").first()).toBeVisible();
  await expect(page.locator(".policy-added").first()).toContainText("Added");
  const shown = Number(new URL(page.url()).searchParams.get("to"));
  await page.getByRole("button", { name: "I have read the new version" }).click();
  if (isHydrated(testInfo)) {
    await expect(page.getByText("Thank you. Your account records that you read this version.")).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "I have read the new version" })).toHaveCount(0);
  await expect(banner.locator(`a[href$="to=${shown}"]`)).toHaveCount(0);

  // Any two versions compare, with a plain form.
  await open(page, "/privacy", testInfo);
  await page.getByLabel("Older version").selectOption("1");
  await page.getByLabel("Newer version").selectOption(String(version));
  await page.getByRole("button", { name: "Show the differences" }).click();
  await expect(page).toHaveURL(new RegExp(`/privacy/changes\\?from=1&to=${version}$`));
  await expect(page.getByText(`Changes from version 1 to version ${version}`)).toBeVisible();
  await expect(page.locator(".policy-added").filter({ hasText: added })).toBeVisible();
});

test("a first visit asks once; rejecting is as easy as accepting, and the choice changes later", async ({ page }, testInfo) => {
  await open(page, "/", testInfo);
  const banner = page.getByRole("region", { name: "Your privacy choices" });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole("button", { name: "Accept all" })).toBeVisible();
  await banner.getByRole("button", { name: "Reject all" }).click();
  await expect(banner).toHaveCount(0);
  await open(page, "/catalog", testInfo);
  await expect(banner).toHaveCount(0);

  // Later, from the footer: analytics only.
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy choices" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your privacy choices");
  await expect(page.getByLabel("Analytics")).not.toBeChecked();
  await expect(page.getByLabel("Necessary (always on)")).toBeDisabled();
  await page.getByLabel("Analytics").check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  // Without JavaScript the browser comes back to the page, which shows the choice made
  // (a visitor has no session to carry a note).
  if (isHydrated(testInfo)) {
    await expect(page.getByText("Your choices are saved.")).toBeVisible();
  }
  await expect(page.getByLabel("Analytics")).toBeChecked();
  await open(page, "/privacy/choices", testInfo);
  await expect(page.getByLabel("Analytics")).toBeChecked();
  await expect(page.getByLabel("Marketing offers")).not.toBeChecked();

  // Everything, then nothing again (each answer shown on the page before going on).
  await page.getByRole("main").getByRole("button", { name: "Accept all" }).click();
  await expect(page.getByLabel("Marketing offers")).toBeChecked();
  await open(page, "/privacy/choices", testInfo);
  await expect(page.getByLabel("Marketing offers")).toBeChecked();
  await page.getByRole("main").getByRole("button", { name: "Reject all" }).click();
  await expect(page.getByLabel("Marketing offers")).not.toBeChecked();
  await open(page, "/privacy/choices", testInfo);
  await expect(page.getByLabel("Analytics")).not.toBeChecked();
  await expect(page.getByLabel("Marketing offers")).not.toBeChecked();
});

test("accepting all on the first visit keeps the banner away", async ({ page }, testInfo) => {
  await open(page, "/catalog", testInfo);
  const banner = page.getByRole("region", { name: "Your privacy choices" });
  await banner.getByRole("button", { name: "Accept all" }).click();
  await expect(banner).toHaveCount(0);
  await open(page, "/products/solara-fx-p4", testInfo);
  await expect(banner).toHaveCount(0);
  await open(page, "/privacy/choices", testInfo);
  await expect(page.getByLabel("Analytics")).toBeChecked();
});

test("a shopper sees what the shop holds, why and how long, and who received it", async ({ page, browser }, testInfo) => {
  const email = `held-${testInfo.project.name}-${Date.now()}@example.com`;
  await registerAndConfirm(page, browser, testInfo, email);

  await open(page, "/account/data", testInfo);
  await expect(page.getByRole("heading", { name: "Who received your data" })).toBeVisible();
  // Nothing has left the shop yet (the development mailbox keeps mail inside).
  await expect(page.getByText("Nothing yet: no one outside the shop has received your data.")).toBeVisible();
  await page.getByText("Emails we sent you").click();
  await expect(page.getByText("deleted 30 days after delivery")).toBeVisible();
  await expect(page.getByText("to send you the mail your orders and account need")).toBeVisible();
});
