// Meta's whole Embedded Signup contract (issue 10), in real Chromium: every
// finish type and a multi-WABA finish reach `outcome.session` with every
// field while the callback body stays exactly seed 003's; `extras` (a
// solution id, a pre-filled business, features) reach the simulated dialog in
// popup and in redirect mode; a declined redirect dialog is a cancellation.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BUSINESS_ID,
  PHONE_NUMBER_ID,
  WABA_ID,
  assertNoCallback,
  assertOneCallback,
  assertOneOutcome,
} from "./harness/expect.mjs";
import { useE2e } from "./harness/suite.mjs";

const e2e = useE2e();

/** The sandbox's second WABA of the first business (server/src/meta/assets.rs). */
const SECOND_WABA_ID = "104996122399160";

const ASSET_LISTS = ["adAccountIds", "pageIds", "datasetIds", "catalogIds", "instagramAccountIds"];

/** Meta's extras the page sends (pre-filled-data and multi-partner-solutions examples). */
const EXTRAS = {
  features: [{ name: "app_only_install" }],
  setup: {
    solutionID: "795033096057724",
    business: {
      name: "Wind & Wool",
      email: "support@windandwool.com",
      phone: { code: 1, number: "(650) 555-9999" },
      website: "https://windandwool.com/",
      address: { country: "US" },
    },
  },
};

/** What the simulated dialog shows of EXTRAS (data-field -> text). */
const SHOWN = {
  features: "app_only_install",
  solutionID: "795033096057724",
  "business.name": "Wind & Wool",
  "business.email": "support@windandwool.com",
  "business.phone": "+1 6505559999",
  "business.website": "https://windandwool.com/",
  "business.address.country": "US",
};

/** The pre-filled values the dialog page shows, by field. */
async function prefilled(page) {
  await page.locator("#prefill").waitFor();
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("#prefill dd")].map((d) => [d.dataset.field, d.textContent])),
  );
}

const FINISHES = [
  {
    auto: "finish",
    event: "FINISH",
    session: { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, businessId: BUSINESS_ID, isCoexistence: false },
  },
  { auto: "finishOnlyWaba", event: "FINISH_ONLY_WABA", session: { wabaId: WABA_ID, isCoexistence: false } },
  {
    auto: "finishOnlyWabaWithPhone",
    event: "FINISH_ONLY_WABA",
    session: { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, isCoexistence: false },
  },
  {
    auto: "oboMigration",
    event: "FINISH_OBO_MIGRATION",
    session: { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, businessId: BUSINESS_ID, isCoexistence: false },
  },
  {
    auto: "grantOnlyApiAccess",
    event: "FINISH_GRANT_ONLY_API_ACCESS",
    session: { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, businessId: BUSINESS_ID, isCoexistence: false },
  },
  {
    auto: "multiWaba",
    event: "FINISH",
    // No waba_id in the event: wabaId is the first of waba_ids.
    session: { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, businessId: BUSINESS_ID, isCoexistence: false },
    wabaIds: [WABA_ID, SECOND_WABA_ID],
  },
];

for (const finish of FINISHES) {
  test(`${finish.auto}: ${finish.event} reaches outcome.session with every field; the body is seed 003's`, async (t) => {
    const demo = await e2e.open(t, { dialog: { auto: finish.auto, withAssets: true } });
    await demo.goto();
    await demo.connect();
    const detail = await assertOneOutcome(demo, "wa-signup:success");
    const session = detail.session;
    assert.equal(session.event, finish.event);
    for (const [key, value] of Object.entries(finish.session)) assert.equal(session[key], value, key);
    for (const key of ["wabaId", "phoneNumberId", "businessId"]) {
      if (!(key in finish.session)) assert.equal(session[key], undefined, `${key} was not sent by Meta`);
    }
    if (finish.wabaIds) assert.deepEqual(session.wabaIds, finish.wabaIds);
    else assert.equal(session.wabaIds, undefined);
    for (const list of ASSET_LISTS) {
      assert.ok(Array.isArray(session[list]) && session[list].length > 0, `${list}: ${JSON.stringify(session[list])}`);
      for (const id of session[list]) assert.match(id, /^[1-9][0-9]{14}$/, list);
    }
    // The callback gets seed 003's fields only: no event name, no lists.
    await assertOneCallback(demo, finish.session);
  });
}

