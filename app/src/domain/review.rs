//! Reviews (promise P7): what a shopper writes about a product (a rating from 1 to 5, a
//! title, the text, optional pros and cons), where a review stands, how its author is
//! named, and the order reviews are listed in. A review is plain text: line breaks are
//! kept, other control characters refused.

use super::{account::check_text, limits, policy::check_long_text};
use crate::error::{Problem, ShopError};
use serde::{Deserialize, Serialize};

super::stored::stored_enum! {
    /// Where a review stands: shown (`Published`), awaiting approval under the `hold`
    /// moderation setting (`Held`), or hidden by staff with a reason (`Hidden`).
    #[derive(Serialize, Deserialize)]
    pub enum ReviewStatus: code {
        Published = "published",
        Held = "held",
        Hidden = "hidden",
    }
}

super::stored::stored_enum! {
    /// The `reviews.moderation` setting: publish at once and moderate afterwards, or hold
    /// each new or edited review until staff approve it.
    #[derive(Serialize, Deserialize, Default)]
    pub enum Moderation: code, parse {
        #[default]
        Publish = "publish",
        Hold = "hold",
    }
}

super::stored::stored_enum! {
    /// How a product's reviews are listed.
    #[derive(Serialize, Deserialize, Default)]
    pub enum ReviewSort: code, parse {
        #[default]
        Newest = "newest",
        Helpful = "helpful",
        Highest = "highest",
        Lowest = "lowest",
    }
}

super::stored::stored_enum! {
    /// Why a shopper reports a review: the rules every review keeps (`/terms`).
    #[derive(Serialize, Deserialize)]
    pub enum ReportReason: code, parse {
        OffTopic = "off_topic",
        PersonalData = "personal_data",
        Advertising = "advertising",
        Abuse = "abuse",
        Other = "other",
    }
}

super::stored::stored_enum! {
    /// What staff decide about a review: publish it (a held one, or a reported one kept as it
    /// is), hide it with a reason for its author, or show a hidden one again.
    #[derive(Serialize, Deserialize)]
    pub enum Decision: code, parse {
        Approve = "approve",
        Hide = "hide",
        Restore = "restore",
    }
}

impl Decision {
    /// The state a review is in after the decision.
    pub fn status(self) -> ReviewStatus {
        match self {
            Decision::Approve | Decision::Restore => ReviewStatus::Published,
            Decision::Hide => ReviewStatus::Hidden,
        }
    }

    /// Whether the decision applies to a review in `status` (approving a held or published
    /// one, hiding one not yet hidden, restoring a hidden one); anything else means someone
    /// decided first.
    pub fn applies_to(self, status: ReviewStatus) -> bool {
        match self {
            Decision::Approve => status != ReviewStatus::Hidden,
            Decision::Hide => status != ReviewStatus::Hidden,
            Decision::Restore => status == ReviewStatus::Hidden,
        }
    }

    /// The reason a decision carries: required to hide (the author is told why), and none
    /// otherwise.
    pub fn check_reason(self, reason: &str) -> Result<String, ShopError> {
        match self {
            Decision::Hide => {
                ShopError::check_fields([(
                    "reason",
                    check_long_text(reason, limits::REVIEW_HIDE_REASON),
                )])?;
                Ok(reason.trim().to_string())
            }
            Decision::Approve | Decision::Restore => Ok(String::new()),
        }
    }
}

/// Reviews per page of a product's list.
pub const PER_PAGE: i64 = 10;

/// A review as its author writes or edits it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewForm {
    /// 1 to 5, as typed.
    pub rating: String,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub pros: String,
    #[serde(default)]
    pub cons: String,
}

impl ReviewForm {
    /// The rating, when the form is a review the shop takes (every problem at once).
    pub fn validate(&self) -> Result<i64, ShopError> {
        let rating = self
            .rating
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|r| (1..=5).contains(r));
        let rating_problem = match (self.rating.trim().is_empty(), rating) {
            (true, _) => Some(Problem::Required),
            (false, None) => Some(Problem::OutOfRange { min: 1, max: 5 }),
            (false, Some(_)) => None,
        };
        let optional = |text: &str| match text.trim() {
            "" => None,
            _ => check_long_text(text, limits::REVIEW_PROS),
        };
        ShopError::check_fields([
            ("rating", rating_problem),
            ("title", check_text(&self.title, limits::REVIEW_TITLE)),
            ("body", check_long_text(&self.body, limits::REVIEW_BODY)),
            ("pros", optional(&self.pros)),
            ("cons", optional(&self.cons)),
        ])?;
        rating.ok_or(ShopError::Internal)
    }
}

