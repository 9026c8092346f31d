//! Spanish (neutral, for Latin America and Spain).

use super::Messages;

/// Spanish.
pub(super) const ES: Messages = messages! {
    Connect: "Conectar WhatsApp",
    TryAgain: "Intentar de nuevo",
    Redirect: "Continuar en esta ventana",
    Cancel: "Cancelar",
    SdkLoading: "Cargando el inicio de sesión de Facebook…",
    Ready: "Todo listo para conectar tu cuenta de WhatsApp Business.",
    ReadyPopup: "El registro de Meta se abre en una ventana nueva.",
    ReadyRedirect: "El registro de Meta se abre en esta ventana y luego te trae de vuelta aquí.",
    Waiting: "Esperando a Meta…",
    WaitingDetail: "Completa los pasos en la ventana de Meta.",
    Sending: "Conectando tu cuenta…",
    SendingDetail: "Enviando la autorización de Meta al servidor.",
    ConnectedNamed: "Conectado: {0}",
    Connected: "WhatsApp conectado.",
    NumbersNone: "Todavía no hay ningún número de teléfono asociado.",
    NumbersOne: "Número de teléfono:",
    NumbersMany: "Números de teléfono:",
    Cancelled: "Registro cancelado.",
    CancelledByPage: "Detuviste el registro antes de que terminara.",
    CancelledAtStep: "Saliste en el paso «{0}».",
    CancelledByMeta: "Cerraste la ventana de Meta antes de terminar.",
    Failed: "No se pudo conectar WhatsApp.",
    ErrorCode: "Código de error: {0}",
    NoticePopupIsolated: "La Cross-Origin-Opener-Policy de esta página la separa de la \
        ventana de Meta: el sitio debe enviar Cross-Origin-Opener-Policy: \
        same-origin-allow-popups.",
    NoticeInApp: "Es posible que la ventana de Meta no funcione dentro de esta app. Si no pasa \
        nada, abre esta página en tu navegador.",
    SdkNotReady: "El inicio de sesión de Facebook aún se estaba cargando. Espera un momento y \
        vuelve a intentarlo.",
    SdkLoadFailed: "No se pudo cargar el inicio de sesión de Facebook. Revisa tu conexión o tu \
        bloqueador de contenido y vuelve a intentarlo.",
    AlreadyRunning: "Ya hay un registro en curso en esta ventana.",
    HttpErrorStatus: "El servidor no aceptó el registro (HTTP {0}).",
    HttpError: "El servidor no aceptó el registro.",
    NetworkError: "No se pudo contactar con el servidor. Revisa tu conexión y vuelve a \
        intentarlo.",
    Timeout: "El servidor tardó demasiado en responder.",
    NoAuthResponse: "Meta terminó el registro, pero no devolvió ninguna autorización. \
        Continuar en esta ventana (modo de redirección) suele funcionar.",
    StateMismatch: "No se pudo verificar el registro al volver. Empieza de nuevo.",
    MissingCode: "Meta no devolvió un código de autorización.",
    CodeExpired: "La autorización de Meta caducó antes de poder enviarse. Empieza de nuevo.",
    MetaErrorMessage: "Meta informó de un error: {0}",
    MetaError: "Meta informó de un error.",
    Aborted: "El registro se detuvo.",
    InvalidConfig: "Este botón de registro no está configurado correctamente.",
    PopupBlocked: "Tu navegador bloqueó la ventana de Meta. Permite las ventanas emergentes \
        para este sitio y vuelve a intentarlo.",
    PopupIsolated: "La Cross-Origin-Opener-Policy de esta página la separó de la ventana de \
        Meta. El sitio debe enviar Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    RunTimeout: "El registro tardó demasiado y se detuvo. Empieza de nuevo.",
    StepBusiness: "Selección de la cuenta comercial",
    StepWaba: "Selección de la cuenta de WhatsApp",
    StepProfile: "Configuración del perfil de WhatsApp Business",
    StepPhoneSetup: "Configuración del número de teléfono",
    StepPhoneVerification: "Verificación del número de teléfono",
    StepPermissions: "Permisos",
    PhoneLabel: "Número de teléfono de WhatsApp",
    PhoneHint: "Incluye el código de país, p. ej., +1 555 123 4567.",
    PhoneValid: "Número válido: {0}",
    PhoneEmpty: "Escribe un número de teléfono, p. ej., +1 555 123 4567.",
    PhoneInvalidCharacter: "«{0}» (carácter {1}) no puede formar parte de un número de \
        teléfono. Usa dígitos, espacios, guiones, puntos o paréntesis.",
    PhoneExtension: "Los números de WhatsApp no pueden tener extensión: quítala (a partir del \
        carácter {0}).",
    PhoneMissingPlus: "Empieza con + y el código de país, p. ej., +52 para México.",
    PhoneUnknownCode: "+{0} no es un código de país. Revisa los dígitos después del +.",
    PhoneIncompleteCode: "Sigue escribiendo: el código de país aún no está completo.",
    PhoneTooShort: "Demasiado corto: los números +{0} necesitan al menos {1} dígitos después \
        del código de país (llevas {2}).",
    PhoneLengths: "Los números +{0} tienen {1} dígitos después del código de país (llevas {2}).",
    PhoneTooLong: "Demasiado largo: los números +{0} tienen como máximo {1} dígitos después \
        del código de país (escribiste {2}).",
    PhoneExceedsE164: "Demasiado largo: un número de teléfono tiene como máximo {0} dígitos en \
        total (escribiste {1}).",
    PhoneInputTooLong: "Demasiado largo: un número de teléfono cabe en {0} caracteres.",
    ListComma: ", ",
    ListOr: " o ",
};
