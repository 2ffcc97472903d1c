//! The catalog's shared types: what a product card and a product page show, the typed
//! specifications, and the listing query (filters, sort, page) that lives in the URL.

use super::{category::Category, ids::ProductId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const PAGE_SIZE: u32 = 12;
/// The ingress-protection ratings a product may have (IEC 60529 codes used for displays).
pub const IP_RATINGS: [&str; 11] = [
    "IP20", "IP30", "IP31", "IP40", "IP43", "IP54", "IP55", "IP65", "IP66", "IP67", "IP68",
];
/// The IP ratings offered as a filter (those outdoor buyers ask for).
pub const IP_FILTERS: [&str; 4] = ["IP65", "IP66", "IP67", "IP54"];

super::stored::stored_enum! {
    /// Whether a product is on sale. An archived product leaves listings, search and its page
    /// (404), and stays for staff and for orders that name it.
    #[derive(Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ProductStatus: as_str, parse {
        #[default]
        Active = "active",
        Archived = "archived",
    }
}

/// The typed specifications buyers of LED screens compare.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Specs {
    pub pitch_um: Option<u32>,
    pub brightness_nits: Option<u32>,
    pub ip_front: Option<String>,
    pub ip_back: Option<String>,
    pub refresh_hz: Option<u32>,
    pub cabinet_width_mm: Option<u32>,
    pub cabinet_height_mm: Option<u32>,
    pub cabinet_depth_mm: Option<u32>,
    pub cabinet_px_w: Option<u32>,
    pub cabinet_px_h: Option<u32>,
    pub cabinet_weight_g: Option<u32>,
    pub power_max_w: Option<u32>,
    pub power_typical_w: Option<u32>,
    pub viewing_angle_h: Option<u32>,
    pub viewing_angle_v: Option<u32>,
    pub led_type: Option<String>,
    pub maintenance: Option<String>,
    pub temp_min_c: Option<i32>,
    pub temp_max_c: Option<i32>,
    pub controller_capacity_px: Option<u64>,
    pub warranty_months: u32,
    pub lead_time_days: u32,
    pub ship_weight_g: u32,
    pub ship_length_mm: u32,
    pub ship_width_mm: u32,
    pub ship_height_mm: u32,
}

impl Specs {
    /// The cabinet data the configurator needs, when this product is a cabinet.
    pub fn cabinet(&self) -> Option<super::configurator::CabinetSpec> {
        Some(super::configurator::CabinetSpec {
            width_mm: self.cabinet_width_mm?,
            height_mm: self.cabinet_height_mm?,
            px_w: self.cabinet_px_w?,
            px_h: self.cabinet_px_h?,
            weight_g: self.cabinet_weight_g?,
            power_max_w: self.power_max_w?,
            power_typical_w: self.power_typical_w?,
            pitch_um: self.pitch_um?,
        })
    }
}

/// Every field a product is written with (all but its id, stock, status and image).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductFields {
    pub slug: String,
    pub category: Category,
    pub brand: String,
    pub model: String,
    pub name: String,
    pub summary_en: String,
    pub summary_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub specs: Specs,
    /// The single-unit price (the first tier).
    pub price: super::money::Money,
}

/// `3910` µm → `"3.91"` (mm, trailing zeros dropped).
pub fn pitch_mm(pitch_um: u32) -> String {
    let whole = pitch_um / 1000;
    let frac = pitch_um % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{frac:03}")
            .trim_end_matches('0')
            .to_string()
    }
}

/// `"3.91"` (mm) → `3910` µm; `None` unless a positive number with at most 3 decimals.
pub fn parse_pitch_mm(text: &str) -> Option<u32> {
    parse_thousandths(
        text.trim()
            .trim_start_matches(['P', 'p'])
            .trim_end_matches("mm"),
    )
}

