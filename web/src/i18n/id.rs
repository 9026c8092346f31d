//! Indonesian.

use super::Messages;

/// Indonesian.
pub(super) const ID: Messages = messages! {
    Connect: "Hubungkan WhatsApp",
    TryAgain: "Coba lagi",
    Redirect: "Lanjutkan di jendela ini",
    Cancel: "Batal",
    SdkLoading: "Memuat login Facebook…",
    Ready: "Siap menghubungkan akun WhatsApp Business Anda.",
    ReadyPopup: "Pendaftaran Meta akan terbuka di jendela baru.",
    ReadyRedirect: "Pendaftaran Meta akan terbuka di jendela ini, lalu membawa Anda kembali ke \
        sini.",
    Waiting: "Menunggu Meta…",
    WaitingDetail: "Selesaikan langkah-langkahnya di jendela Meta.",
    Sending: "Menghubungkan akun Anda…",
    SendingDetail: "Mengirim otorisasi Meta ke server.",
    ConnectedNamed: "Terhubung: {0}",
    Connected: "WhatsApp terhubung.",
    NumbersNone: "Belum ada nomor telepon yang ditautkan.",
    NumbersOne: "Nomor telepon:",
    NumbersMany: "Nomor telepon:",
    Cancelled: "Pendaftaran dibatalkan.",
    CancelledByPage: "Anda menghentikan pendaftaran sebelum selesai.",
    CancelledAtStep: "Anda keluar di langkah “{0}”.",
    CancelledByMeta: "Anda menutup jendela Meta sebelum selesai.",
    Failed: "Tidak dapat menghubungkan WhatsApp.",
    ErrorCode: "Kode kesalahan: {0}",
    NoticePopupIsolated: "Cross-Origin-Opener-Policy halaman ini memutus hubungannya dengan \
        jendela Meta: situs harus mengirim Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    NoticeInApp: "Jendela Meta mungkin tidak berfungsi di dalam aplikasi ini. Jika tidak \
        terjadi apa-apa, buka halaman ini di browser Anda.",
    SdkNotReady: "Login Facebook masih dimuat. Tunggu sebentar, lalu coba lagi.",
    SdkLoadFailed: "Login Facebook tidak dapat dimuat. Periksa koneksi atau pemblokir konten \
        Anda, lalu coba lagi.",
    AlreadyRunning: "Pendaftaran sudah berlangsung di jendela ini.",
    HttpErrorStatus: "Server tidak menerima pendaftaran (HTTP {0}).",
    HttpError: "Server tidak menerima pendaftaran.",
    NetworkError: "Server tidak dapat dihubungi. Periksa koneksi Anda, lalu coba lagi.",
    Timeout: "Server terlalu lama merespons.",
    NoAuthResponse: "Meta menyelesaikan pendaftaran tetapi tidak mengembalikan otorisasi. \
        Melanjutkan di jendela ini (mode pengalihan) biasanya berhasil.",
    StateMismatch: "Pendaftaran yang kembali tidak dapat diverifikasi. Silakan mulai lagi.",
    MissingCode: "Meta tidak mengembalikan kode otorisasi.",
    CodeExpired: "Otorisasi Meta kedaluwarsa sebelum sempat dikirim. Silakan mulai lagi.",
    MetaErrorMessage: "Meta melaporkan kesalahan: {0}",
    MetaError: "Meta melaporkan kesalahan.",
    Aborted: "Pendaftaran dihentikan.",
    InvalidConfig: "Tombol pendaftaran ini tidak dikonfigurasi dengan benar.",
    PopupBlocked: "Browser Anda memblokir jendela Meta. Izinkan pop-up untuk situs ini, lalu \
        coba lagi.",
    PopupIsolated: "Cross-Origin-Opener-Policy halaman ini memutus hubungannya dengan jendela \
        Meta. Situs harus mengirim Cross-Origin-Opener-Policy: same-origin-allow-popups.",
    RunTimeout: "Pendaftaran terlalu lama sehingga dihentikan. Silakan mulai lagi.",
    StepBusiness: "Pemilihan akun bisnis",
    StepWaba: "Pemilihan akun WhatsApp",
    StepProfile: "Penyiapan profil WhatsApp Business",
    StepPhoneSetup: "Penyiapan nomor telepon",
    StepPhoneVerification: "Verifikasi nomor telepon",
    StepPermissions: "Izin",
    PhoneLabel: "Nomor telepon WhatsApp",
    PhoneHint: "Sertakan kode negara, misalnya +1 555 123 4567.",
    PhoneValid: "Nomor valid: {0}",
    PhoneEmpty: "Masukkan nomor telepon, misalnya +1 555 123 4567.",
    PhoneInvalidCharacter: "“{0}” (karakter ke-{1}) tidak boleh ada dalam nomor telepon. \
        Gunakan angka, spasi, tanda hubung, titik, atau tanda kurung.",
    PhoneExtension: "Nomor WhatsApp tidak boleh memiliki ekstensi: hapus ekstensinya (mulai \
        karakter ke-{0}).",
    PhoneMissingPlus: "Awali dengan + dan kode negara, misalnya +62 untuk Indonesia.",
    PhoneUnknownCode: "+{0} bukan kode negara. Periksa angka setelah +.",
    PhoneIncompleteCode: "Lanjutkan mengetik: kode negara belum lengkap.",
    PhoneTooShort: "Terlalu pendek: nomor +{0} memerlukan setidaknya {1} digit setelah kode \
        negara (baru {2}).",
    PhoneLengths: "Nomor +{0} memiliki {1} digit setelah kode negara (baru {2}).",
    PhoneTooLong: "Terlalu panjang: nomor +{0} memiliki paling banyak {1} digit setelah kode \
        negara ({2} diketik).",
    PhoneExceedsE164: "Terlalu panjang: nomor telepon memiliki paling banyak {0} digit secara \
        keseluruhan ({1} diketik).",
    PhoneInputTooLong: "Terlalu panjang: nomor telepon muat dalam {0} karakter.",
    ListComma: ", ",
    ListOr: " atau ",
};
