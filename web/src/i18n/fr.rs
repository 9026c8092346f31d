//! French. `\u{a0}` (NO-BREAK SPACE) before `:` and inside « » keeps French
//! punctuation from wrapping onto a line of its own.

use super::Messages;

/// French.
pub(super) const FR: Messages = messages! {
    Connect: "Connecter WhatsApp",
    TryAgain: "Réessayer",
    Redirect: "Continuer dans cette fenêtre",
    Cancel: "Annuler",
    SdkLoading: "Chargement de la connexion Facebook…",
    Ready: "Prêt à connecter votre compte WhatsApp Business.",
    ReadyPopup: "L’inscription Meta s’ouvre dans une nouvelle fenêtre.",
    ReadyRedirect: "L’inscription Meta s’ouvre dans cette fenêtre, puis vous ramène ici.",
    Waiting: "En attente de Meta…",
    WaitingDetail: "Terminez les étapes dans la fenêtre Meta.",
    Sending: "Connexion de votre compte…",
    SendingDetail: "Envoi de l’autorisation de Meta au serveur.",
    ConnectedNamed: "Connecté\u{a0}: {0}",
    Connected: "WhatsApp est connecté.",
    NumbersNone: "Aucun numéro de téléphone n’est encore associé.",
    NumbersOne: "Numéro de téléphone\u{a0}:",
    NumbersMany: "Numéros de téléphone\u{a0}:",
    Cancelled: "Inscription annulée.",
    CancelledByPage: "Vous avez arrêté l’inscription avant la fin.",
    CancelledAtStep: "Vous avez quitté l’inscription à l’étape «\u{a0}{0}\u{a0}».",
    CancelledByMeta: "Vous avez fermé la fenêtre Meta avant la fin.",
    Failed: "Impossible de connecter WhatsApp.",
    ErrorCode: "Code d’erreur\u{a0}: {0}",
    NoticePopupIsolated: "La Cross-Origin-Opener-Policy de cette page la coupe de la fenêtre \
        Meta\u{a0}: le site doit envoyer Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    NoticeInApp: "La fenêtre Meta risque de ne pas fonctionner dans cette application. Si rien \
        ne se passe, ouvrez cette page dans votre navigateur.",
    SdkNotReady: "La connexion Facebook était encore en cours de chargement. Patientez un \
        instant, puis réessayez.",
    SdkLoadFailed: "La connexion Facebook n’a pas pu être chargée. Vérifiez votre connexion ou \
        votre bloqueur de contenu, puis réessayez.",
    AlreadyRunning: "Une inscription est déjà en cours dans cette fenêtre.",
    HttpErrorStatus: "Le serveur n’a pas accepté l’inscription (HTTP {0}).",
    HttpError: "Le serveur n’a pas accepté l’inscription.",
    NetworkError: "Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.",
    Timeout: "Le serveur a mis trop de temps à répondre.",
    NoAuthResponse: "Meta a terminé l’inscription sans renvoyer d’autorisation. Continuer dans \
        cette fenêtre (mode redirection) fonctionne généralement.",
    StateMismatch: "L’inscription de retour n’a pas pu être vérifiée. Veuillez recommencer.",
    MissingCode: "Meta n’a pas renvoyé de code d’autorisation.",
    CodeExpired: "L’autorisation de Meta a expiré avant d’avoir pu être envoyée. Veuillez \
        recommencer.",
    MetaErrorMessage: "Meta a signalé une erreur\u{a0}: {0}",
    MetaError: "Meta a signalé une erreur.",
    Aborted: "L’inscription a été arrêtée.",
    InvalidConfig: "Ce bouton d’inscription n’est pas configuré correctement.",
    PopupBlocked: "Votre navigateur a bloqué la fenêtre Meta. Autorisez les fenêtres pop-up pour \
        ce site, puis réessayez.",
    PopupIsolated: "La Cross-Origin-Opener-Policy de cette page l’a coupée de la fenêtre Meta. \
        Le site doit envoyer Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    RunTimeout: "L’inscription a pris trop de temps et a été arrêtée. Veuillez recommencer.",
    StepBusiness: "Choix du compte professionnel",
    StepWaba: "Choix du compte WhatsApp",
    StepProfile: "Configuration du profil WhatsApp Business",
    StepPhoneSetup: "Configuration du numéro de téléphone",
    StepPhoneVerification: "Vérification du numéro de téléphone",
    StepPermissions: "Autorisations",
    PhoneLabel: "Numéro de téléphone WhatsApp",
    PhoneHint: "Indiquez l’indicatif du pays, par ex. +1 555 123 4567.",
    PhoneValid: "Numéro valide\u{a0}: {0}",
    PhoneEmpty: "Saisissez un numéro de téléphone, par ex. +1 555 123 4567.",
    PhoneInvalidCharacter: "«\u{a0}{0}\u{a0}» (caractère {1}) ne peut pas figurer dans un \
        numéro de téléphone. Utilisez des chiffres, des espaces, des tirets, des points ou des \
        parenthèses.",
    PhoneExtension: "Les numéros WhatsApp ne peuvent pas avoir de poste\u{a0}: supprimez-le (à \
        partir du caractère {0}).",
    PhoneMissingPlus: "Commencez par + et l’indicatif du pays, par ex. +33 pour la France.",
    PhoneUnknownCode: "+{0} n’est pas un indicatif de pays. Vérifiez les chiffres après le +.",
    PhoneIncompleteCode: "Continuez la saisie\u{a0}: l’indicatif du pays n’est pas encore \
        complet.",
    PhoneTooShort: "Trop court\u{a0}: les numéros +{0} ont au moins {1} chiffres après \
        l’indicatif ({2} pour l’instant).",
    PhoneLengths: "Les numéros +{0} ont {1} chiffres après l’indicatif ({2} pour l’instant).",
    PhoneTooLong: "Trop long\u{a0}: les numéros +{0} ont au plus {1} chiffres après l’indicatif \
        ({2} saisis).",
    PhoneExceedsE164: "Trop long\u{a0}: un numéro de téléphone a au plus {0} chiffres au total \
        ({1} saisis).",
    PhoneInputTooLong: "Trop long\u{a0}: un numéro de téléphone tient en {0} caractères.",
    ListComma: ", ",
    ListOr: " ou ",
};
