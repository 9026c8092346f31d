// Page object: the simulated Meta signup dialog, served as
// https://www.facebook.com/<version>/dialog/oauth in the popup FB.login opens.

/** Meta's `current_step` values and the dialog's progress labels. */
export const STEPS = {
  BUSINESS_ACCOUNT_SELECTION: "Business",
  WABA_PHONE_PROFILE_PICKER: "WhatsApp account",
  WHATSAPP_BUSINESS_PROFILE_SETUP: "Profile",
  PHONE_NUMBER_SETUP: "Phone number",
  PHONE_NUMBER_VERIFICATION: "Verify",
  PERMISSIONS: "Permissions",
};

export class DialogPage {
  /** @param {import("playwright-core").Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The dialog's URL (origin, path and the query FB.login built). */
  url() {
    return new URL(this.page.url());
  }

  /** Waits until the dialog shows `step` (a key of STEPS). */
  async waitForStep(step) {
    const label = STEPS[step];
    if (!label) throw new Error(`unknown step ${step}`);
    await this.page.locator(`#progress li[aria-current="step"]`, { hasText: label }).waitFor();
  }

  async #press(action) {
    await this.page.locator(`#foot button[data-action="${action}"]`).click();
  }

  /** Continue (or Confirm on the last screen) from `step`. */
  async continueFrom(step) {
    await this.waitForStep(step);
    await this.#press("continue");
  }

  /** Cancel at `step`: Meta sends CANCEL with current_step = step. */
  async cancelAt(step) {
    await this.waitForStep(step);
    await this.#press("cancel");
  }

  /** "Simulate an error" at `step`: Meta's error-shaped CANCEL. */
  async errorAt(step) {
    await this.waitForStep(step);
    await this.#press("error");
  }

  /** On PHONE_NUMBER_SETUP: "existing:<id>", "new", "coexistence" or "later". */
  async choosePhone(value) {
    await this.waitForStep("PHONE_NUMBER_SETUP");
    await this.page.locator(`input[name="phone"][value="${value}"]`).check();
  }

  /** Business, WhatsApp account and profile screens with the defaults. */
  async throughProfile() {
    await this.continueFrom("BUSINESS_ACCOUNT_SELECTION");
    await this.continueFrom("WABA_PHONE_PROFILE_PICKER");
    await this.continueFrom("WHATSAPP_BUSINESS_PROFILE_SETUP");
  }

  /** Waits until the dialog window closes itself (it does after delivering). */
  async waitForClose(timeout = 5000) {
    if (this.page.isClosed()) return;
    await this.page.waitForEvent("close", { timeout });
  }
}
