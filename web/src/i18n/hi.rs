//! Hindi (Devanagari).

use super::Messages;

/// Hindi.
pub(super) const HI: Messages = messages! {
    Connect: "WhatsApp कनेक्ट करें",
    TryAgain: "फिर से कोशिश करें",
    Redirect: "इसी विंडो में जारी रखें",
    Cancel: "रद्द करें",
    SdkLoading: "Facebook साइन-इन लोड हो रहा है…",
    Ready: "आपका WhatsApp Business खाता कनेक्ट करने के लिए सब तैयार है।",
    ReadyPopup: "Meta का साइनअप एक नई विंडो में खुलेगा।",
    ReadyRedirect: "Meta का साइनअप इसी विंडो में खुलेगा और फिर आपको यहीं वापस ले आएगा।",
    Waiting: "Meta का इंतज़ार है…",
    WaitingDetail: "Meta की विंडो में सभी चरण पूरे करें।",
    Sending: "आपका खाता कनेक्ट किया जा रहा है…",
    SendingDetail: "Meta का ऑथराइज़ेशन सर्वर को भेजा जा रहा है।",
    ConnectedNamed: "कनेक्ट हो गया: {0}",
    Connected: "WhatsApp कनेक्ट हो गया।",
    NumbersNone: "अभी तक कोई फ़ोन नंबर नहीं जुड़ा है।",
    NumbersOne: "फ़ोन नंबर:",
    NumbersMany: "फ़ोन नंबर:",
    Cancelled: "साइनअप रद्द हो गया।",
    CancelledByPage: "आपने साइनअप पूरा होने से पहले ही रोक दिया।",
    CancelledAtStep: "आपने “{0}” चरण पर साइनअप छोड़ दिया।",
    CancelledByMeta: "आपने साइनअप पूरा करने से पहले Meta की विंडो बंद कर दी।",
    Failed: "WhatsApp कनेक्ट नहीं हो सका।",
    ErrorCode: "त्रुटि कोड: {0}",
    NoticePopupIsolated: "इस पेज की Cross-Origin-Opener-Policy इसे Meta की विंडो से अलग कर \
        देती है: साइट को Cross-Origin-Opener-Policy: same-origin-allow-popups भेजनी होगी।",
    NoticeInApp: "हो सकता है कि Meta की विंडो इस ऐप के अंदर काम न करे। अगर कुछ न हो, तो यह \
        पेज अपने ब्राउज़र में खोलें।",
    SdkNotReady: "Facebook साइन-इन अभी लोड हो रहा था। थोड़ा रुककर फिर से कोशिश करें।",
    SdkLoadFailed: "Facebook साइन-इन लोड नहीं हो सका। अपना कनेक्शन या कंटेंट ब्लॉकर जाँचकर \
        फिर से कोशिश करें।",
    AlreadyRunning: "इस विंडो में एक साइनअप पहले से चल रहा है।",
    HttpErrorStatus: "सर्वर ने साइनअप स्वीकार नहीं किया (HTTP {0})।",
    HttpError: "सर्वर ने साइनअप स्वीकार नहीं किया।",
    NetworkError: "सर्वर तक नहीं पहुँचा जा सका। अपना कनेक्शन जाँचकर फिर से कोशिश करें।",
    Timeout: "सर्वर ने जवाब देने में बहुत देर लगाई।",
    NoAuthResponse: "Meta ने साइनअप पूरा कर लिया, लेकिन ऑथराइज़ेशन वापस नहीं दिया। इसी \
        विंडो में जारी रखने (रीडायरेक्ट मोड) से आम तौर पर काम बन जाता है।",
    StateMismatch: "लौटकर आए साइनअप की पुष्टि नहीं हो सकी। कृपया फिर से शुरू करें।",
    MissingCode: "Meta ने ऑथराइज़ेशन कोड नहीं लौटाया।",
    CodeExpired: "Meta का ऑथराइज़ेशन भेजे जाने से पहले ही समाप्त हो गया। कृपया फिर से शुरू \
        करें।",
    MetaErrorMessage: "Meta ने एक त्रुटि बताई: {0}",
    MetaError: "Meta ने एक त्रुटि बताई।",
    Aborted: "साइनअप रोक दिया गया।",
    InvalidConfig: "यह साइनअप बटन ठीक से कॉन्फ़िगर नहीं है।",
    PopupBlocked: "आपके ब्राउज़र ने Meta की विंडो ब्लॉक कर दी। इस साइट के लिए पॉप-अप की \
        अनुमति देकर फिर से कोशिश करें।",
    PopupIsolated: "इस पेज की Cross-Origin-Opener-Policy ने इसे Meta की विंडो से अलग कर दिया। \
        साइट को Cross-Origin-Opener-Policy: same-origin-allow-popups भेजनी होगी।",
    RunTimeout: "साइनअप में बहुत देर लगी, इसलिए इसे रोक दिया गया। कृपया फिर से शुरू करें।",
    StepBusiness: "बिज़नेस खाता चुनना",
    StepWaba: "WhatsApp खाता चुनना",
    StepProfile: "WhatsApp Business प्रोफ़ाइल सेटअप",
    StepPhoneSetup: "फ़ोन नंबर सेटअप",
    StepPhoneVerification: "फ़ोन नंबर सत्यापन",
    StepPermissions: "अनुमतियाँ",
    PhoneLabel: "WhatsApp फ़ोन नंबर",
    PhoneHint: "देश का कोड भी लिखें, जैसे +1 555 123 4567।",
    PhoneValid: "मान्य नंबर: {0}",
    PhoneEmpty: "फ़ोन नंबर डालें, जैसे +1 555 123 4567।",
    PhoneInvalidCharacter: "“{0}” (अक्षर {1}) फ़ोन नंबर का हिस्सा नहीं हो सकता। अंक, स्पेस, \
        डैश, बिंदु या कोष्ठक इस्तेमाल करें।",
    PhoneExtension: "WhatsApp नंबर में एक्सटेंशन नहीं हो सकता: इसे हटाएँ (अक्षर {0} से)।",
    PhoneMissingPlus: "+ और देश के कोड से शुरू करें, जैसे भारत के लिए +91।",
    PhoneUnknownCode: "+{0} कोई देश कोड नहीं है। + के बाद के अंक जाँचें।",
    PhoneIncompleteCode: "टाइप करते रहें: देश का कोड अभी पूरा नहीं हुआ है।",
    PhoneTooShort: "बहुत छोटा: +{0} नंबरों में देश के कोड के बाद कम से कम {1} अंक होने चाहिए \
        (अभी {2})।",
    PhoneLengths: "+{0} नंबरों में देश के कोड के बाद {1} अंक होते हैं (अभी {2})।",
    PhoneTooLong: "बहुत लंबा: +{0} नंबरों में देश के कोड के बाद ज़्यादा से ज़्यादा {1} अंक \
        होते हैं ({2} टाइप किए गए)।",
    PhoneExceedsE164: "बहुत लंबा: किसी फ़ोन नंबर में कुल मिलाकर ज़्यादा से ज़्यादा {0} अंक \
        होते हैं ({1} टाइप किए गए)।",
    PhoneInputTooLong: "बहुत लंबा: फ़ोन नंबर {0} अक्षरों से ज़्यादा का नहीं हो सकता।",
    ListComma: ", ",
    ListOr: " या ",
};
