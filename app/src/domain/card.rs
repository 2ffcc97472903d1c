//! Payment cards as the payment processor's card page checks them: the number (Luhn check
//! digit, brand from its first digits), the expiry and the security code. The sandbox
//! processor behaves like real processors' test modes: each test number selects what a
//! charge on it does. The shop's own checkout never sees a number, only what
//! [`CardRef`] holds.

pub use crate::error::Decline;
use serde::{Deserialize, Serialize};

super::stored::stored_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum CardBrand: code {
        Visa = "visa",
        Mastercard = "mastercard",
        Amex = "amex",
        UnionPay = "unionpay",
    }
}

impl CardBrand {
    pub fn label(self) -> &'static str {
        match self {
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::Amex => "American Express",
            CardBrand::UnionPay => "UnionPay",
        }
    }

    /// The brand a number belongs to, from its first digits.
    pub fn of(digits: &str) -> Option<CardBrand> {
        let two: u32 = digits.get(..2)?.parse().ok()?;
        let four: u32 = digits.get(..4)?.parse().ok()?;
        match () {
            _ if digits.starts_with('4') => Some(CardBrand::Visa),
            _ if (51..=55).contains(&two) || (2221..=2720).contains(&four) => {
                Some(CardBrand::Mastercard)
            }
            _ if two == 34 || two == 37 => Some(CardBrand::Amex),
            _ if two == 62 => Some(CardBrand::UnionPay),
            _ => None,
        }
    }

    /// Digits of its security code.
    pub fn cvc_len(self) -> usize {
        match self {
            CardBrand::Amex => 4,
            _ => 3,
        }
    }
}

super::stored::stored_enum! {
    /// What the sandbox processor does with a charge on a card (chosen by its test number).
    #[derive(Serialize, Deserialize)]
    pub enum TestBehaviour: code {
        Succeeds = "succeeds",
        Declined = "declined",
        InsufficientFunds = "insufficient_funds",
        Expired = "expired",
    }
}

impl TestBehaviour {
    /// The test numbers the sandbox takes, and what each does.
    pub const NUMBERS: [(&'static str, TestBehaviour); 6] = [
        ("4242424242424242", TestBehaviour::Succeeds),
        ("5555555555554444", TestBehaviour::Succeeds),
        ("378282246310005", TestBehaviour::Succeeds),
        ("4000000000000002", TestBehaviour::Declined),
        ("4000000000009995", TestBehaviour::InsufficientFunds),
        ("4000000000000069", TestBehaviour::Expired),
    ];

    pub fn of(digits: &str) -> Option<TestBehaviour> {
        Self::NUMBERS
            .iter()
            .find(|(n, _)| *n == digits)
            .map(|(_, b)| *b)
    }

    /// Why a charge on this card fails, if it does.
    pub fn decline(self) -> Option<Decline> {
        match self {
            TestBehaviour::Succeeds => None,
            TestBehaviour::Declined => Some(Decline::Declined),
            TestBehaviour::InsufficientFunds => Some(Decline::InsufficientFunds),
            TestBehaviour::Expired => Some(Decline::ExpiredCard),
        }
    }
}

/// A card as the shop knows it: the processor's token and what may be shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRef {
    pub token: String,
    pub brand: CardBrand,
    pub last4: String,
    pub exp_month: u32,
    pub exp_year: u32,
}

impl CardRef {
    /// "Visa •••• 4242, 12/30".
    pub fn describe(&self) -> String {
        format!(
            "{} •••• {}, {:02}/{:02}",
            self.brand.label(),
            self.last4,
            self.exp_month,
            self.exp_year % 100
        )
    }
}

/// What is wrong with a typed card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardProblem {
    NumberMissing,
    /// Not 12 to 19 digits, or the check digit is wrong: a typing mistake.
    NumberInvalid,
    /// A number the brand table does not know, or a real card in the sandbox.
    NotATestCard,
    ExpiryInvalid,
    ExpiryPast,
    CvcInvalid,
}

/// A card that passed the card page's checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCard {
    pub brand: CardBrand,
    pub last4: String,
    pub exp_month: u32,
    pub exp_year: u32,
    pub behaviour: TestBehaviour,
}

/// The digits of a typed number, spaces and dashes removed; `None` for anything else.
pub fn card_digits(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (digits.bytes().all(|b| b.is_ascii_digit()) && (12..=19).contains(&digits.len()))
        .then_some(digits)
}

/// The Luhn check digit test every card number passes.
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// An expiry typed as `MM/YY`, `MM / YYYY` or `MMYY`: (month, four-digit year).
pub fn parse_expiry(text: &str) -> Option<(u32, u32)> {
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let rest: String = text
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '/' | ' '))
        .collect();
    if !rest.is_empty() {
        return None;
    }
    let (month, year) = match digits.len() {
        4 => (&digits[..2], format!("20{}", &digits[2..])),
        6 => (&digits[..2], digits[2..].to_string()),
        _ => return None,
    };
    let month: u32 = month.parse().ok()?;
    let year: u32 = year.parse().ok()?;
    (1..=12).contains(&month).then_some((month, year))
}