test("META ERROR event: the run fails META_ERROR with Meta's message, no POST", async (t) => {
  const demo = await e2e.open(t, { dialog: { auto: "metaError" } });
  await demo.goto();
  await demo.connect();
  const detail = await assertOneOutcome(demo, "wa-signup:error");
  assert.equal(detail.kind, "META_ERROR");
  assert.match(detail.metaError.message, /verified name/);
  await assertNoCallback(demo);
});

test("popup: a solution id, features and a pre-filled business reach Meta's dialog", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto({ extras: JSON.stringify(EXTRAS) });
  const dialog = await demo.connect();
  const extras = JSON.parse(dialog.url().searchParams.get("extras"));
  assert.equal(extras.setup.solutionID, "795033096057724");
  // Our phone parser split the number as Meta wants it.
  assert.deepEqual(extras.setup.business.phone, { code: 1, number: "6505559999" });
  assert.deepEqual(await prefilled(dialog.page), SHOWN);
  await dialog.cancelAt("BUSINESS_ACCOUNT_SELECTION");
  const detail = await assertOneOutcome(demo, "wa-signup:cancel");
  assert.equal(detail.source, "meta");
  await assertNoCallback(demo);
});

test("redirect: the same extras reach Meta's dialog; declining it is a cancellation, not a failure", async (t) => {
  const demo = await e2e.open(t);
  const query = { mode: "redirect", extras: JSON.stringify(EXTRAS) };
  await demo.goto(query);
  const redirectUri = demo.url(query);
  await demo.primaryButton.click();
  await demo.page.waitForURL((u) => u.origin === "https://www.facebook.com");
  assert.deepEqual(await prefilled(demo.page), SHOWN);
  const sent = JSON.parse(new URL(demo.page.url()).searchParams.get("extras"));
  assert.deepEqual(sent.setup.business.phone, { code: 1, number: "6505559999" });
  // Decline: Meta returns ?error=access_denied&error_reason=user_denied.
  await demo.page.locator('#foot button[data-action="cancel"]').click();
  await demo.page.waitForURL((u) => u.href.startsWith(redirectUri.split("?")[0]));
  const detail = await assertOneOutcome(demo, "wa-signup:cancel");
  assert.equal(detail.type, "cancelled");
  assert.equal(detail.source, "meta");
  const status = await demo.status();
  assert.equal(status.title, "Signup cancelled.");
  assert.equal(status.errorCode, null, "a cancellation shows no error code");
  const href = await demo.page.evaluate(() => location.href);
  for (const p of ["error=", "error_reason", "state="]) assert.ok(!href.includes(p), `${p} left in ${href}`);
  await assertNoCallback(demo);
  await demo.screenshot("redirect-declined-cancelled");
});

test("invalid extras are refused at mount with the path named", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto({ extras: JSON.stringify({ setup: { business: { email: "not-an-email" } } }) }, { waitReady: false });
  const error = demo.page.locator("#mount-error");
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /EXTRAS_INVALID_EMAIL/);
  assert.match(text, /extras\.setup\.business\.email/);
});

test("a number typed into the widget's phone field is pre-filled in Meta's dialog", async (t) => {
  const demo = await e2e.open(t);
  await demo.goto({ phoneField: "1" });
  await demo.widget.locator(".wa-signup-input").fill("+44 7911 123456");
  await demo.widget.locator(".wa-signup-cc", { hasText: "44" }).waitFor();
  const dialog = await demo.connect();
  const extras = JSON.parse(dialog.url().searchParams.get("extras"));
  assert.deepEqual(extras.setup.business.phone, { code: 44, number: "7911123456" });
  assert.equal((await prefilled(dialog.page))["business.phone"], "+44 7911123456");
  await dialog.page.screenshot({ path: "artifacts/screenshots/contract-dialog-prefilled-phone.png" });
  await dialog.cancelAt("BUSINESS_ACCOUNT_SELECTION");
  await assertOneOutcome(demo, "wa-signup:cancel");
  await assertNoCallback(demo);
});
