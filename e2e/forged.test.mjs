// The real origin check: forged WA_EMBEDDED_SIGNUP messages from
// https://evilfacebook.com (an iframe in the page and a popup it opened) and
// from the page's own origin must be ignored by the widget running with its
// production allowlist; only https://www.facebook.com is Meta.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BUSINESS_ID,
  BUSINESS_NAME,
  FORGED_IDS,
  PHONE_NUMBER_ID,
  WABA_ID,
  assertOneCallback,
  assertOneOutcome,
} from "./harness/expect.mjs";
import { useE2e } from "./harness/suite.mjs";

const e2e = useE2e();

/** Records every `message` event the page's window receives (origin + type). */
function recordMessages() {
  const log = [];
  Object.defineProperty(window, "__e2eMessages", { value: log });
  window.addEventListener(
    "message",
    (e) => {
      let text = "";
      try {
        text = typeof e.data === "string" ? e.data : JSON.stringify(e.data);
      } catch (err) {
        text = String(err);
      }
      log.push({ origin: e.origin, text });
    },
    true,
  );
}

/** Adds an iframe showing the attacker page at `src`; resolves once it posted. */
async function forgeInIframe(demo, src) {
  await demo.page.evaluate((url) => {
    const frame = document.createElement("iframe");
    frame.src = url;
    frame.className = "e2e-forge";
    frame.style.cssText = "width:10px;height:10px;border:0";
    document.body.append(frame);
  }, src);
  const frame = demo.page.frameLocator(`iframe.e2e-forge[src="${src}"]`);
  await frame.locator("#sent").filter({ hasText: "sent" }).waitFor({ state: "attached" });
}

/** Opens the attacker page as a popup of the demo page (trusted click). */
async function forgeInPopup(demo, src) {
  await demo.page.evaluate((url) => {
    const b = document.createElement("button");
    b.id = "e2e-open-evil";
    b.textContent = "open";
    b.onclick = () => window.open(url, "evil");
    document.body.append(b);
  }, src);
  const popup = demo.page.waitForEvent("popup");
  await demo.page.locator("#e2e-open-evil").click();
  const evil = await popup;
  await evil.waitForFunction(() => document.title.startsWith("forged:"));
  await evil.close();
}

/** The forged messages that reached the page, by origin. */
async function forgedReceived(demo) {
  const messages = await demo.page.evaluate(() => window.__e2eMessages.slice());
  const counts = {};
  for (const m of messages) {
    if (m.text.includes("WA_EMBEDDED_SIGNUP") && FORGED_IDS.some((id) => m.text.includes(id))) {
      counts[m.origin] = (counts[m.origin] ?? 0) + 1;
    }
  }
  return counts;
}

test("forged FINISH (iframe, popup, same-origin page) before the code: ignored, POST without their ids", async (t) => {
  // The real dialog sends the code only, so any session ids in the POST
  // could only have come from the forgeries.
  const demo = await e2e.open(t, { dialog: { omitEvents: true } });
  await demo.context.addInitScript(recordMessages);
  await demo.goto({ grace: "500" });
  const dialog = await demo.connect();
  await demo.waitForState("waitingForMeta");

  await forgeInIframe(demo, "https://evilfacebook.com/forge?repeat=3");
  await forgeInIframe(demo, "https://evilfacebook.com/forge?as=object&event=FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING");
  await forgeInIframe(demo, `${e2e.server.app}/__sandbox/forge?version=4`);
  await forgeInPopup(demo, "https://evilfacebook.com/forge?auth=1");
  // The page did receive them (the test can fail) ...
  assert.deepEqual(await forgedReceived(demo), {
    "https://evilfacebook.com": 5,
    [e2e.server.app]: 1,
  });
  // ... and the run is still waiting for Meta.
  assert.equal((await demo.status()).title, "Waiting for Meta…");

  await dialog.throughProfile();
  await dialog.continueFrom("PHONE_NUMBER_SETUP");
  await dialog.continueFrom("PERMISSIONS");
  await assertOneOutcome(demo, "wa-signup:success");
  const { logged, sent, code } = await assertOneCallback(demo, {});
  for (const id of FORGED_IDS) assert.ok(!logged.bodyText.includes(id), `forged id ${id} in the POST`);
  assert.notEqual(sent.body.code, "AQforged");
  assert.equal((await demo.status()).title, `Connected: ${BUSINESS_NAME}`);
  await demo.assertCodeNotLeaked(code);
});

test("forged CANCEL while waiting does not end the run; Meta's FINISH still wins", async (t) => {
  const demo = await e2e.open(t);
  await demo.context.addInitScript(recordMessages);
  await demo.goto();
  const dialog = await demo.connect();
  await demo.waitForState("waitingForMeta");
  await forgeInIframe(demo, "https://evilfacebook.com/forge?event=CANCEL&repeat=2");
  await forgeInPopup(demo, "https://evilfacebook.com/forge?event=CANCEL&as=object");
  const cancels = (await demo.page.evaluate(() => window.__e2eMessages.slice())).filter(
    (m) => m.origin === "https://evilfacebook.com" && m.text.includes('"CANCEL"'),
  );
  assert.equal(cancels.length, 3, "the forged CANCELs reached the page");
  assert.deepEqual(await demo.outcomes(), [], "a forged CANCEL ended the run");

  await dialog.throughProfile();
  await dialog.continueFrom("PHONE_NUMBER_SETUP");
  await dialog.continueFrom("PERMISSIONS");
  await assertOneOutcome(demo, "wa-signup:success");
  await assertOneCallback(demo, {
    wabaId: WABA_ID,
    phoneNumberId: PHONE_NUMBER_ID,
    businessId: BUSINESS_ID,
    isCoexistence: false,
  });
});

test("forged FINISH during the grace after the code: ignored", async (t) => {
  const demo = await e2e.open(t, { dialog: { auto: "finish", omitEvents: true } });
  await demo.context.addInitScript(recordMessages);
  await demo.goto({ grace: "2500" });
  await demo.connect();
  // The code is in; the widget now waits up to the grace for session info.
  await demo.page.waitForFunction(() => window.__waSandbox.authDeliveredAt !== null);
  await forgeInIframe(demo, "https://evilfacebook.com/forge?repeat=2");
  assert.deepEqual(await forgedReceived(demo), { "https://evilfacebook.com": 2 });
  assert.deepEqual(await demo.server.callbacks(), [], "the forged FINISH released the POST early");
  await assertOneOutcome(demo, "wa-signup:success");
  await assertOneCallback(demo, {});
});
