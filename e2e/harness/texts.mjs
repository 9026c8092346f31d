// What the widget says, word for word (web/i18n/en.json), for the states the
// host-page scenarios reach.

export const READY_TITLE = "Ready to connect your WhatsApp Business account.";
export const READY_POPUP = "Meta's signup opens in a new window.";
export const READY_REDIRECT = "Meta's signup opens in this window and brings you back here.";
export const WAITING_TITLE = "Waiting for Meta…";
export const WAITING_DETAIL = "Finish the steps in the Meta window.";
export const CANCELLED_TITLE = "Signup cancelled.";
export const CANCELLED_BY_PAGE = "You stopped the signup before it finished.";
export const CANCELLED_CLOSED = "You closed Meta's window before finishing.";
export const FAILED_TITLE = "Couldn't connect WhatsApp.";

export const NOTICE = {
  POPUP_ISOLATED:
    "This page's Cross-Origin-Opener-Policy cuts Meta's window off from it: the site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
  IN_APP_BROWSER: "Meta's window may not work inside this app. If nothing happens, open this page in your browser.",
};

export const FAILURE = {
  POPUP_BLOCKED: "Your browser blocked Meta's window. Allow pop-ups for this site, then try again.",
  POPUP_ISOLATED:
    "This page's Cross-Origin-Opener-Policy cut Meta's window off from it. The site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
  RUN_TIMEOUT: "The signup took too long and was stopped. Please start again.",
};

export const BUTTON = {
  connect: (disabled = false) => ({ label: "Connect WhatsApp", disabled }),
  cancel: (disabled = false) => ({ label: "Cancel", disabled }),
  tryAgain: (disabled = false) => ({ label: "Try again", disabled }),
};

/** User agents of in-app browsers (the app's token is what gives them away). */
export const IN_APP_UA = {
  facebookIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 " +
    "[FBAN/FBIOS;FBAV/470.0.0.40.94;FBBV/634571035;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/5]",
  instagram:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
    "Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36 Instagram 345.0.0.48.95 Android (34/14; 420dpi; 1080x2205; Google/google; Pixel 8; shiba; shiba; en_US; 634108168)",
};
