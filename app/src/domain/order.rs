//! Orders: their states, and what an order costs (goods at their tier prices, delivery and
//! the destination's tax), computed once at checkout and frozen in the order.

use super::{money::Money, tax::tax_on};
use serde::{Deserialize, Serialize};

super::stored::stored_enum! {
    /// Where an order stands. An order is written `PendingPayment` with its stock taken; the
    /// charge then makes it `Paid` or `PaymentFailed` (stock given back). An order the fraud
    /// check stopped is written `Held` instead, charged only when staff release it (then
    /// `PendingPayment` again) or `Cancelled` by them (stock given back, nothing charged).
    #[derive(Serialize, Deserialize)]
    pub enum OrderStatus: code {
        PendingPayment = "pending_payment",
        PaymentFailed = "payment_failed",
        Held = "held",
        Paid = "paid",
        Shipped = "shipped",
        Delivered = "delivered",
        Cancelled = "cancelled",
        Refunded = "refunded",
    }
}

impl OrderStatus {
    /// Whether it is an order to show: paid at some point, or held for review (an attempt
    /// whose payment never went through is not).
    pub fn is_placed(self) -> bool {
        !matches!(
            self,
            OrderStatus::PendingPayment | OrderStatus::PaymentFailed
        )
    }
}

/// The public number of an order: "LW-" and at least six digits.
pub fn order_number(id: i64) -> String {
    format!("LW-{id:06}")
}

/// An invoice's number as printed: `INV-000001`.
pub fn invoice_number(n: i64) -> String {
    format!("INV-{n:06}")
}

/// The order id an order number names, when `text` is nothing but an order number:
/// `LW-000010`, `lw10`, `#10` or `10` (surrounding spaces allowed). An email address or a
/// name with digits in it is not one.
pub fn parse_order_number(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    let digits = match text.get(..2) {
        Some(prefix) if prefix.eq_ignore_ascii_case("LW") => {
            let rest = &text[2..];
            rest.strip_prefix('-').unwrap_or(rest)
        }
        _ => text,
    };
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// What an order costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal: Money,
    pub shipping: Money,
    /// Basis points (1/100 of a percent) of the destination's rate.
    pub tax_rate_bp: u32,
    pub tax: Money,
    pub total: Money,
}

impl Totals {
    /// Tax is charged on the goods and their delivery. `None` on overflow or mixed
    /// currencies.
    pub fn compute(subtotal: Money, shipping: Money, tax_rate_bp: u32) -> Option<Totals> {
        let taxed = subtotal.plus(shipping)?;
        let tax = tax_on(taxed, tax_rate_bp)?;
        Some(Totals {
            subtotal,
            shipping,
            tax_rate_bp,
            tax,
            total: taxed.plus(tax)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    #[test]
    fn only_a_whole_order_number_is_one() {
        for (text, id) in [
            ("LW-000010", 10),
            ("lw-10", 10),
            ("LW000010", 10),
            ("#10", 10),
            (" 10 ", 10),
        ] {
            assert_eq!(parse_order_number(text), Some(id), "{text}");
        }
        for text in [
            "nobody10@nowhere.example",
            "Mei 10",
            "LW-",
            "",
            "10a",
            "LW-1-2",
            "-10",
        ] {
            assert_eq!(parse_order_number(text), None, "{text}");
        }
        assert_eq!(parse_order_number(&order_number(42)), Some(42));
    }

    #[test]
    fn totals_tax_goods_and_delivery() {
        let usd = |m| Money::new(m, Currency::Usd);
        let t = Totals::compute(usd(100_000), usd(5_000), 1900).unwrap();
        assert_eq!(t.tax, usd(19_950));
        assert_eq!(t.total, usd(124_950));
        assert!(Totals::compute(usd(i64::MAX), usd(1), 0).is_none());
        assert!(Totals::compute(usd(1), Money::new(1, Currency::Eur), 0).is_none());
    }

    #[test]
    fn order_numbers_are_padded() {
        assert_eq!(order_number(42), "LW-000042");
        assert_eq!(order_number(1_234_567), "LW-1234567");
    }
}
