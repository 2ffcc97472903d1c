//! The parts of a page that belong to one visitor: the header's account link and cart link.
//!
//! Catalog pages are kept in memory once for everybody (`server/src/middleware/page_cache/`).
//! A kept page is rendered in template mode ([`template_mode`]): each personal value is a
//! slot mark ([`Slot`]) and the links take the shape a visitor without a session gets, so
//! the browser hydrates any copy of it. The server fills the slots for each answer with
//! [`slot_values`]: a visitor's own name and cart, or the anonymous values. The components
//! below and the server take the values from the same functions, so they cannot disagree.
//! A page that came with a shopper's values tells the hydrated app to fetch the shopper
//! again ([`Slot::Personal`]), so that what it knows matches what the page shows.

use crate::{
    escape::html_text,
    i18n::{Key, Lang, Msg},
    model::cart::CartSummary,
};

/// A personal value in a kept page's template: one private-use character each, which no
/// escaping changes. A template holds each exactly once (else it is not kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    AccountHref,
    AccountLabel,
    AccountText,
    /// `1` when the page carries a shopper's values, `0` otherwise.
    Personal,
    CartLabel,
    CartTotal,
    CartCount,
    CartCountClass,
}

impl Slot {
    pub const ALL: [Slot; 8] = [
        Slot::AccountHref,
        Slot::AccountLabel,
        Slot::AccountText,
        Slot::Personal,
        Slot::CartLabel,
        Slot::CartTotal,
        Slot::CartCount,
        Slot::CartCountClass,
    ];

    pub fn mark(self) -> char {
        char::from_u32(0xE000 + self as u32).unwrap_or('\u{E000}')
    }

    pub fn of_mark(c: char) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.mark() == c)
    }

    /// The mark as text, for a view.
    pub fn text(self) -> String {
        self.mark().to_string()
    }
}

/// The account link: where it goes, what it says to a screen reader, what it shows.
pub struct AccountParts {
    pub href: &'static str,
    pub label: &'static str,
    pub text: String,
}

/// For a signed-in shopper, their first name; for anyone else, "Sign in".
pub fn account_parts(lang: Lang, full_name: Option<&str>) -> AccountParts {
    match full_name {
        Some(name) => AccountParts {
            href: "/account",
            label: lang.text(Key::NavAccount),
            text: name.split_whitespace().next().unwrap_or("").to_string(),
        },
        None => AccountParts {
            href: "/account/sign-in",
            label: lang.text(Key::SignInTitle),
            text: lang.text(Key::SignInTitle).to_string(),
        },
    }
}

/// The cart link: its label for screen readers, the subtotal (or "Cart"), the item count
/// and the count's class (hidden when the cart is empty).
pub struct CartParts {
    pub label: String,
    pub total: String,
    pub count: String,
    pub count_class: &'static str,
}

pub fn cart_parts(lang: Lang, summary: &CartSummary) -> CartParts {
    let units = summary.units;
    let total = summary
        .subtotal
        .filter(|_| units > 0)
        .map(|t| t.format(lang));
    let label = match &total {
        Some(total) => format!(
            "{}: {}",
            lang.text(Key::NavCart),
            lang.msg(Msg::CartSummary {
                count: units,
                total,
            })
        ),
        None => format!("{}: {}", lang.text(Key::NavCart), lang.text(Key::CartEmpty)),
    };
    CartParts {
        label,
        total: total.unwrap_or_else(|| lang.text(Key::NavCart).to_string()),
        count: units.to_string(),
        count_class: if units > 0 {
            "cart-count"
        } else {
            "cart-count is-empty"
        },
    }
}

/// The value of every slot, in [`Slot::ALL`]'s order, escaped for element text and quoted
/// attribute values alike. `shopper`: the signed-in shopper's full name (`None` for a guest)
/// and their cart; `None` for a visitor without a session.
pub fn slot_values(lang: Lang, shopper: Option<(Option<&str>, &CartSummary)>) -> Vec<String> {
    let empty = CartSummary::default();
    let (name, cart) = shopper.unwrap_or((None, &empty));
    let account = account_parts(lang, name);
    let cart_parts = cart_parts(lang, cart);
    Slot::ALL
        .into_iter()
        .map(|slot| match slot {
            Slot::AccountHref => account.href.to_string(),
            Slot::AccountLabel => html_text(account.label),
            Slot::AccountText => html_text(&account.text),
            // The hydrated app asks who this is only when the page differs from a
            // visitor's without a session (a name or a cart).
            Slot::Personal => if name.is_some() || cart.units > 0 {
                "1"
            } else {
                "0"
            }
            .to_string(),
            Slot::CartLabel => html_text(&cart_parts.label),
            Slot::CartTotal => html_text(&cart_parts.total),
            Slot::CartCount => cart_parts.count.clone(),
            Slot::CartCountClass => cart_parts.count_class.to_string(),
        })
        .collect()
}

/// The request extension that renders a page as a template (set by the page cache).
#[derive(Clone, Copy, Debug)]
pub struct TemplateMode;

/// True while the server renders a page to keep as a template.
pub fn template_mode() -> bool {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::with_context::<axum::http::request::Parts, _>(|parts| {
            parts.extensions.get::<TemplateMode>().is_some()
        })
        .unwrap_or(false)
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Currency, Money};

    #[test]
    fn every_slot_has_its_own_mark() {
        for slot in Slot::ALL {
            assert_eq!(Slot::of_mark(slot.mark()), Some(slot));
        }
        assert_eq!(Slot::of_mark('a'), None);
    }

    #[test]
    fn values_are_escaped_and_follow_the_visitor() {
        let anonymous = slot_values(Lang::En, None);
        assert_eq!(anonymous[0], "/account/sign-in");
        assert_eq!(anonymous[3], "0");
        assert_eq!(anonymous[7], "cart-count is-empty");
        let cart = CartSummary {
            units: 3,
            subtotal: Some(Money::new(216_000, Currency::Eur)),
        };
        let shopper = slot_values(Lang::En, Some((Some("<b>Mei</b> Lin"), &cart)));
        assert_eq!(shopper[0], "/account");
        assert_eq!(shopper[2], "&lt;b&gt;Mei&lt;/b&gt;");
        assert_eq!(shopper[3], "1");
        assert_eq!(shopper[6], "3");
        assert_eq!(shopper[7], "cart-count");
        assert!(shopper[5].contains("2,160"), "{}", shopper[5]);
        let guest = slot_values(Lang::Zh, Some((None, &cart)));
        assert_eq!(guest[0], "/account/sign-in");
        assert_eq!(guest[3], "1");
    }
}
