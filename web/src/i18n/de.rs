//! German (formal "Sie").

use super::Messages;

/// German.
pub(super) const DE: Messages = messages! {
    Connect: "WhatsApp verbinden",
    TryAgain: "Erneut versuchen",
    Redirect: "In diesem Fenster fortfahren",
    Cancel: "Abbrechen",
    SdkLoading: "Facebook-Anmeldung wird geladen…",
    Ready: "Bereit, Ihr WhatsApp Business-Konto zu verbinden.",
    ReadyPopup: "Die Registrierung bei Meta öffnet sich in einem neuen Fenster.",
    ReadyRedirect: "Die Registrierung bei Meta öffnet sich in diesem Fenster und führt Sie \
        danach hierher zurück.",
    Waiting: "Warten auf Meta…",
    WaitingDetail: "Schließen Sie die Schritte im Meta-Fenster ab.",
    Sending: "Ihr Konto wird verbunden…",
    SendingDetail: "Die Autorisierung von Meta wird an den Server gesendet.",
    ConnectedNamed: "Verbunden: {0}",
    Connected: "WhatsApp ist verbunden.",
    NumbersNone: "Noch ist keine Telefonnummer verknüpft.",
    NumbersOne: "Telefonnummer:",
    NumbersMany: "Telefonnummern:",
    Cancelled: "Registrierung abgebrochen.",
    CancelledByPage: "Sie haben die Registrierung beendet, bevor sie abgeschlossen war.",
    CancelledAtStep: "Sie haben beim Schritt „{0}“ aufgehört.",
    CancelledByMeta: "Sie haben das Meta-Fenster geschlossen, bevor alles erledigt war.",
    Failed: "WhatsApp konnte nicht verbunden werden.",
    ErrorCode: "Fehlercode: {0}",
    NoticePopupIsolated: "Die Cross-Origin-Opener-Policy dieser Seite trennt das Meta-Fenster \
        von ihr: Die Website muss Cross-Origin-Opener-Policy: same-origin-allow-popups senden.",
    NoticeInApp: "Das Meta-Fenster funktioniert in dieser App möglicherweise nicht. Wenn nichts \
        passiert, öffnen Sie diese Seite in Ihrem Browser.",
    SdkNotReady: "Die Facebook-Anmeldung wurde noch geladen. Warten Sie einen Moment und \
        versuchen Sie es dann erneut.",
    SdkLoadFailed: "Die Facebook-Anmeldung konnte nicht geladen werden. Prüfen Sie Ihre \
        Verbindung oder Ihren Inhaltsblocker und versuchen Sie es dann erneut.",
    AlreadyRunning: "In diesem Fenster läuft bereits eine Registrierung.",
    HttpErrorStatus: "Der Server hat die Registrierung nicht angenommen (HTTP {0}).",
    HttpError: "Der Server hat die Registrierung nicht angenommen.",
    NetworkError: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie \
        es dann erneut.",
    Timeout: "Der Server hat zu lange nicht geantwortet.",
    NoAuthResponse: "Meta hat die Registrierung abgeschlossen, aber keine Autorisierung \
        zurückgegeben. Meist klappt es, wenn Sie in diesem Fenster fortfahren \
        (Weiterleitungsmodus).",
    StateMismatch: "Die zurückkehrende Registrierung konnte nicht überprüft werden. Bitte \
        beginnen Sie von vorn.",
    MissingCode: "Meta hat keinen Autorisierungscode zurückgegeben.",
    CodeExpired: "Die Autorisierung von Meta ist abgelaufen, bevor sie gesendet werden konnte. \
        Bitte beginnen Sie von vorn.",
    MetaErrorMessage: "Meta hat einen Fehler gemeldet: {0}",
    MetaError: "Meta hat einen Fehler gemeldet.",
    Aborted: "Die Registrierung wurde beendet.",
    InvalidConfig: "Diese Registrierungsschaltfläche ist nicht richtig eingerichtet.",
    PopupBlocked: "Ihr Browser hat das Meta-Fenster blockiert. Erlauben Sie Pop-ups für diese \
        Website und versuchen Sie es dann erneut.",
    PopupIsolated: "Die Cross-Origin-Opener-Policy dieser Seite hat das Meta-Fenster von ihr \
        getrennt. Die Website muss Cross-Origin-Opener-Policy: same-origin-allow-popups senden.",
    RunTimeout: "Die Registrierung hat zu lange gedauert und wurde beendet. Bitte beginnen Sie \
        von vorn.",
    StepBusiness: "Auswahl des Unternehmenskontos",
    StepWaba: "Auswahl des WhatsApp-Kontos",
    StepProfile: "Einrichtung des WhatsApp Business-Profils",
    StepPhoneSetup: "Einrichtung der Telefonnummer",
    StepPhoneVerification: "Bestätigung der Telefonnummer",
    StepPermissions: "Berechtigungen",
    PhoneLabel: "WhatsApp-Telefonnummer",
    PhoneHint: "Mit Ländervorwahl, z. B. +1 555 123 4567.",
    PhoneValid: "Gültige Nummer: {0}",
    PhoneEmpty: "Geben Sie eine Telefonnummer ein, z. B. +1 555 123 4567.",
    PhoneInvalidCharacter: "„{0}“ (Zeichen {1}) kann nicht Teil einer Telefonnummer sein. \
        Verwenden Sie Ziffern, Leerzeichen, Bindestriche, Punkte oder Klammern.",
    PhoneExtension: "WhatsApp-Nummern dürfen keine Durchwahl haben: Entfernen Sie sie (ab \
        Zeichen {0}).",
    PhoneMissingPlus: "Beginnen Sie mit + und der Ländervorwahl, z. B. +49 für Deutschland.",
    PhoneUnknownCode: "+{0} ist keine Ländervorwahl. Prüfen Sie die Ziffern nach dem +.",
    PhoneIncompleteCode: "Tippen Sie weiter: Die Ländervorwahl ist noch nicht vollständig.",
    PhoneTooShort: "Zu kurz: +{0}-Nummern haben nach der Ländervorwahl mindestens {1} Ziffern \
        (bisher {2}).",
    PhoneLengths: "+{0}-Nummern haben nach der Ländervorwahl {1} Ziffern (bisher {2}).",
    PhoneTooLong: "Zu lang: +{0}-Nummern haben nach der Ländervorwahl höchstens {1} Ziffern \
        ({2} eingegeben).",
    PhoneExceedsE164: "Zu lang: Eine Telefonnummer hat insgesamt höchstens {0} Ziffern ({1} \
        eingegeben).",
    PhoneInputTooLong: "Zu lang: Eine Telefonnummer passt in {0} Zeichen.",
    ListComma: ", ",
    ListOr: " oder ",
};
