//! What the host page allows, as pure decisions on what the browser reports:
//! whether its `Cross-Origin-Opener-Policy` cuts popups off, whether it runs
//! in an in-app browser, and so which [`ReadyNotice`] the ready state carries.

use super::state::{NoticeKind, ReadyNotice};

/// User-agent tokens of in-app browsers whose `window.open` popups often do
/// not return to the page (or never open), with the app's name.
///
/// Case-sensitive substrings, as the apps write them: Facebook (`FBAN`,
/// `FBAV`, `FB_IAB`), Messenger (`MessengerForiOS`, Android's `Orca`),
/// Instagram, Threads (`Barcelona`), LINE (`Line/`), WeChat
/// (`MicroMessenger`), TikTok (`BytedanceWebview`, `musical_ly`), Snapchat,
/// LinkedIn (`LinkedInApp`), Pinterest.
pub const IN_APP_TOKENS: [(&str, &str); 14] = [
    ("MessengerForiOS", "Messenger"),
    ("FB_IAB/Orca", "Messenger"),
    ("FBAN/", "Facebook"),
    ("FBAV/", "Facebook"),
    ("FB_IAB/", "Facebook"),
    ("Instagram", "Instagram"),
    ("Barcelona", "Threads"),
    (" Line/", "LINE"),
    ("MicroMessenger", "WeChat"),
    ("BytedanceWebview", "TikTok"),
    ("musical_ly", "TikTok"),
    ("Snapchat", "Snapchat"),
    ("LinkedInApp", "LinkedIn"),
    ("Pinterest", "Pinterest"),
];

/// The in-app browser `user_agent` belongs to, if any (e.g. `"Instagram"`).
pub fn in_app_browser(user_agent: &str) -> Option<&'static str> {
    IN_APP_TOKENS
        .iter()
        .find(|(token, _)| user_agent.contains(token))
        .map(|(_, app)| *app)
}

/// True when a page served with this `Cross-Origin-Opener-Policy` header
/// value severs the popups it opens to other origins (Meta's dialog).
///
/// Only `same-origin` does (parameters such as `; report-to="x"` allowed);
/// `same-origin-allow-popups`, `unsafe-none`, `noopener-allow-popups`, an
/// unknown token or a value the browser cannot parse (e.g. two values joined
/// by a comma, which browsers treat as `unsafe-none`) keep the opener.
pub fn coop_severs_popups(header: &str) -> bool {
    if header.contains(',') {
        return false;
    }
    let token = header.split(';').next().unwrap_or("").trim();
    token.eq_ignore_ascii_case("same-origin")
}

/// The notice the ready state carries on a page with these properties:
/// an isolated popup first (it breaks every popup run), then an in-app
/// browser without a redirect URI to fall back to.
pub fn ready_notice(
    popup_isolated: bool,
    in_app: bool,
    has_redirect_uri: bool,
) -> Option<ReadyNotice> {
    if popup_isolated {
        Some(ReadyNotice::new(NoticeKind::PopupIsolated))
    } else if in_app && !has_redirect_uri {
        Some(ReadyNotice::new(NoticeKind::InAppBrowser))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_app_user_agents() {
        let cases: [(&str, Option<&str>); 12] = [
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.31.105;FBBV/1;FBDV/iPhone15,2]", Some("Facebook")),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/445.0.0.34.118;]", Some("Facebook")),
            ("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/440.0;]", Some("Messenger")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LightSpeed [FBAN/MessengerLiteForiOS;FBAV/1] MessengerForiOS", Some("Messenger")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0.0.0.0 (iPhone15,2; iOS 17_0; en_US)", Some("Instagram")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Barcelona 289.0.0.0", Some("Threads")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.20.0", Some("LINE")),
            ("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.42", Some("WeChat")),
            ("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 musical_ly_2023 BytedanceWebview/d8a21c6", Some("TikTok")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", None),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", None),
            // "Online/" is not LINE: the token needs its leading space.
            ("Mozilla/5.0 Online/1.0", None),
        ];
        for (ua, want) in cases {
            assert_eq!(in_app_browser(ua), want, "{ua}");
        }
    }

    #[test]
    fn coop_values() {
        let cases = [
            ("same-origin", true),
            ("same-origin; report-to=\"coop\"", true),
            (" Same-Origin ", true),
            ("same-origin-allow-popups", false),
            ("same-origin-allow-popups; report-to=\"coop\"", false),
            ("unsafe-none", false),
            ("noopener-allow-popups", false),
            ("", false),
            ("same-origin, unsafe-none", false),
            ("bogus", false),
        ];
        for (header, want) in cases {
            assert_eq!(coop_severs_popups(header), want, "{header:?}");
        }
    }

    #[test]
    fn notices() {
        let kind = |n: Option<ReadyNotice>| n.map(|n| n.kind);
        assert_eq!(kind(ready_notice(false, false, false)), None);
        assert_eq!(kind(ready_notice(false, true, true)), None);
        assert_eq!(
            kind(ready_notice(false, true, false)),
            Some(NoticeKind::InAppBrowser)
        );
        for (in_app, redirect) in [(false, false), (true, true), (true, false)] {
            assert_eq!(
                kind(ready_notice(true, in_app, redirect)),
                Some(NoticeKind::PopupIsolated)
            );
        }
        let isolated = ready_notice(true, false, false).unwrap();
        assert!(isolated
            .message
            .contains("Cross-Origin-Opener-Policy: same-origin-allow-popups"));
    }
}
