//! A visitor's consent (promise P2): what they allowed beyond the necessary, kept in the
//! `consent` cookie as `a1.m0.p2` (analytics, marketing offers, the policy version they chose
//! under). A browser that sends `Sec-GPC: 1` or `DNT: 1` has said no to both, whatever the
//! cookie says.

use serde::{Deserialize, Serialize};

super::stored::stored_enum! {
    /// The buttons of the consent forms: everything, only the necessary, the boxes ticked,
    /// or the choice as it was (after reading a new policy version).
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ConsentAnswer: as_str {
        AcceptAll = "accept",
        RejectAll = "reject",
        Save = "save",
        Keep = "keep",
    }
}

/// The purposes an account's consent events name (marketing email is `marketing`, chosen in
/// the account).
pub const PURPOSE_ANALYTICS: &str = "analytics";
pub const PURPOSE_OFFERS: &str = "marketing_offers";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub analytics: bool,
    pub marketing: bool,
    /// The policy version in effect when the choice was made (0: unknown).
    pub policy_version: i64,
}

impl Consent {
    pub fn cookie_value(&self) -> String {
        format!(
            "a{}.m{}.p{}",
            u8::from(self.analytics),
            u8::from(self.marketing),
            self.policy_version
        )
    }

    /// A cookie value this shop wrote; `None` for anything else.
    pub fn parse(value: &str) -> Option<Consent> {
        let mut parts = value.split('.');
        let flag = |part: Option<&str>, prefix: char| match part?.strip_prefix(prefix)? {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        };
        let analytics = flag(parts.next(), 'a')?;
        let marketing = flag(parts.next(), 'm')?;
        let version = parts.next()?.strip_prefix('p')?;
        if parts.next().is_some()
            || version.len() > 9
            || !version.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some(Consent {
            analytics,
            marketing,
            policy_version: version.parse().ok()?,
        })
    }
}

/// A visitor's consent as the shop applies it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentState {
    /// The choice in their cookie, if they made one.
    pub chosen: Option<Consent>,
    /// Their browser asks not to be tracked (`Sec-GPC: 1` or `DNT: 1`).
    pub browser_refuses: bool,
}

impl ConsentState {
    pub fn analytics(&self) -> bool {
        !self.browser_refuses && self.chosen.is_some_and(|c| c.analytics)
    }

    pub fn marketing(&self) -> bool {
        !self.browser_refuses && self.chosen.is_some_and(|c| c.marketing)
    }

    /// What the top of every page shows this visitor about privacy.
    pub fn notice(&self, current_policy: i64) -> VisitorNotice {
        match self.chosen {
            // A browser that refuses has chosen already: nothing to ask.
            None if self.browser_refuses => VisitorNotice::None,
            None => VisitorNotice::AskConsent,
            Some(c) if c.policy_version < current_policy => VisitorNotice::PolicyChanged,
            Some(_) => VisitorNotice::None,
        }
    }
}

/// The privacy notice on top of a visitor's pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VisitorNotice {
    #[default]
    None,
    /// First visit: the consent banner.
    AskConsent,
    /// The policy changed since they chose: a one-time notice.
    PolicyChanged,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_value_reads_back_and_nothing_else_does() {
        let c = Consent {
            analytics: true,
            marketing: false,
            policy_version: 12,
        };
        assert_eq!(c.cookie_value(), "a1.m0.p12");
        assert_eq!(Consent::parse("a1.m0.p12"), Some(c));
        for bad in [
            "",
            "a1.m0",
            "a2.m0.p1",
            "a1.m0.p",
            "a1.m0.p-1",
            "a1.m0.p1.x",
            "m0.a1.p1",
            "a1.m0.p9999999999",
        ] {
            assert_eq!(Consent::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_refusing_browser_wins_and_the_notice_follows_the_policy() {
        let yes = Consent {
            analytics: true,
            marketing: true,
            policy_version: 2,
        };
        let state = ConsentState {
            chosen: Some(yes),
            browser_refuses: false,
        };
        assert!(state.analytics() && state.marketing());
        assert_eq!(state.notice(2), VisitorNotice::None);
        assert_eq!(state.notice(3), VisitorNotice::PolicyChanged);
        let refusing = ConsentState {
            browser_refuses: true,
            ..state
        };
        assert!(!refusing.analytics() && !refusing.marketing());
        let unasked = ConsentState::default();
        assert!(!unasked.analytics());
        assert_eq!(unasked.notice(1), VisitorNotice::AskConsent);
        let unasked_refusing = ConsentState {
            browser_refuses: true,
            ..unasked
        };
        assert_eq!(unasked_refusing.notice(1), VisitorNotice::None);
    }
}
