//! The staff product form: every field as typed (so a form with mistakes can be shown again
//! unchanged), and the parsing that turns it into product fields and price tiers, or into a
//! list of field errors.

use super::{
    catalog::{IP_RATINGS, ProductFields, Specs, parse_pitch_mm, parse_thousandths, pitch_mm},
    category::Category,
    limits,
    money::{Currency, Money},
    pricing::{Tier, TierProblem, validate_tiers},
};

/// The currency of the prices typed into the form: the catalog is priced in US dollars.
use crate::error::{FieldError, Problem};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductForm {
    pub slug: String,
    pub category: String,
    pub brand: String,
    pub model: String,
    pub name: String,
    pub summary_en: String,
    pub summary_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub pitch_mm: String,
    pub brightness_nits: String,
    pub ip_front: String,
    pub ip_back: String,
    pub refresh_hz: String,
    pub cabinet_width_mm: String,
    pub cabinet_height_mm: String,
    pub cabinet_depth_mm: String,
    pub cabinet_px_w: String,
    pub cabinet_px_h: String,
    pub cabinet_weight_kg: String,
    pub power_max_w: String,
    pub power_typical_w: String,
    pub viewing_angle_h: String,
    pub viewing_angle_v: String,
    pub led_type: String,
    pub maintenance: String,
    pub temp_min_c: String,
    pub temp_max_c: String,
    pub controller_capacity_px: String,
    pub warranty_months: String,
    pub lead_time_days: String,
    pub ship_weight_kg: String,
    pub ship_length_mm: String,
    pub ship_width_mm: String,
    pub ship_height_mm: String,
    pub price_1: String,
    pub tier_2_qty: String,
    pub price_2: String,
    pub tier_3_qty: String,
    pub price_3: String,
    /// Opening stock (new products only; later changes are logged with a reason).
    pub stock: String,
}

/// Every field of the form and the most characters it takes (see `domain/limits.rs`); a unit
/// test checks that no field of [`ProductForm`] is missing.
pub const FIELD_MAX: &[(&str, usize)] = &[
    ("slug", limits::SLUG),
    ("category", limits::SLUG),
    ("brand", limits::BRAND),
    ("model", limits::MODEL),
    ("name", limits::PRODUCT_NAME),
    ("summary_en", limits::SUMMARY),
    ("summary_zh", limits::SUMMARY),
    ("description_en", limits::DESCRIPTION),
    ("description_zh", limits::DESCRIPTION),
    ("pitch_mm", limits::NUMBER),
    ("brightness_nits", limits::NUMBER),
    ("ip_front", limits::IP_RATING),
    ("ip_back", limits::IP_RATING),
    ("refresh_hz", limits::NUMBER),
    ("cabinet_width_mm", limits::NUMBER),
    ("cabinet_height_mm", limits::NUMBER),
    ("cabinet_depth_mm", limits::NUMBER),
    ("cabinet_px_w", limits::NUMBER),
    ("cabinet_px_h", limits::NUMBER),
    ("cabinet_weight_kg", limits::NUMBER),
    ("power_max_w", limits::NUMBER),
    ("power_typical_w", limits::NUMBER),
    ("viewing_angle_h", limits::NUMBER),
    ("viewing_angle_v", limits::NUMBER),
    ("led_type", limits::LED_TYPE),
    ("maintenance", limits::NUMBER),
    ("temp_min_c", limits::NUMBER),
    ("temp_max_c", limits::NUMBER),
    ("controller_capacity_px", limits::NUMBER),
    ("warranty_months", limits::NUMBER),
    ("lead_time_days", limits::NUMBER),
    ("ship_weight_kg", limits::NUMBER),
    ("ship_length_mm", limits::NUMBER),
    ("ship_width_mm", limits::NUMBER),
    ("ship_height_mm", limits::NUMBER),
    ("price_1", limits::NUMBER),
    ("tier_2_qty", limits::NUMBER),
    ("price_2", limits::NUMBER),
    ("tier_3_qty", limits::NUMBER),
    ("price_3", limits::NUMBER),
    ("stock", limits::NUMBER),
];

