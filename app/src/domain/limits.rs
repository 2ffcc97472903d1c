//! The longest text the shop accepts in each field a person can fill in, shopper or staff,
//! counted in characters. This is the one list: forms put these numbers into `maxlength`
//! (`components/form.rs` will not build a field without one), and the shared checks in
//! `domain/` refuse anything longer that arrives without the browser, with a "too long" error
//! on the field. Search boxes are the exception: a longer search is cut to its maximum.
//!
//! Numbers and stock have their own bounds here too.

// Accounts
/// An email address (RFC 5321's limit for a path).
pub const EMAIL: usize = 254;
/// Passwords: long passphrases are welcome; the cap only stops absurd inputs (argon2 hashes
/// any length, and a password is never truncated).
pub const PASSWORD: usize = 1024;
/// A person's name, a city, a region.
pub const NAME: usize = 100;
/// A telephone number as typed, separators included.
pub const PHONE: usize = 30;
/// One line of a street address.
pub const ADDRESS_LINE: usize = 200;
/// A postal code.
pub const POSTAL_CODE: usize = 12;
/// A company's name on an address.
pub const COMPANY: usize = 100;
/// A VAT or tax id.
pub const TAX_ID: usize = 30;

// Catalog (staff)
/// A product's web address segment.
pub const SLUG: usize = 120;
pub const BRAND: usize = 60;
pub const MODEL: usize = 60;
pub const PRODUCT_NAME: usize = 120;
/// The one-paragraph summary shown on cards and in search results.
pub const SUMMARY: usize = 300;
pub const DESCRIPTION: usize = 5000;
/// An ingress-protection rating such as `IP65`.
pub const IP_RATING: usize = 8;
/// The LED package (`SMD2727`, `DIP346`…).
pub const LED_TYPE: usize = 40;
/// Any number typed as text (sizes, prices, quantities, pitches).
pub const NUMBER: usize = 20;
/// The reason given for a stock change.
pub const STOCK_REASON: usize = 200;

// Reviews
/// A review's title (one line).
pub const REVIEW_TITLE: usize = 120;
/// A review's text.
pub const REVIEW_BODY: usize = 5000;
/// Its pros, and its cons.
pub const REVIEW_PROS: usize = 1000;
/// Why staff hid a review (shown to its author and mailed).
pub const REVIEW_HIDE_REASON: usize = 500;

// Back office
/// The reason given to a shopper for a suspension.
pub const SUSPENSION_REASON: usize = 500;

// Searching (cut, not refused)
/// The shop's search box and the search page.
pub const SEARCH: usize = 100;
/// The back office's customer search.
pub const CUSTOMER_SEARCH: usize = 100;

/// The most units of one product the shop keeps in stock (and the largest single change).
pub const STOCK_MAX: i64 = 1_000_000;

/// `text` cut to at most `max` characters (for searches).
pub fn cut(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_are_cut_on_character_boundaries() {
        assert_eq!(cut("outdoor", 3), "out");
        assert_eq!(cut("户外屏幕", 2), "户外");
        assert_eq!(cut("led", 200), "led");
        assert_eq!(cut("", 5), "");
    }
}