/// A positive decimal with at most 3 decimals, in thousandths: `"4.5"` → `4500` (metres to
/// millimetres, millimetres to micrometres).
pub fn parse_thousandths(text: &str) -> Option<u32> {
    let text = text.trim();
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 3 {
        return None;
    }
    if !whole
        .chars()
        .chain(frac.chars())
        .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: u32 = format!("{frac:0<3}").parse().ok()?;
    let um = whole.checked_mul(1000)?.checked_add(frac)?;
    (um > 0).then_some(um)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sort {
    /// Best match first (with a search), else newest.
    #[default]
    Relevance,
    PriceLow,
    PriceHigh,
    PitchFine,
    PitchCoarse,
    Newest,
    /// Best average rating first (products without reviews last).
    Rating,
}

impl Sort {
    pub const ALL: [Sort; 7] = [
        Sort::Relevance,
        Sort::PriceLow,
        Sort::PriceHigh,
        Sort::PitchFine,
        Sort::PitchCoarse,
        Sort::Newest,
        Sort::Rating,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceLow => "price",
            Sort::PriceHigh => "price-desc",
            Sort::PitchFine => "pitch",
            Sort::PitchCoarse => "pitch-desc",
            Sort::Newest => "newest",
            Sort::Rating => "rating",
        }
    }

    pub fn from_code(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a listing shows: search words, filters, sort and page. It lives in the URL, so a
/// filtered view can be shared and the back button works.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogQuery {
    pub q: String,
    pub category: Option<Category>,
    pub pitch_min_um: Option<u32>,
    pub pitch_max_um: Option<u32>,
    pub brightness_min: Option<u32>,
    pub ip: Option<String>,
    /// Whole currency units, as typed in the form.
    pub price_min: Option<u32>,
    pub price_max: Option<u32>,
    pub in_stock: bool,
    /// Only products whose reviews average 4★ or more (`rating=4`).
    pub rating_4_up: bool,
    pub sort: Sort,
    pub page: u32,
}

fn parse_u32(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

impl CatalogQuery {
    /// Reads the query from URL parameters. Values that do not parse are dropped (and
    /// reported in `ignored`) rather than failing the page.
    pub fn from_params(params: &BTreeMap<String, String>) -> (CatalogQuery, Vec<String>) {
        let mut ignored = Vec::new();
        let get = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let take =
            |name: &str, parsed: Option<u32>, raw: Option<&str>, ignored: &mut Vec<String>| {
                if raw.is_some() && parsed.is_none() {
                    ignored.push(name.to_string());
                }
                parsed
            };
        let q = super::limits::cut(get("q").unwrap_or(""), super::limits::SEARCH).to_string();
        let category = get("category").and_then(Category::from_slug);
        let raw = get("pitch_min");
        let pitch_min_um = take("pitch_min", raw.and_then(parse_pitch_mm), raw, &mut ignored);
        let raw = get("pitch_max");
        let pitch_max_um = take("pitch_max", raw.and_then(parse_pitch_mm), raw, &mut ignored);
        let raw = get("brightness");
        let brightness_min = take("brightness", raw.and_then(parse_u32), raw, &mut ignored);
        let raw = get("price_min");
        let price_min = take("price_min", raw.and_then(parse_u32), raw, &mut ignored);
        let raw = get("price_max");
        let price_max = take("price_max", raw.and_then(parse_u32), raw, &mut ignored);
        let ip = get("ip")
            .map(str::to_ascii_uppercase)
            .filter(|ip| IP_FILTERS.contains(&ip.as_str()));
        let in_stock = get("in_stock").is_some();
        let rating_4_up = match get("rating") {
            Some("4") => true,
            Some(_) => {
                ignored.push("rating".to_string());
                false
            }
            None => false,
        };
        let sort = get("sort").and_then(Sort::from_code).unwrap_or_default();
        let page = get("page")
            .and_then(parse_u32)
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        (
            CatalogQuery {
                q,
                category,
                pitch_min_um,
                pitch_max_um,
                brightness_min,
                ip,
                price_min,
                price_max,
                in_stock,
                rating_4_up,
                sort,
                page,
            },
            ignored,
        )
    }

    /// The URL parameters of this query (defaults left out), for links and pagination.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(("q", self.q.clone()));
        }
        if let Some(c) = self.category {
            out.push(("category", c.slug().to_string()));
        }
        if let Some(p) = self.pitch_min_um {
            out.push(("pitch_min", pitch_mm(p)));
        }
        if let Some(p) = self.pitch_max_um {
            out.push(("pitch_max", pitch_mm(p)));
        }
        if let Some(b) = self.brightness_min {
            out.push(("brightness", b.to_string()));
        }
        if let Some(ip) = &self.ip {
            out.push(("ip", ip.clone()));
        }
        if let Some(p) = self.price_min {
            out.push(("price_min", p.to_string()));
        }
        if let Some(p) = self.price_max {
            out.push(("price_max", p.to_string()));
        }
        if self.in_stock {
            out.push(("in_stock", "1".into()));
        }
        if self.rating_4_up {
            out.push(("rating", "4".into()));
        }
        if self.sort != Sort::Relevance {
            out.push(("sort", self.sort.code().to_string()));
        }
        if self.page > 1 {
            out.push(("page", self.page.to_string()));
        }
        out
    }

    /// `path?params` for this query.
    pub fn href(&self, path: &str) -> String {
        let params = self.to_params();
        if params.is_empty() {
            return path.to_string();
        }
        let query: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}={}", url_encode(v)))
            .collect();
        format!("{path}?{}", query.join("&"))
    }

    /// The same query on another page.
    pub fn with_page(&self, page: u32) -> CatalogQuery {
        CatalogQuery {
            page,
            ..self.clone()
        }
    }
}