/// Checks a typed card as of (`year`, `month`) today; every problem at once.
pub fn check_card(
    number: &str,
    expiry: &str,
    cvc: &str,
    today: (u32, u32),
) -> Result<CheckedCard, Vec<(&'static str, CardProblem)>> {
    let mut problems = Vec::new();
    let number = number.trim();
    let digits = if number.is_empty() {
        problems.push(("number", CardProblem::NumberMissing));
        None
    } else {
        match card_digits(number).filter(|d| luhn_ok(d)) {
            Some(d) => Some(d),
            None => {
                problems.push(("number", CardProblem::NumberInvalid));
                None
            }
        }
    };
    let brand = digits.as_deref().and_then(CardBrand::of);
    let behaviour = digits.as_deref().and_then(TestBehaviour::of);
    if digits.is_some() && (brand.is_none() || behaviour.is_none()) {
        problems.push(("number", CardProblem::NotATestCard));
    }
    let expiry = parse_expiry(expiry);
    match expiry {
        None => problems.push(("expiry", CardProblem::ExpiryInvalid)),
        Some((month, year)) if (year, month) < today => {
            problems.push(("expiry", CardProblem::ExpiryPast))
        }
        Some((_, year)) if year > today.0 + 20 => {
            problems.push(("expiry", CardProblem::ExpiryInvalid))
        }
        Some(_) => {}
    }
    let cvc = cvc.trim();
    let cvc_len = brand.map(CardBrand::cvc_len);
    let cvc_ok = cvc.bytes().all(|b| b.is_ascii_digit())
        && match cvc_len {
            Some(len) => cvc.len() == len,
            None => (3..=4).contains(&cvc.len()),
        };
    if !cvc_ok {
        problems.push(("cvc", CardProblem::CvcInvalid));
    }
    match (digits, brand, behaviour, expiry) {
        (Some(digits), Some(brand), Some(behaviour), Some((exp_month, exp_year)))
            if problems.is_empty() =>
        {
            Ok(CheckedCard {
                brand,
                last4: digits[digits.len() - 4..].to_string(),
                exp_month,
                exp_year,
                behaviour,
            })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (u32, u32) = (2026, 11);

    #[test]
    fn every_test_number_passes_luhn_and_has_a_brand() {
        for (number, _) in TestBehaviour::NUMBERS {
            assert!(luhn_ok(number), "{number}");
            assert!(CardBrand::of(number).is_some(), "{number}");
        }
        assert!(!luhn_ok("4242424242424241"));
    }

    #[test]
    fn the_test_cards_select_their_behaviour() {
        let card = check_card("4242 4242 4242 4242", "12/30", "123", TODAY).unwrap();
        assert_eq!(card.brand, CardBrand::Visa);
        assert_eq!(card.last4, "4242");
        assert_eq!((card.exp_month, card.exp_year), (12, 2030));
        assert_eq!(card.behaviour.decline(), None);
        let declined = check_card("4000000000000002", "1230", "123", TODAY).unwrap();
        assert_eq!(declined.behaviour.decline(), Some(Decline::Declined));
        let funds = check_card("4000-0000-0000-9995", "12 / 2030", "123", TODAY).unwrap();
        assert_eq!(funds.behaviour.decline(), Some(Decline::InsufficientFunds));
        let expired = check_card("4000000000000069", "12/30", "123", TODAY).unwrap();
        assert_eq!(expired.behaviour.decline(), Some(Decline::ExpiredCard));
        let amex = check_card("378282246310005", "12/30", "1234", TODAY).unwrap();
        assert_eq!(amex.brand, CardBrand::Amex);
    }

    #[test]
    fn mistakes_are_refused_each_with_its_field() {
        let fields = |r: Result<CheckedCard, Vec<(&'static str, CardProblem)>>| r.unwrap_err();
        assert_eq!(
            fields(check_card("4242424242424241", "12/30", "123", TODAY)),
            vec![("number", CardProblem::NumberInvalid)]
        );
        assert_eq!(
            fields(check_card("", "", "", TODAY)),
            vec![
                ("number", CardProblem::NumberMissing),
                ("expiry", CardProblem::ExpiryInvalid),
                ("cvc", CardProblem::CvcInvalid)
            ]
        );
        // Last month is past; this month is still good.
        assert_eq!(
            fields(check_card("4242424242424242", "10/26", "123", TODAY)),
            vec![("expiry", CardProblem::ExpiryPast)]
        );
        assert!(check_card("4242424242424242", "11/26", "123", TODAY).is_ok());
        assert_eq!(
            fields(check_card("4242424242424242", "13/30", "12", TODAY)),
            vec![
                ("expiry", CardProblem::ExpiryInvalid),
                ("cvc", CardProblem::CvcInvalid)
            ]
        );
        // A valid number that is not a test card (a real card must not be used here).
        assert_eq!(
            fields(check_card("4111111111111111", "12/30", "123", TODAY)),
            vec![("number", CardProblem::NotATestCard)]
        );
        assert_eq!(
            fields(check_card("378282246310005", "12/30", "123", TODAY)),
            vec![("cvc", CardProblem::CvcInvalid)]
        );
    }
}
