//! Marketing mail (promise P4): the newsletter staff write to shoppers who opted in, and the
//! key of the one-click unsubscribe link each marketing mail carries.

use super::{ids::UserId, ids::is_token, policy::check_long_text};
use crate::error::{Problem, ShopError};
use serde::{Deserialize, Serialize};

/// The longest newsletter subject, in characters.
pub const SUBJECT_MAX: usize = 200;
/// The longest newsletter text in one language, in characters.
pub const BODY_MAX: usize = 20_000;

/// A newsletter as staff write it. The Chinese text may be left out (both fields empty):
/// shoppers who read Chinese then get the English one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsletterForm {
    pub subject_en: String,
    pub body_en: String,
    #[serde(default)]
    pub subject_zh: String,
    #[serde(default)]
    pub body_zh: String,
}

impl NewsletterForm {
    /// English is required; Chinese is both fields or neither. A subject is one line (it
    /// becomes a mail header); a text may have line breaks and tabs, no other control
    /// characters.
    pub fn validate(&self) -> Result<(), ShopError> {
        let chinese = !(self.subject_zh.trim().is_empty() && self.body_zh.trim().is_empty());
        let mut problems = vec![
            ("subject_en", check_subject(&self.subject_en)),
            ("body_en", check_long_text(&self.body_en, BODY_MAX)),
        ];
        if chinese {
            problems.push(("subject_zh", check_subject(&self.subject_zh)));
            problems.push(("body_zh", check_long_text(&self.body_zh, BODY_MAX)));
        }
        ShopError::check_fields(problems)
    }

    /// Subject and text for a reader of Chinese (`zh`) or English.
    pub fn texts(&self, zh: bool) -> (&str, &str) {
        if zh && !self.subject_zh.trim().is_empty() {
            (self.subject_zh.trim(), &self.body_zh)
        } else {
            (self.subject_en.trim(), &self.body_en)
        }
    }
}

fn check_subject(value: &str) -> Option<Problem> {
    if value.trim().is_empty() {
        Some(Problem::Required)
    } else if value.chars().count() > SUBJECT_MAX {
        Some(Problem::TooLong { max: SUBJECT_MAX })
    } else if value.chars().any(char::is_control) {
        Some(Problem::Invalid)
    } else {
        None
    }
}

/// The key of an account's unsubscribe link: `<account id>.<keyed hash of the id>`. It
/// needs no sign-in and never expires, so only the server, which holds the key, can make
/// one; it names no address.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct UnsubscribeKey(String);

impl UnsubscribeKey {
    /// `text`, if it is shaped like a key (the hash is checked by the server).
    pub fn parse(text: &str) -> Option<UnsubscribeKey> {
        let (id, mac) = text.split_once('.')?;
        let id_ok = !id.is_empty()
            && id.len() <= 18
            && id.bytes().all(|b| b.is_ascii_digit())
            && !id.starts_with('0');
        // Exactly as the server writes it: lower-case hex.
        let mac_ok = is_token(mac) && !mac.bytes().any(|b| b.is_ascii_uppercase());
        (id_ok && mac_ok).then(|| UnsubscribeKey(text.to_string()))
    }

    /// A key the server made for `user` with the hash `mac`.
    #[cfg(feature = "ssr")]
    pub(crate) fn issued(user: UserId, mac: &str) -> UnsubscribeKey {
        debug_assert!(is_token(mac));
        UnsubscribeKey(format!("{user}.{mac}"))
    }

    /// The account the key names (not yet checked).
    pub fn user(&self) -> UserId {
        let id = self.0.split('.').next().unwrap_or_default();
        UserId(id.parse().unwrap_or_default())
    }

    /// The keyed hash part.
    pub fn mac(&self) -> &str {
        self.0.split_once('.').map_or("", |(_, mac)| mac)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for UnsubscribeKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        UnsubscribeKey::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("not an unsubscribe key"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsubscribe_keys_are_an_id_and_a_hash() {
        let mac = "ab".repeat(32);
        let key = UnsubscribeKey::parse(&format!("42.{mac}")).unwrap();
        assert_eq!(key.user(), UserId(42));
        assert_eq!(key.mac(), mac);
        for bad in [
            format!("0.{mac}"),
            format!("042.{mac}"),
            format!(".{mac}"),
            format!("-1.{mac}"),
            format!("1.{}", &mac[1..]),
            format!("1.{mac}x"),
            format!("1.{}", mac.to_uppercase()),
            format!("1234567890123456789.{mac}"),
            mac.clone(),
            "1.2".to_string(),
        ] {
            assert_eq!(UnsubscribeKey::parse(&bad), None, "{bad}");
        }
    }

    #[test]
    fn a_newsletter_needs_english_and_chinese_is_all_or_nothing() {
        let good = NewsletterForm {
            subject_en: "New 4 mm cabinets".into(),
            body_en: "Hello,\n\n\tthey are here.".into(),
            ..Default::default()
        };
        assert!(good.validate().is_ok());
        assert_eq!(
            good.texts(true),
            ("New 4 mm cabinets", good.body_en.as_str())
        );
        let both = NewsletterForm {
            subject_zh: "新品".into(),
            body_zh: "您好".into(),
            ..good.clone()
        };
        assert_eq!(both.texts(true), ("新品", "您好"));
        assert_eq!(both.texts(false).0, "New 4 mm cabinets");

        let bad = NewsletterForm {
            subject_en: "Line one\nBcc: x@y.z".into(),
            body_en: "x".repeat(BODY_MAX + 1),
            subject_zh: "只有标题".into(),
            body_zh: " ".into(),
        };
        let Err(ShopError::Invalid { fields }) = bad.validate() else {
            panic!("accepted");
        };
        let problems: Vec<(&str, &Problem)> = fields
            .iter()
            .map(|f| (f.field.as_str(), &f.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("subject_en", &Problem::Invalid),
                ("body_en", &Problem::TooLong { max: BODY_MAX }),
                ("body_zh", &Problem::Required),
            ]
        );
    }
}