/// Percent-encodes a URL query value.
pub fn url_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The words of a search, lower-cased, letters and digits only (safe to put into any
/// full-text query syntax), at most eight.
pub fn search_terms(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .take(8)
        .collect()
}

/// A search with every mistyped word replaced by the closest word the catalog knows, when
/// one is close enough: one edit for words of 4 to 6 letters, two for longer ones (a
/// swap of two neighbours counts as one). Words the catalog has as a prefix, numbers and
/// words shorter than 4 are kept. `None` when nothing changes.
pub fn correct_search(terms: &[String], vocabulary: &[String]) -> Option<Vec<String>> {
    let mut changed = false;
    let corrected = terms
        .iter()
        .map(|term| {
            let len = term.chars().count();
            let known = vocabulary.iter().any(|w| w.starts_with(term.as_str()));
            if known || len < 4 || term.chars().all(|c| c.is_ascii_digit()) {
                return term.clone();
            }
            let allowed = if len <= 6 { 1 } else { 2 };
            let best = vocabulary
                .iter()
                .filter(|w| w.chars().count().abs_diff(len) <= allowed)
                .map(|w| (edit_distance(term, w), w))
                .filter(|(d, _)| *d <= allowed)
                .min_by(|a, b| {
                    a.0.cmp(&b.0)
                        .then(a.1.len().cmp(&b.1.len()))
                        .then(a.1.cmp(b.1))
                });
            match best {
                Some((_, w)) => {
                    changed = true;
                    w.clone()
                }
                None => term.clone(),
            }
        })
        .collect();
    changed.then_some(corrected)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring characters each count one.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The products a visitor compares side by side (kept in a cookie as `12.7.31`): at most
/// [`CompareList::MAX`], the oldest dropped when another is added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareList(Vec<ProductId>);

impl CompareList {
    pub const MAX: usize = 4;

    /// Reads a cookie value; anything that is not an id is skipped.
    pub fn parse(value: &str) -> CompareList {
        let mut ids: Vec<ProductId> = Vec::new();
        for id in value.split('.').filter_map(|id| id.parse().ok()) {
            if !ids.contains(&id) && ids.len() < Self::MAX {
                ids.push(id);
            }
        }
        CompareList(ids)
    }

    pub fn ids(&self) -> &[ProductId] {
        &self.0
    }

    /// Takes `id` off the list, or adds it (dropping the oldest beyond the maximum).
    pub fn toggle(&mut self, id: ProductId) {
        if let Some(at) = self.0.iter().position(|x| *x == id) {
            self.0.remove(at);
        } else {
            self.0.push(id);
            if self.0.len() > Self::MAX {
                self.0.remove(0);
            }
        }
    }

    pub fn cookie_value(&self) -> String {
        let ids: Vec<String> = self.0.iter().map(ProductId::to_string).collect();
        ids.join(".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistyped_words_become_the_closest_known_word() {
        let vocabulary: Vec<String> = ["controller", "outdoor", "cabinet", "solara", "p3", "nits"]
            .map(String::from)
            .to_vec();
        let terms = |q: &str| search_terms(q);
        assert_eq!(
            correct_search(&terms("contoller"), &vocabulary),
            Some(vec!["controller".to_string()])
        );
        assert_eq!(
            correct_search(&terms("outdor cabniet"), &vocabulary),
            Some(vec!["outdoor".to_string(), "cabinet".to_string()])
        );
        // Known words and prefixes, numbers, short words and far-off words stay.
        assert_eq!(correct_search(&terms("outdoor cab"), &vocabulary), None);
        assert_eq!(correct_search(&terms("5000 nits"), &vocabulary), None);
        assert_eq!(correct_search(&terms("xyzzyq"), &vocabulary), None);
        assert_eq!(edit_distance("contoller", "controller"), 1);
        assert_eq!(edit_distance("cabniet", "cabinet"), 1);
        assert_eq!(edit_distance("显示", "显示屏"), 1);
    }

    #[test]
    fn the_comparison_list_keeps_four_in_order() {
        let mut list = CompareList::parse("3.x.3.5");
        assert_eq!(list.ids(), [ProductId(3), ProductId(5)]);
        for id in [7, 9, 11] {
            list.toggle(ProductId(id));
        }
        assert_eq!(list.cookie_value(), "5.7.9.11", "the oldest went");
        list.toggle(ProductId(7));
        assert_eq!(list.cookie_value(), "5.9.11");
        assert_eq!(
            CompareList::parse("1.2.3.4.5.6").ids().len(),
            CompareList::MAX
        );
    }

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn pitches_parse_and_print() {
        assert_eq!(parse_pitch_mm("3.91"), Some(3910));
        assert_eq!(parse_pitch_mm("P10"), Some(10_000));
        assert_eq!(parse_pitch_mm("2.5mm"), Some(2500));
        assert_eq!(parse_pitch_mm(".9"), Some(900));
        assert_eq!(parse_pitch_mm("0"), None);
        assert_eq!(parse_pitch_mm("1.2345"), None);
        assert_eq!(parse_pitch_mm("ten"), None);
        assert_eq!(parse_pitch_mm("-3"), None);
        assert_eq!(pitch_mm(3910), "3.91");
        assert_eq!(pitch_mm(10_000), "10");
        assert_eq!(pitch_mm(2_500), "2.5");
        assert_eq!(pitch_mm(1_875), "1.875");
    }

    #[test]
    fn queries_round_trip_through_the_url() {
        let (q, ignored) = CatalogQuery::from_params(&params(&[
            ("q", "P3.9 rental"),
            ("category", "rental"),
            ("pitch_min", "2.5"),
            ("pitch_max", "4.81"),
            ("brightness", "5000"),
            ("ip", "ip65"),
            ("price_min", "100"),
            ("price_max", "2000"),
            ("in_stock", "1"),
            ("rating", "4"),
            ("sort", "price-desc"),
            ("page", "2"),
        ]));
        assert!(ignored.is_empty());
        assert!(q.rating_4_up);
        assert_eq!(q.category, Some(Category::Rental));
        assert_eq!((q.pitch_min_um, q.pitch_max_um), (Some(2500), Some(4810)));
        assert_eq!(q.ip.as_deref(), Some("IP65"));
        assert_eq!(q.sort, Sort::PriceHigh);
        let href = q.href("/catalog");
        assert_eq!(
            href,
            "/catalog?q=P3.9+rental&category=rental&pitch_min=2.5&pitch_max=4.81&brightness=5000&ip=IP65&price_min=100&price_max=2000&in_stock=1&rating=4&sort=price-desc&page=2"
        );
        let back: BTreeMap<String, String> = q
            .to_params()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(CatalogQuery::from_params(&back).0, q);
    }

    #[test]
    fn bad_values_are_dropped_and_reported() {
        let (q, ignored) = CatalogQuery::from_params(&params(&[
            ("pitch_min", "tiny"),
            ("brightness", "-5"),
            ("ip", "IP99"),
            ("sort", "chaos"),
            ("page", "0"),
            ("category", "televisions"),
            ("rating", "5"),
        ]));
        assert_eq!(
            q,
            CatalogQuery {
                page: 1,
                ..Default::default()
            }
        );
        assert_eq!(ignored, ["pitch_min", "brightness", "rating"]);
        assert_eq!(CatalogQuery::default().href("/catalog"), "/catalog");
    }

    #[test]
    fn search_terms_are_safe_words() {
        assert_eq!(
            search_terms("P3.91 \"rental\" OR *"),
            ["p3", "91", "rental", "or"]
        );
        assert_eq!(search_terms("户外 屏"), ["户外", "屏"]);
        assert!(search_terms("\"*:()").is_empty());
    }
}