/// How an author is shown: their first name and the initial of their last, never their
/// email address ("Mei L."; a single name as it is).
pub fn author_name(full_name: &str) -> String {
    let mut words = full_name.split_whitespace();
    match (words.next(), words.last()) {
        (Some(first), Some(last)) => match last.chars().next() {
            Some(initial) => format!("{first} {initial}."),
            None => first.to_string(),
        },
        (Some(first), None) => first.to_string(),
        (None, _) => String::new(),
    }
}

/// The average of ratings in tenths (4.5 is 45), rounded half up; 0 without ratings.
pub fn average_tenths(sum: i64, count: i64) -> i64 {
    if count <= 0 {
        return 0;
    }
    (sum * 10 * 2 + count) / (count * 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ReviewForm {
        ReviewForm {
            rating: "4".into(),
            title: "Bright enough at noon".into(),
            body: "Two winters outside,\nno dead pixels.".into(),
            pros: String::new(),
            cons: String::new(),
        }
    }

    #[test]
    fn a_review_needs_a_rating_from_one_to_five_a_title_and_text() {
        assert_eq!(form().validate().unwrap(), 4);
        for rating in ["0", "6", "4.5", "four", "-1"] {
            let error = ReviewForm {
                rating: rating.into(),
                ..form()
            }
            .validate()
            .unwrap_err();
            assert!(matches!(error, ShopError::Invalid { .. }), "{rating}");
        }
        let error = ReviewForm::default().validate().unwrap_err();
        let ShopError::Invalid { fields } = error else {
            panic!()
        };
        let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(named, ["rating", "title", "body"]);
    }

    #[test]
    fn text_keeps_line_breaks_but_no_other_control_characters() {
        assert!(
            ReviewForm {
                body: "a\u{7}b".into(),
                ..form()
            }
            .validate()
            .is_err()
        );
        assert!(
            ReviewForm {
                title: "two\nlines".into(),
                ..form()
            }
            .validate()
            .is_err(),
            "a title is one line"
        );
        assert!(
            ReviewForm {
                body: "x".repeat(limits::REVIEW_BODY + 1),
                ..form()
            }
            .validate()
            .is_err()
        );
        assert!(
            ReviewForm {
                pros: "Light\nbright".into(),
                cons: "<b>heavy</b> 😅 مرحبا".into(),
                ..form()
            }
            .validate()
            .is_ok()
        );
    }

    #[test]
    fn authors_are_named_by_first_name_and_initial() {
        assert_eq!(author_name("Mei Lin"), "Mei L.");
        assert_eq!(author_name("  Ana  María  García "), "Ana G.");
        assert_eq!(author_name("Olu"), "Olu");
        assert_eq!(author_name("李 明"), "李 明.");
        assert_eq!(author_name(""), "");
    }

    #[test]
    fn decisions_apply_to_the_states_they_change() {
        use ReviewStatus::*;
        assert!(Decision::Approve.applies_to(Held));
        assert!(Decision::Approve.applies_to(Published));
        assert!(!Decision::Approve.applies_to(Hidden));
        assert!(Decision::Hide.applies_to(Held) && Decision::Hide.applies_to(Published));
        assert!(
            !Decision::Hide.applies_to(Hidden),
            "hidden twice is one decision"
        );
        assert!(Decision::Restore.applies_to(Hidden));
        assert!(!Decision::Restore.applies_to(Published));
        assert_eq!(Decision::Hide.status(), Hidden);
        assert_eq!(Decision::Restore.status(), Published);
    }

    #[test]
    fn hiding_needs_a_reason_of_bounded_length() {
        assert!(Decision::Hide.check_reason("  ").is_err());
        assert!(
            Decision::Hide
                .check_reason(&"x".repeat(limits::REVIEW_HIDE_REASON + 1))
                .is_err()
        );
        assert_eq!(
            Decision::Hide.check_reason(" Names a person. ").unwrap(),
            "Names a person."
        );
        assert_eq!(Decision::Approve.check_reason("ignored").unwrap(), "");
    }

    #[test]
    fn averages_are_in_tenths_rounded_half_up() {
        assert_eq!(average_tenths(0, 0), 0);
        assert_eq!(average_tenths(9, 2), 45);
        assert_eq!(average_tenths(13, 3), 43);
        assert_eq!(average_tenths(14, 3), 47);
        assert_eq!(average_tenths(5, 1), 50);
    }
}
