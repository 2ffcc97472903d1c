import { defineConfig } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// The journeys run against a release build of the shop (built by `./shop test` or
// `cargo leptos build --release --split`) on its own port and a fresh SQLite database.
const root = resolve(__dirname, "..");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "shop-e2e-"));
const serverBin = process.env.SHOP_SERVER_BIN ?? join(targetDir, "release", "server");
const serverLog = process.env.E2E_SERVER_LOG;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // One retry on CI only: a known timing flake (the inbox reply note, see issue 25's notes)
  // must not block a landing; a test that fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Every journey runs twice: hydrated, and as a plain HTML site. Interaction that only
    // exists with JavaScript lives in *.hydrate.spec.ts.
    { name: "hydrated", use: { javaScriptEnabled: true } },
    {
      name: "no-js",
      use: { javaScriptEnabled: false },
      testIgnore: /.*\.hydrate\.spec\.ts/,
    },
    // The form journeys again on a phone-sized screen (the sticky header takes two rows).
    {
      name: "hydrated-phone",
      use: { javaScriptEnabled: true, viewport: { width: 390, height: 844 }, hasTouch: true },
      testMatch: /(forms|cart|checkout|privacy|marketing|contact|analytics|reviews)\.spec\.ts/,
    },
    {
      name: "no-js-phone",
      use: { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, hasTouch: true },
      testMatch: /(forms|cart|checkout|privacy|marketing|contact|analytics|reviews)\.spec\.ts/,
    },
  ],
  webServer: {
    // With E2E_SERVER_LOG (set by `./shop test`) the shop's log (on stdout) and anything
    // on stderr go to that file, which the script sums up when a journey fails.
    command: serverLog ? `exec "${serverBin}" >>"${serverLog}" 2>&1` : `exec "${serverBin}"`,
    cwd: root,
    url: `${baseURL}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: join(root, "target", "site"),
      LEPTOS_HASH_FILES: "true",
      DATABASE_URL: `sqlite://${join(dataDir, "shop.db")}`,
      SHOP_SESSION_SECRET: randomBytes(32).toString("hex"),
      SHOP_PUBLIC_URL: baseURL,
      // Every journey registers from 127.0.0.1: one client address for the whole suite.
      SHOP_MAILS_PER_CLIENT_PER_HOUR: "1000",
      SHOP_MESSAGES_PER_CLIENT_PER_HOUR: "1000",
      // Every test pays from one address, and the declined test card is one card for all
      // of them: only the account limit holds orders (the held-order journey).
      SHOP_FAILED_PAYMENTS_PER_CARD: "1000",
      SHOP_FAILED_PAYMENTS_PER_CLIENT: "1000",
      RUST_LOG: "warn",
    },
  },
});