/// Where `name` stands in the form (the order of [`FIELD_MAX`]), to list problems in it.
fn field_order(name: &str) -> usize {
    FIELD_MAX
        .iter()
        .position(|(field, _)| *field == name)
        .unwrap_or(usize::MAX)
}

/// The most characters the field `name` takes.
pub fn field_max(name: &str) -> usize {
    FIELD_MAX
        .iter()
        .find(|(field, _)| *field == name)
        .map(|(_, max)| *max)
        .unwrap_or(limits::NUMBER)
}

/// `"1,250.5"` → `125050` minor units; `None` unless a non-negative amount with at most 2
/// decimals.
pub fn parse_money(text: &str) -> Option<i64> {
    let text = text.trim().trim_start_matches('$').replace(',', "");
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// A whole number written with at most one sign and only digits (`"+5"`, `"-12"`, `"7"`):
/// `None` for anything else, `"++5"`, `"+-5"`, `"5.0"` and overflowing values included.
pub fn whole_number(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.strip_prefix('+').unwrap_or(text).parse().ok()
}

/// A staff stock change: a signed amount that is not zero and at most
/// [`limits::STOCK_MAX`] either way, and a reason. Every problem is reported at once.
pub fn parse_stock_change(delta: &str, reason: &str) -> Result<(i64, String), Vec<FieldError>> {
    let mut errors = Vec::new();
    let delta = delta.trim();
    let amount = if delta.chars().count() > limits::NUMBER {
        errors.push(FieldError {
            field: "delta".into(),
            problem: Problem::TooLong {
                max: limits::NUMBER,
            },
        });
        0
    } else {
        match whole_number(delta) {
            Some(0) => {
                errors.push(FieldError {
                    field: "delta".into(),
                    problem: Problem::NotZero,
                });
                0
            }
            Some(d) if (-limits::STOCK_MAX..=limits::STOCK_MAX).contains(&d) => d,
            parsed => {
                let signed_digits = delta.trim_start_matches(['+', '-']);
                let big = parsed.is_some()
                    || (delta.len() - signed_digits.len() <= 1
                        && !signed_digits.is_empty()
                        && signed_digits.bytes().all(|b| b.is_ascii_digit()));
                errors.push(FieldError {
                    field: "delta".into(),
                    problem: if big {
                        Problem::OutOfRange {
                            min: -limits::STOCK_MAX,
                            max: limits::STOCK_MAX,
                        }
                    } else if delta.is_empty() {
                        Problem::Required
                    } else {
                        Problem::WholeNumber
                    },
                });
                0
            }
        }
    };
    if let Some(problem) = super::account::check_text(reason, limits::STOCK_REASON) {
        errors.push(FieldError {
            field: "reason".into(),
            problem,
        });
    }
    if errors.is_empty() {
        Ok((amount, reason.trim().to_string()))
    } else {
        Err(errors)
    }
}

/// A web address segment: lowercase letters, digits and inner hyphens (`solara-fx-p10`).
fn is_slug(text: &str) -> bool {
    let shape = text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    shape && !text.starts_with('-') && !text.ends_with('-')
}

fn money_text(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

fn kg_text(grams: u32) -> String {
    let text = format!("{}.{:03}", grams / 1000, grams % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn opt_text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl ProductForm {
    /// The form filled with a product's current values.
    pub fn from_product(f: &ProductFields, tiers: &[Tier]) -> ProductForm {
        let s = &f.specs;
        let tier = |i: usize| tiers.get(i).copied();
        ProductForm {
            slug: f.slug.clone(),
            category: f.category.slug().into(),
            brand: f.brand.clone(),
            model: f.model.clone(),
            name: f.name.clone(),
            summary_en: f.summary_en.clone(),
            summary_zh: f.summary_zh.clone(),
            description_en: f.description_en.clone(),
            description_zh: f.description_zh.clone(),
            pitch_mm: s.pitch_um.map(pitch_mm).unwrap_or_default(),
            brightness_nits: opt_text(s.brightness_nits),
            ip_front: s.ip_front.clone().unwrap_or_default(),
            ip_back: s.ip_back.clone().unwrap_or_default(),
            refresh_hz: opt_text(s.refresh_hz),
            cabinet_width_mm: opt_text(s.cabinet_width_mm),
            cabinet_height_mm: opt_text(s.cabinet_height_mm),
            cabinet_depth_mm: opt_text(s.cabinet_depth_mm),
            cabinet_px_w: opt_text(s.cabinet_px_w),
            cabinet_px_h: opt_text(s.cabinet_px_h),
            cabinet_weight_kg: s.cabinet_weight_g.map(kg_text).unwrap_or_default(),
            power_max_w: opt_text(s.power_max_w),
            power_typical_w: opt_text(s.power_typical_w),
            viewing_angle_h: opt_text(s.viewing_angle_h),
            viewing_angle_v: opt_text(s.viewing_angle_v),
            led_type: s.led_type.clone().unwrap_or_default(),
            maintenance: s.maintenance.clone().unwrap_or_default(),
            temp_min_c: opt_text(s.temp_min_c),
            temp_max_c: opt_text(s.temp_max_c),
            controller_capacity_px: opt_text(s.controller_capacity_px),
            warranty_months: s.warranty_months.to_string(),
            lead_time_days: s.lead_time_days.to_string(),
            ship_weight_kg: kg_text(s.ship_weight_g),
            ship_length_mm: s.ship_length_mm.to_string(),
            ship_width_mm: s.ship_width_mm.to_string(),
            ship_height_mm: s.ship_height_mm.to_string(),
            price_1: tier(0)
                .map(|t| money_text(t.unit_price.minor))
                .unwrap_or_default(),
            tier_2_qty: opt_text(tier(1).map(|t| t.min_qty)),
            price_2: tier(1)
                .map(|t| money_text(t.unit_price.minor))
                .unwrap_or_default(),
            tier_3_qty: opt_text(tier(2).map(|t| t.min_qty)),
            price_3: tier(2)
                .map(|t| money_text(t.unit_price.minor))
                .unwrap_or_default(),
            stock: String::new(),
        }
    }

    /// The fields as (name, value) pairs.
    fn fields(&self) -> Vec<(String, String)> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map
                .into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Parses the form, prices in the shop's `currency`; every problem is reported at once.
    pub fn parse(&self, currency: Currency) -> Result<(ProductFields, Vec<Tier>), Vec<FieldError>> {
        // A field longer than its maximum is reported as too long, and nothing else about it.
        let too_long: Vec<FieldError> = self
            .fields()
            .into_iter()
            .filter(|(name, value)| value.trim().chars().count() > field_max(name))
            .map(|(name, _)| FieldError {
                problem: Problem::TooLong {
                    max: field_max(&name),
                },
                field: name,
            })
            .collect();
        let mut errors = Vec::new();
        let mut fail = |field: &str, problem: Problem| {
            errors.push(FieldError {
                field: field.into(),
                problem,
            })
        };
        let text =
            |fail: &mut dyn FnMut(&str, Problem), field: &str, value: &str, max: usize| -> String {
                match super::account::check_text(value, max) {
                    Some(problem) => {
                        fail(field, problem);
                        String::new()
                    }
                    None => value.trim().to_string(),
                }
            };
        let optional = |value: &str| value.trim().to_string();
        let number =
            |fail: &mut dyn FnMut(&str, Problem), field: &str, value: &str| -> Option<u32> {
                let v = value.trim();
                if v.is_empty() {
                    return None;
                }
                v.parse::<u32>().ok().or_else(|| {
                    fail(field, Problem::WholeNumber);
                    None
                })
            };
        let required = |fail: &mut dyn FnMut(&str, Problem), field: &str, value: &str| -> u32 {
            if value.trim().is_empty() {
                fail(field, Problem::Required);
                return 0;
            }
            number(fail, field, value).unwrap_or(0)
        };
        let grams = |fail: &mut dyn FnMut(&str, Problem),
                     field: &str,
                     value: &str,
                     needed: bool|
         -> Option<u32> {
            if value.trim().is_empty() {
                if needed {
                    fail(field, Problem::Required);
                }
                return None;
            }
            parse_thousandths(value).or_else(|| {
                fail(field, Problem::DecimalNumber);
                None
            })
        };

        let slug = text(&mut fail, "slug", &self.slug, limits::SLUG).to_lowercase();
        if !slug.is_empty() && !is_slug(&slug) {
            fail("slug", Problem::SlugShape);
        }
        let category = Category::from_slug(self.category.trim());
        if category.is_none() {
            fail("category", Problem::Required);
        }
        let brand = text(&mut fail, "brand", &self.brand, limits::BRAND);
        let model = text(&mut fail, "model", &self.model, limits::MODEL);
        let name = text(&mut fail, "name", &self.name, limits::PRODUCT_NAME);
        let summary_en = text(&mut fail, "summary_en", &self.summary_en, limits::SUMMARY);
        let summary_zh = text(&mut fail, "summary_zh", &self.summary_zh, limits::SUMMARY);
        let description_en = text(
            &mut fail,
            "description_en",
            &self.description_en,
            limits::DESCRIPTION,
        );
        let description_zh = text(
            &mut fail,
            "description_zh",
            &self.description_zh,
            limits::DESCRIPTION,
        );
        let pitch_um = if self.pitch_mm.trim().is_empty() {
            None
        } else {
            parse_pitch_mm(&self.pitch_mm).or_else(|| {
                fail("pitch_mm", Problem::DecimalNumber);
                None
            })
        };
        let maintenance = optional(&self.maintenance);
        if !maintenance.is_empty()
            && !["front", "rear", "front and rear"].contains(&maintenance.as_str())
        {
            fail("maintenance", Problem::NotInList);
        }
        // IP ratings are a closed set (`IP_RATINGS`), not free text.
        let ip =
            |fail: &mut dyn FnMut(&str, Problem), field: &str, value: &str| -> Option<String> {
                let v = value.trim().to_ascii_uppercase();
                if v.is_empty() {
                    return None;
                }
                if IP_RATINGS.contains(&v.as_str()) {
                    Some(v)
                } else {
                    fail(field, Problem::NotInList);
                    None
                }
            };
        let temp = |fail: &mut dyn FnMut(&str, Problem), field: &str, value: &str| -> Option<i32> {
            let v = value.trim();
            if v.is_empty() {
                return None;
            }
            match v.parse::<i32>() {
                Ok(t) if (-60..=100).contains(&t) => Some(t),
                Ok(_) => {
                    fail(field, Problem::OutOfRange { min: -60, max: 100 });
                    None
                }
                Err(_) => {
                    fail(field, Problem::WholeNumber);
                    None
                }
            }
        };
        let specs = Specs {
            pitch_um,
            brightness_nits: number(&mut fail, "brightness_nits", &self.brightness_nits),
            ip_front: ip(&mut fail, "ip_front", &self.ip_front),
            ip_back: ip(&mut fail, "ip_back", &self.ip_back),
            refresh_hz: number(&mut fail, "refresh_hz", &self.refresh_hz),
            cabinet_width_mm: number(&mut fail, "cabinet_width_mm", &self.cabinet_width_mm),
            cabinet_height_mm: number(&mut fail, "cabinet_height_mm", &self.cabinet_height_mm),
            cabinet_depth_mm: number(&mut fail, "cabinet_depth_mm", &self.cabinet_depth_mm),
            cabinet_px_w: number(&mut fail, "cabinet_px_w", &self.cabinet_px_w),
            cabinet_px_h: number(&mut fail, "cabinet_px_h", &self.cabinet_px_h),
            cabinet_weight_g: grams(
                &mut fail,
                "cabinet_weight_kg",
                &self.cabinet_weight_kg,
                false,
            ),
            power_max_w: number(&mut fail, "power_max_w", &self.power_max_w),
            power_typical_w: number(&mut fail, "power_typical_w", &self.power_typical_w),
            viewing_angle_h: number(&mut fail, "viewing_angle_h", &self.viewing_angle_h),
            viewing_angle_v: number(&mut fail, "viewing_angle_v", &self.viewing_angle_v),
            led_type: Some(optional(&self.led_type)).filter(|s| !s.is_empty()),
            maintenance: Some(maintenance).filter(|s| !s.is_empty()),
            temp_min_c: temp(&mut fail, "temp_min_c", &self.temp_min_c),
            temp_max_c: temp(&mut fail, "temp_max_c", &self.temp_max_c),
            controller_capacity_px: number(
                &mut fail,
                "controller_capacity_px",
                &self.controller_capacity_px,
            )
            .map(u64::from),
            warranty_months: required(&mut fail, "warranty_months", &self.warranty_months),
            lead_time_days: required(&mut fail, "lead_time_days", &self.lead_time_days),
            ship_weight_g: grams(&mut fail, "ship_weight_kg", &self.ship_weight_kg, true)
                .unwrap_or(0),
            ship_length_mm: required(&mut fail, "ship_length_mm", &self.ship_length_mm),
            ship_width_mm: required(&mut fail, "ship_width_mm", &self.ship_width_mm),
            ship_height_mm: required(&mut fail, "ship_height_mm", &self.ship_height_mm),
        };

        // Price tiers: the single-unit price, then up to two wholesale tiers.
        let mut tiers = Vec::new();
        match parse_money(&self.price_1).filter(|p| *p > 0) {
            Some(p) => tiers.push(Tier {
                min_qty: 1,
                unit_price: Money::new(p, currency),
            }),
            None => fail(
                "price_1",
                if self.price_1.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::Amount
                },
            ),
        }
        for (qty_field, price_field, qty, price) in [
            ("tier_2_qty", "price_2", &self.tier_2_qty, &self.price_2),
            ("tier_3_qty", "price_3", &self.tier_3_qty, &self.price_3),
        ] {
            match (qty.trim().is_empty(), price.trim().is_empty()) {
                (true, true) => {}
                _ => {
                    let parsed = qty.trim().parse::<i64>().ok();
                    let q = parsed.filter(|q| (2..=limits::STOCK_MAX).contains(q));
                    let p = parse_money(price).filter(|p| *p > 0);
                    match (parsed, q) {
                        (_, Some(_)) => {}
                        (Some(_), None) => fail(
                            qty_field,
                            Problem::OutOfRange {
                                min: 2,
                                max: limits::STOCK_MAX,
                            },
                        ),
                        (None, None) if qty.trim().is_empty() => fail(qty_field, Problem::Required),
                        (None, None) => fail(qty_field, Problem::WholeNumber),
                    }
                    if p.is_none() {
                        fail(
                            price_field,
                            if price.trim().is_empty() {
                                Problem::Required
                            } else {
                                Problem::Amount
                            },
                        );
                    }
                    if let (Some(min_qty), Some(minor)) = (q, p) {
                        tiers.push(Tier {
                            min_qty,
                            unit_price: Money::new(minor, currency),
                        });
                    }
                }
            }
        }
        let tiers = match validate_tiers(&tiers) {
            Ok(t) => t,
            Err(TierProblem::NoSingleUnitTier | TierProblem::NonPositivePrice) => tiers,
            Err(_) => {
                fail("tier_2_qty", Problem::TierOrder);
                tiers
            }
        };

        // Every problem at once; for a field that is too long, only that.
        errors.retain(|e| !too_long.iter().any(|t| t.field == e.field));
        let mut errors = [too_long, errors].concat();
        if !errors.is_empty() {
            errors.sort_by_key(|e| field_order(&e.field));
            return Err(errors);
        }
        let price = tiers[0].unit_price;
        Ok((
            ProductFields {
                slug,
                category: category.unwrap_or(Category::Accessories),
                brand,
                model,
                name,
                summary_en,
                summary_zh,
                description_en,
                description_zh,
                specs,
                price,
            },
            tiers,
        ))
    }

    /// The opening stock typed for a new product.
    pub fn opening_stock(&self) -> Result<i64, FieldError> {
        let v = self.stock.trim();
        if v.is_empty() {
            return Ok(0);
        }
        let range = Problem::OutOfRange {
            min: 0,
            max: limits::STOCK_MAX,
        };
        let problem = match whole_number(v) {
            Some(s) if (0..=limits::STOCK_MAX).contains(&s) => return Ok(s),
            Some(_) => range,
            None if v.bytes().all(|b| b.is_ascii_digit()) => range,
            None => Problem::WholeNumber,
        };
        Err(FieldError {
            field: "stock".into(),
            problem,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENCY: Currency = Currency::Usd;

    fn cable() -> ProductForm {
        ProductForm {
            slug: "lumenwall-pc-5m".into(),
            category: "accessories".into(),
            brand: "Lumenwall".into(),
            model: "PC-5M".into(),
            name: "Lumenwall Power Link Cable 5 m".into(),
            summary_en: "Outdoor power cable, 5 m.".into(),
            summary_zh: "户外电源线，5 米。".into(),
            description_en: "Three-core cable.".into(),
            description_zh: "三芯电缆。".into(),
            warranty_months: "12".into(),
            lead_time_days: "2".into(),
            ship_weight_kg: "1.2".into(),
            ship_length_mm: "600".into(),
            ship_width_mm: "400".into(),
            ship_height_mm: "200".into(),
            price_1: "19.90".into(),
            tier_2_qty: "10".into(),
            price_2: "18".into(),
            ..ProductForm::default()
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let (fields, tiers) = cable().parse(CURRENCY).unwrap();
        assert_eq!(fields.price, Money::new(1990, CURRENCY));
        assert_eq!(fields.specs.ship_weight_g, 1200);
        assert_eq!(
            tiers,
            vec![
                Tier {
                    min_qty: 1,
                    unit_price: Money::new(1990, CURRENCY)
                },
                Tier {
                    min_qty: 10,
                    unit_price: Money::new(1800, CURRENCY)
                }
            ]
        );
        // And comes back as the same form.
        let again = ProductForm::from_product(&fields, &tiers);
        assert_eq!(again.parse(CURRENCY).unwrap(), (fields, tiers));
    }

    #[test]
    fn every_mistake_is_reported() {
        let form = ProductForm {
            slug: "Not A Slug!".into(),
            category: "televisions".into(),
            pitch_mm: "fine".into(),
            brightness_nits: "-1".into(),
            price_1: "".into(),
            tier_2_qty: "1".into(),
            price_2: "cheap".into(),
            temp_min_c: "-500".into(),
            maintenance: "sideways".into(),
            ..cable()
        };
        let fields: Vec<String> = form
            .parse(CURRENCY)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "slug",
                "category",
                "pitch_mm",
                "brightness_nits",
                "maintenance",
                "temp_min_c",
                "price_1",
                "tier_2_qty",
                "price_2"
            ],
            "in the order of the form"
        );
    }

    #[test]
    fn every_field_has_a_maximum() {
        let form = ProductForm::default();
        for (name, _) in form.fields() {
            assert!(
                FIELD_MAX.iter().any(|(f, _)| *f == name),
                "{name} has no maximum in FIELD_MAX"
            );
        }
        assert_eq!(FIELD_MAX.len(), form.fields().len());
    }

    #[test]
    fn overlong_fields_are_refused_whatever_they_are() {
        let form = ProductForm {
            ip_front: "I".repeat(600_000),
            led_type: "x".repeat(limits::LED_TYPE + 1),
            name: "n".repeat(limits::PRODUCT_NAME),
            ..cable()
        };
        let errors = form.parse(CURRENCY).unwrap_err();
        let fields: Vec<(&str, &Problem)> = errors
            .iter()
            .map(|e| (e.field.as_str(), &e.problem))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    "ip_front",
                    &Problem::TooLong {
                        max: limits::IP_RATING
                    }
                ),
                (
                    "led_type",
                    &Problem::TooLong {
                        max: limits::LED_TYPE
                    }
                ),
            ]
        );
    }

    #[test]
    fn stock_changes_are_signed_whole_numbers_within_bounds() {
        let delta = |d: &str| parse_stock_change(d, "count").map(|(d, _)| d);
        assert_eq!(delta("+5"), Ok(5));
        assert_eq!(delta("-12"), Ok(-12));
        assert_eq!(delta(" 7 "), Ok(7));
        assert_eq!(delta("1000000"), Ok(limits::STOCK_MAX));
        let problem = |d: &str| delta(d).unwrap_err()[0].problem.clone();
        for bad in ["++5", "+-5", "-+5", "--5", "5.0", "five", "+", "5-"] {
            assert_eq!(problem(bad), Problem::WholeNumber, "{bad:?}");
        }
        assert_eq!(problem("0"), Problem::NotZero);
        assert_eq!(problem(""), Problem::Required);
        let range = Problem::OutOfRange {
            min: -limits::STOCK_MAX,
            max: limits::STOCK_MAX,
        };
        assert_eq!(problem("1000001"), range);
        assert_eq!(problem(&i64::MAX.to_string()), range);
        assert_eq!(problem(&i64::MIN.to_string()), range);
        assert_eq!(
            problem("-99999999999999999999"),
            Problem::TooLong {
                max: limits::NUMBER
            }
        );
        let both = parse_stock_change("x", "").unwrap_err();
        assert_eq!(both.len(), 2, "every problem at once");
    }

    #[test]
    fn opening_stock_is_bounded() {
        let stock = |s: &str| {
            ProductForm {
                stock: s.into(),
                ..cable()
            }
            .opening_stock()
        };
        assert_eq!(stock(""), Ok(0));
        assert_eq!(stock("1000000"), Ok(limits::STOCK_MAX));
        assert!(stock("1000001").is_err());
        assert!(stock(&i64::MAX.to_string()).is_err());
        assert!(stock("-1").is_err());
    }

    #[test]
    fn each_problem_says_what_is_expected() {
        let form = ProductForm {
            slug: "Bad Slug!".into(),
            price_1: "-5".into(),
            pitch_mm: "4,8".into(),
            ip_front: "damp".into(),
            ip_back: "ip65".into(),
            tier_2_qty: "1".into(),
            name: "n".repeat(limits::PRODUCT_NAME + 1),
            ..cable()
        };
        let problems: Vec<(String, Problem)> = form
            .parse(CURRENCY)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        let expect = |field: &str, problem: Problem| (field.to_string(), problem);
        assert_eq!(
            problems,
            [
                expect("slug", Problem::SlugShape),
                expect(
                    "name",
                    Problem::TooLong {
                        max: limits::PRODUCT_NAME
                    }
                ),
                expect("pitch_mm", Problem::DecimalNumber),
                expect("ip_front", Problem::NotInList),
                expect("price_1", Problem::Amount),
                expect(
                    "tier_2_qty",
                    Problem::OutOfRange {
                        min: 2,
                        max: limits::STOCK_MAX
                    }
                ),
            ],
            "all at once, each naming what is expected (ip65 is IP65)"
        );
    }

    #[test]
    fn tiers_must_fall_with_quantity() {
        let form = ProductForm {
            price_2: "25".into(),
            ..cable()
        };
        let errors = form.parse(CURRENCY).unwrap_err();
        assert_eq!(errors[0].problem, Problem::TierOrder);
    }

    #[test]
    fn money_parses_strictly() {
        assert_eq!(parse_money("1,250.5"), Some(125_050));
        assert_eq!(parse_money("$19.99"), Some(1_999));
        assert_eq!(parse_money("7"), Some(700));
        assert_eq!(parse_money("1.999"), None);
        assert_eq!(parse_money("-3"), None);
        assert_eq!(parse_money(""), None);
    }
}
