import { expect } from "@playwright/test";
import { adminWindow, latestMail, open, test } from "./helpers";

test("a question through the contact form reaches the inbox, and the staff reply arrives by mail", async ({ page, browser }, testInfo) => {
  const email = `ask-${testInfo.project.name}-${Date.now()}@example.com`;
  await open(page, "/contact", testInfo);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact us");
  await page.getByLabel("Full name").fill("Mei Lin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Order number (optional)").fill("LW-000001");
  await page.getByLabel("Your message").fill("Is the P3.9 cabinet IP65 at the back too?");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Thank you: your message has reached us. We answer by email.")).toBeVisible();

  // Staff find it among the open conversations and answer it.
  const staff = await adminWindow(browser, page, testInfo);
  await open(staff, "/admin/inbox?status=open", testInfo);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Inbox");
  await staff.getByTestId("inbox").locator("li").filter({ hasText: email }).getByRole("link").click();
  await expect(staff.getByRole("heading", { name: /^Conversation #\d+$/ })).toBeVisible();
  await expect(staff.getByText("Is the P3.9 cabinet IP65 at the back too?")).toBeVisible();
  const answer = `Yes, front and back (${testInfo.project.name}).`;
  await staff.getByLabel("Reply by email").fill(answer);
  await staff.getByRole("button", { name: "Send the reply" }).click();
  await expect(staff.getByText("The reply is on its way by email.")).toBeVisible();
  await expect(staff.locator(".message-staff").filter({ hasText: answer })).toBeVisible();
  await expect(staff.locator(".thread-facts")).toContainText("Waiting for the shopper");
  await staff.getByRole("button", { name: "Closed" }).click();
  await expect(staff.locator(".thread-facts")).toContainText("Closed");
  await staff.context().close();

  // The writer gets the answer by mail.
  const mail = await latestMail(browser, email, new RegExp(answer.replace(/[().]/g, "\\$&")));
  expect(mail).toContain(answer);
  expect(mail).toContain("/contact");
});

test("a contact message with mistakes keeps what was typed and says what to fix", async ({ page }, testInfo) => {
  await open(page, "/contact", testInfo);
  await page.getByLabel("Full name").fill("Mei Lin");
  await page.getByLabel("Email address").fill("not an address");
  await page.getByLabel("Your message").fill("Hello there");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("Your message")).toHaveValue("Hello there");
  await expect(page.getByLabel("Full name")).toHaveValue("Mei Lin");
});
