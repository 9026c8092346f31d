//! Brazilian Portuguese (also served for `pt-PT` and plain `pt`).

use super::Messages;

/// Brazilian Portuguese.
pub(super) const PT_BR: Messages = messages! {
    Connect: "Conectar WhatsApp",
    TryAgain: "Tentar novamente",
    Redirect: "Continuar nesta janela",
    Cancel: "Cancelar",
    SdkLoading: "Carregando o login do Facebook…",
    Ready: "Tudo pronto para conectar sua conta do WhatsApp Business.",
    ReadyPopup: "O cadastro da Meta abre em uma nova janela.",
    ReadyRedirect: "O cadastro da Meta abre nesta janela e depois traz você de volta para cá.",
    Waiting: "Aguardando a Meta…",
    WaitingDetail: "Conclua as etapas na janela da Meta.",
    Sending: "Conectando sua conta…",
    SendingDetail: "Enviando a autorização da Meta para o servidor.",
    ConnectedNamed: "Conectado: {0}",
    Connected: "WhatsApp conectado.",
    NumbersNone: "Ainda não há nenhum número de telefone vinculado.",
    NumbersOne: "Número de telefone:",
    NumbersMany: "Números de telefone:",
    Cancelled: "Cadastro cancelado.",
    CancelledByPage: "Você interrompeu o cadastro antes de terminar.",
    CancelledAtStep: "Você saiu na etapa “{0}”.",
    CancelledByMeta: "Você fechou a janela da Meta antes de terminar.",
    Failed: "Não foi possível conectar o WhatsApp.",
    ErrorCode: "Código do erro: {0}",
    NoticePopupIsolated: "A Cross-Origin-Opener-Policy desta página a isola da janela da Meta: \
        o site precisa enviar Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    NoticeInApp: "A janela da Meta pode não funcionar dentro deste app. Se nada acontecer, abra \
        esta página no seu navegador.",
    SdkNotReady: "O login do Facebook ainda estava carregando. Aguarde um momento e tente \
        novamente.",
    SdkLoadFailed: "Não foi possível carregar o login do Facebook. Verifique sua conexão ou seu \
        bloqueador de conteúdo e tente novamente.",
    AlreadyRunning: "Já há um cadastro em andamento nesta janela.",
    HttpErrorStatus: "O servidor não aceitou o cadastro (HTTP {0}).",
    HttpError: "O servidor não aceitou o cadastro.",
    NetworkError: "Não foi possível acessar o servidor. Verifique sua conexão e tente \
        novamente.",
    Timeout: "O servidor demorou demais para responder.",
    NoAuthResponse: "A Meta concluiu o cadastro, mas não devolveu uma autorização. Continuar \
        nesta janela (modo de redirecionamento) costuma funcionar.",
    StateMismatch: "Não foi possível verificar o cadastro no retorno. Comece de novo.",
    MissingCode: "A Meta não devolveu um código de autorização.",
    CodeExpired: "A autorização da Meta expirou antes de ser enviada. Comece de novo.",
    MetaErrorMessage: "A Meta informou um erro: {0}",
    MetaError: "A Meta informou um erro.",
    Aborted: "O cadastro foi interrompido.",
    InvalidConfig: "Este botão de cadastro não está configurado corretamente.",
    PopupBlocked: "Seu navegador bloqueou a janela da Meta. Permita pop-ups para este site e \
        tente novamente.",
    PopupIsolated: "A Cross-Origin-Opener-Policy desta página a isolou da janela da Meta. O site \
        precisa enviar Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    RunTimeout: "O cadastro demorou demais e foi interrompido. Comece de novo.",
    StepBusiness: "Seleção da conta empresarial",
    StepWaba: "Seleção da conta do WhatsApp",
    StepProfile: "Configuração do perfil do WhatsApp Business",
    StepPhoneSetup: "Configuração do número de telefone",
    StepPhoneVerification: "Verificação do número de telefone",
    StepPermissions: "Permissões",
    PhoneLabel: "Número de telefone do WhatsApp",
    PhoneHint: "Inclua o código do país, por ex., +1 555 123 4567.",
    PhoneValid: "Número válido: {0}",
    PhoneEmpty: "Digite um número de telefone, por ex., +1 555 123 4567.",
    PhoneInvalidCharacter: "“{0}” (caractere {1}) não pode fazer parte de um número de \
        telefone. Use dígitos, espaços, hifens, pontos ou parênteses.",
    PhoneExtension: "Números do WhatsApp não podem ter ramal: remova-o (a partir do caractere \
        {0}).",
    PhoneMissingPlus: "Comece com + e o código do país, por ex., +55 para o Brasil.",
    PhoneUnknownCode: "+{0} não é um código de país. Confira os dígitos depois do +.",
    PhoneIncompleteCode: "Continue digitando: o código do país ainda não está completo.",
    PhoneTooShort: "Muito curto: números +{0} precisam de pelo menos {1} dígitos depois do \
        código do país ({2} até agora).",
    PhoneLengths: "Números +{0} têm {1} dígitos depois do código do país ({2} até agora).",
    PhoneTooLong: "Muito longo: números +{0} têm no máximo {1} dígitos depois do código do país \
        ({2} digitados).",
    PhoneExceedsE164: "Muito longo: um número de telefone tem no máximo {0} dígitos no total \
        ({1} digitados).",
    PhoneInputTooLong: "Muito longo: um número de telefone cabe em {0} caracteres.",
    ListComma: ", ",
    ListOr: " ou ",
};
