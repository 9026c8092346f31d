//! English, the fallback (word for word what the e2e suite reads).

use super::Messages;

/// English.
pub(super) const EN: Messages = messages! {
    Connect: "Connect WhatsApp",
    TryAgain: "Try again",
    Redirect: "Continue in this window",
    Cancel: "Cancel",
    SdkLoading: "Loading Facebook sign-in…",
    Ready: "Ready to connect your WhatsApp Business account.",
    ReadyPopup: "Meta's signup opens in a new window.",
    ReadyRedirect: "Meta's signup opens in this window and brings you back here.",
    Waiting: "Waiting for Meta…",
    WaitingDetail: "Finish the steps in the Meta window.",
    Sending: "Connecting your account…",
    SendingDetail: "Sending Meta's authorization to the server.",
    ConnectedNamed: "Connected: {0}",
    Connected: "WhatsApp connected.",
    NumbersNone: "No phone number is attached yet.",
    NumbersOne: "Phone number:",
    NumbersMany: "Phone numbers:",
    Cancelled: "Signup cancelled.",
    CancelledByPage: "You stopped the signup before it finished.",
    CancelledAtStep: "You left at the step “{0}”.",
    CancelledByMeta: "You closed Meta's window before finishing.",
    Failed: "Couldn't connect WhatsApp.",
    ErrorCode: "Error code: {0}",
    NoticePopupIsolated: "This page's Cross-Origin-Opener-Policy cuts Meta's window off from \
        it: the site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    NoticeInApp: "Meta's window may not work inside this app. If nothing happens, open this \
        page in your browser.",
    SdkNotReady: "Facebook sign-in was still loading. Wait a moment, then try again.",
    SdkLoadFailed: "Facebook sign-in could not be loaded. Check your connection or content \
        blocker, then try again.",
    AlreadyRunning: "A signup is already in progress in this window.",
    HttpErrorStatus: "The server did not accept the signup (HTTP {0}).",
    HttpError: "The server did not accept the signup.",
    NetworkError: "The server could not be reached. Check your connection, then try again.",
    Timeout: "The server took too long to answer.",
    NoAuthResponse: "Meta finished the signup but did not hand back an authorization. \
        Continuing in this window (redirect mode) usually works.",
    StateMismatch: "The returning signup could not be verified. Please start again.",
    MissingCode: "Meta did not return an authorization code.",
    CodeExpired: "Meta's authorization expired before it could be sent. Please start again.",
    MetaErrorMessage: "Meta reported an error: {0}",
    MetaError: "Meta reported an error.",
    Aborted: "The signup was stopped.",
    InvalidConfig: "This signup button is not configured correctly.",
    PopupBlocked: "Your browser blocked Meta's window. Allow pop-ups for this site, then try \
        again.",
    PopupIsolated: "This page's Cross-Origin-Opener-Policy cut Meta's window off from it. The \
        site must send Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    RunTimeout: "The signup took too long and was stopped. Please start again.",
    StepBusiness: "Business account selection",
    StepWaba: "WhatsApp account selection",
    StepProfile: "WhatsApp Business profile setup",
    StepPhoneSetup: "Phone number setup",
    StepPhoneVerification: "Phone number verification",
    StepPermissions: "Permissions",
    PhoneLabel: "WhatsApp phone number",
    PhoneHint: "Include the country code, e.g. +1 555 123 4567.",
    PhoneValid: "Valid number: {0}",
    PhoneEmpty: "Enter a phone number, e.g. +1 555 123 4567.",
    PhoneInvalidCharacter: "“{0}” (character {1}) can't be part of a phone number. Use \
        digits, spaces, dashes, dots or parentheses.",
    PhoneExtension: "WhatsApp numbers can't have an extension: remove it (from character {0}).",
    PhoneMissingPlus: "Start with + and the country code, e.g. +44 for the UK.",
    PhoneUnknownCode: "+{0} is not a country code. Check the digits after +.",
    PhoneIncompleteCode: "Keep typing: the country code is not complete yet.",
    PhoneTooShort: "Too short: +{0} numbers need at least {1} digits after the country code \
        ({2} so far).",
    PhoneLengths: "+{0} numbers have {1} digits after the country code ({2} so far).",
    PhoneTooLong: "Too long: +{0} numbers have at most {1} digits after the country code ({2} \
        typed).",
    PhoneExceedsE164: "Too long: a phone number has at most {0} digits in all ({1} typed).",
    PhoneInputTooLong: "Too long: a phone number fits in {0} characters.",
    ListComma: ", ",
    ListOr: " or ",
};
