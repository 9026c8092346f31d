// What every browser fixture's page shows, so one driver
// (consumers/harness/browser.mjs) checks them all: `#phone` and `#outcome`
// hold JSON once the page has done its part. Each fixture imports
// "wa-signup" itself, the way its bundler (or none) resolves it.

/** The numbers every fixture checks, and what it must show for them. */
export const PHONE = { valid: "+44 20 7946 0958", local: "415 555 2671" };

/** Writes `value` as JSON into #id. */
export function show(id, value) {
  document.getElementById(id).textContent = JSON.stringify(value);
}

/** Validates the two numbers with the package's functions: what #phone must show. */
export function phoneReport({ isE164, parsePhoneNumber, WaSignupError }) {
  const parsed = parsePhoneNumber(PHONE.valid);
  let error = null;
  try {
    parsePhoneNumber(PHONE.local);
  } catch (e) {
    error = { name: e.name, code: e.code, isWaSignupError: e instanceof WaSignupError };
  }
  return { isE164: isE164(parsed.e164), e164: parsed.e164, regions: parsed.regions, error };
}

/** phoneReport() shown in #phone. */
export function checkPhone(fns) {
  show("phone", phoneReport(fns));
}

/** What a run ended with, as #outcome shows it (never the code: the flow never has it in an outcome). */
export function outcomeSummary(outcome) {
  if (outcome.type !== "connected") return outcome;
  return { type: outcome.type, businessName: outcome.profile.businessName, wabaId: outcome.session?.wabaId };
}
