//! Arabic (Modern Standard), right to left. `\u{200E}` (LEFT-TO-RIGHT MARK)
//! before a `+` keeps a phone number's plus sign on its left in RTL text;
//! `\u{2068}`…`\u{2069}` (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE)
//! around data of unknown direction (a business name, Meta's message, a
//! typed character) keep its punctuation in place; counts are phrased as
//! "limit: N" so no noun has to agree with the number.

use super::Messages;

/// Arabic.
pub(super) const AR: Messages = messages! {
    Connect: "ربط WhatsApp",
    TryAgain: "إعادة المحاولة",
    Redirect: "المتابعة في هذه النافذة",
    Cancel: "إلغاء",
    SdkLoading: "جارٍ تحميل تسجيل الدخول عبر Facebook…",
    Ready: "كل شيء جاهز لربط حساب WhatsApp Business الخاص بك.",
    ReadyPopup: "يُفتح تسجيل Meta في نافذة جديدة.",
    ReadyRedirect: "يُفتح تسجيل Meta في هذه النافذة ثم يعيدك إلى هنا.",
    Waiting: "في انتظار Meta…",
    WaitingDetail: "أكمل الخطوات في نافذة Meta.",
    Sending: "جارٍ ربط حسابك…",
    SendingDetail: "جارٍ إرسال تفويض Meta إلى الخادم.",
    ConnectedNamed: "تم الربط: \u{2068}{0}\u{2069}",
    Connected: "تم ربط WhatsApp.",
    NumbersNone: "لم يُرفق أي رقم هاتف بعد.",
    NumbersOne: "رقم الهاتف:",
    NumbersMany: "أرقام الهواتف:",
    Cancelled: "تم إلغاء التسجيل.",
    CancelledByPage: "لقد أوقفت التسجيل قبل اكتماله.",
    CancelledAtStep: "غادرت عند خطوة «{0}».",
    CancelledByMeta: "أغلقت نافذة Meta قبل الانتهاء.",
    Failed: "تعذّر ربط WhatsApp.",
    ErrorCode: "رمز الخطأ: {0}",
    NoticePopupIsolated: "سياسة Cross-Origin-Opener-Policy في هذه الصفحة تعزلها عن نافذة \
        Meta: يجب أن يرسل الموقع Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    NoticeInApp: "قد لا تعمل نافذة Meta داخل هذا التطبيق. إذا لم يحدث شيء، فافتح هذه الصفحة \
        في متصفحك.",
    SdkNotReady: "كان تسجيل الدخول عبر Facebook لا يزال قيد التحميل. انتظر لحظة، ثم أعد \
        المحاولة.",
    SdkLoadFailed: "تعذّر تحميل تسجيل الدخول عبر Facebook. تحقّق من اتصالك أو من أداة حظر \
        المحتوى، ثم أعد المحاولة.",
    AlreadyRunning: "هناك تسجيل قيد التنفيذ بالفعل في هذه النافذة.",
    HttpErrorStatus: "لم يقبل الخادم التسجيل (HTTP {0}).",
    HttpError: "لم يقبل الخادم التسجيل.",
    NetworkError: "تعذّر الوصول إلى الخادم. تحقّق من اتصالك، ثم أعد المحاولة.",
    Timeout: "استغرق الخادم وقتًا طويلًا للرد.",
    NoAuthResponse: "أنهت Meta التسجيل لكنها لم تُرجع تفويضًا. عادةً ما تنجح المتابعة في هذه \
        النافذة (وضع إعادة التوجيه).",
    StateMismatch: "تعذّر التحقق من التسجيل عند العودة. يُرجى البدء من جديد.",
    MissingCode: "لم تُرجع Meta رمز تفويض.",
    CodeExpired: "انتهت صلاحية تفويض Meta قبل إرساله. يُرجى البدء من جديد.",
    MetaErrorMessage: "أبلغت Meta عن خطأ: \u{2068}{0}\u{2069}",
    MetaError: "أبلغت Meta عن خطأ.",
    Aborted: "تم إيقاف التسجيل.",
    InvalidConfig: "زر التسجيل هذا غير مُعدّ بشكل صحيح.",
    PopupBlocked: "حظر متصفحك نافذة Meta. اسمح بالنوافذ المنبثقة لهذا الموقع، ثم أعد \
        المحاولة.",
    PopupIsolated: "عزلت سياسة Cross-Origin-Opener-Policy في هذه الصفحة نافذةَ Meta عنها. يجب \
        أن يرسل الموقع Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    RunTimeout: "استغرق التسجيل وقتًا طويلًا فتم إيقافه. يُرجى البدء من جديد.",
    StepBusiness: "اختيار الحساب التجاري",
    StepWaba: "اختيار حساب WhatsApp",
    StepProfile: "إعداد الملف التعريفي على WhatsApp Business",
    StepPhoneSetup: "إعداد رقم الهاتف",
    StepPhoneVerification: "التحقق من رقم الهاتف",
    StepPermissions: "الأذونات",
    PhoneLabel: "رقم هاتف WhatsApp",
    PhoneHint: "اكتب الرقم مع رمز البلد، مثل \u{200E}+1 555 123 4567.",
    PhoneValid: "رقم صالح: \u{200E}{0}",
    PhoneEmpty: "أدخل رقم هاتف، مثل \u{200E}+1 555 123 4567.",
    PhoneInvalidCharacter: "لا يمكن أن يكون «\u{2068}{0}\u{2069}» (الحرف {1}) جزءًا من رقم هاتف. استخدم \
        الأرقام أو المسافات أو الشرطات أو النقاط أو الأقواس.",
    PhoneExtension: "لا يمكن أن تحتوي أرقام WhatsApp على رقم داخلي: احذفه (بدءًا من الحرف {0}).",
    PhoneMissingPlus: "ابدأ بعلامة + ثم رمز البلد، مثل \u{200E}+966 للسعودية.",
    PhoneUnknownCode: "\u{200E}+{0} ليس رمز بلد. تحقّق من الأرقام بعد علامة +.",
    PhoneIncompleteCode: "تابع الكتابة: رمز البلد لم يكتمل بعد.",
    PhoneTooShort: "قصير جدًا: الحد الأدنى لعدد الخانات بعد رمز البلد في أرقام \u{200E}+{0} \
        هو {1} (المكتوب حتى الآن: {2}).",
    PhoneLengths: "عدد الخانات بعد رمز البلد في أرقام \u{200E}+{0} هو {1} (المكتوب حتى الآن: \
        {2}).",
    PhoneTooLong: "طويل جدًا: الحد الأقصى لعدد الخانات بعد رمز البلد في أرقام \u{200E}+{0} هو \
        {1} (المكتوب: {2}).",
    PhoneExceedsE164: "طويل جدًا: الحد الأقصى لعدد خانات رقم الهاتف كله هو {0} (المكتوب: {1}).",
    PhoneInputTooLong: "طويل جدًا: لا يمكن أن يتجاوز رقم الهاتف {0} من الأحرف.",
    ListComma: "، ",
    ListOr: " أو ",
};
