//! How a seed product is made: a cabinet of a series at one pitch, or a part, with its
//! texts in English and Chinese, its specifications and wholesale tiers.

use crate::backend::db::products::ProductFields;
use crate::domain::{catalog::Specs, category::Category, pricing::Tier};

pub(super) struct Cabinet {
    pub(super) w: u32,
    pub(super) h: u32,
    pub(super) d: u32,
    pub(super) kg_tenths: u32,
}

/// A cabinet product of a series at one pitch.
#[allow(clippy::too_many_arguments)]
pub(super) fn cabinet(
    category: Category,
    brand: &str,
    series: &str,
    pitch_um: u32,
    cab: &Cabinet,
    nits: u32,
    ip: (&str, &str),
    refresh: u32,
    led: &str,
    maintenance: &str,
    price_dollars: i64,
    stock: i64,
) -> (ProductFields, Vec<Tier>, i64) {
    let mm = crate::domain::catalog::pitch_mm(pitch_um);
    // Nearest whole pixel: a "P3.91" pitch is really 3.906 mm, 128 pixels on 500 mm.
    let px_w = (cab.w * 1000 + pitch_um / 2) / pitch_um;
    let px_h = (cab.h * 1000 + pitch_um / 2) / pitch_um;
    let area_m2_hundredths = cab.w * cab.h / 10_000;
    // Outdoor walls draw roughly 800 W/m² at full white and a third of that typically.
    let power_max = area_m2_hundredths * 8;
    let power_typ = power_max / 3;
    let kind_en = match category {
        Category::FixedOutdoor => "outdoor cabinet",
        Category::Rental => "rental panel",
        Category::Perimeter => "perimeter board",
        Category::Transparent => "transparent panel",
        _ => "cabinet",
    };
    let kind_zh = match category {
        Category::FixedOutdoor => "户外箱体",
        Category::Rental => "租赁屏箱体",
        Category::Perimeter => "围栏屏箱体",
        Category::Transparent => "透明屏箱体",
        _ => "箱体",
    };
    let model = format!("{series} P{mm}");
    let name = format!("{brand} {model} {}", title(kind_en));
    let slug = slugify(&format!("{brand} {series} p{mm}"));
    let specs = Specs {
        pitch_um: Some(pitch_um),
        brightness_nits: Some(nits),
        ip_front: Some(ip.0.into()),
        ip_back: Some(ip.1.into()),
        refresh_hz: Some(refresh),
        cabinet_width_mm: Some(cab.w),
        cabinet_height_mm: Some(cab.h),
        cabinet_depth_mm: Some(cab.d),
        cabinet_px_w: Some(px_w),
        cabinet_px_h: Some(px_h),
        cabinet_weight_g: Some(cab.kg_tenths * 100),
        power_max_w: Some(power_max),
        power_typical_w: Some(power_typ),
        viewing_angle_h: Some(140),
        viewing_angle_v: Some(if category == Category::Perimeter {
            120
        } else {
            140
        }),
        led_type: Some(led.into()),
        maintenance: Some(maintenance.into()),
        temp_min_c: Some(-20),
        temp_max_c: Some(50),
        controller_capacity_px: None,
        warranty_months: 24,
        lead_time_days: if stock > 0 { 3 } else { 21 },
        ship_weight_g: cab.kg_tenths * 100 + 4_000,
        ship_length_mm: cab.w + 120,
        ship_width_mm: cab.d + 150,
        ship_height_mm: cab.h + 120,
    };
    let summary_en = format!(
        "P{mm} {kind_en}, {} × {} mm, {px_w} × {px_h} pixels, {nits} nits, {}.",
        cab.w, cab.h, ip.0
    );
    let summary_zh = format!(
        "P{mm} {kind_zh}，{} × {} 毫米，{px_w} × {px_h} 像素，亮度 {nits} 尼特，{} 防护。",
        cab.w, cab.h, ip.0
    );
    let description_en = format!(
        "The {brand} {model} is a {kind_en} with {mm} mm pixel pitch and {led} LEDs, rated {nits} nits for \
         daylight viewing and refreshing at {refresh} Hz, so it films cleanly. Each {} × {} mm \
         cabinet weighs {:.1} kg and is serviced from the {maintenance}. Protection is {} at the \
         front and {} at the back; it runs from −20 °C to 50 °C.",
        cab.w,
        cab.h,
        f64::from(cab.kg_tenths) / 10.0,
        ip.0,
        ip.1
    );
    let description_zh = format!(
        "{brand} {model} 是一款像素间距 {mm} 毫米的{kind_zh}，采用 {led} 灯珠，亮度 {nits} 尼特，日光下清晰可见，\
         刷新率 {refresh} 赫兹，适合摄像拍摄。每个 {} × {} 毫米的箱体重 {:.1} 千克，支持{}维护。\
         正面防护等级 {}，背面 {}，工作温度 −20 °C 至 50 °C。",
        cab.w,
        cab.h,
        f64::from(cab.kg_tenths) / 10.0,
        if maintenance == "front" {
            "前"
        } else if maintenance == "rear" {
            "后"
        } else {
            "前后"
        },
        ip.0,
        ip.1
    );
    fields(
        category,
        brand,
        &model,
        &name,
        &slug,
        [summary_en, summary_zh, description_en, description_zh],
        specs,
        price_dollars,
        stock,
    )
}

/// A product that is not a cabinet (modules, controllers, accessories).
#[allow(clippy::too_many_arguments)]
pub(super) fn part(
    category: Category,
    brand: &str,
    model: &str,
    name: &str,
    texts: [&str; 4],
    specs: Specs,
    price_dollars: i64,
    stock: i64,
) -> (ProductFields, Vec<Tier>, i64) {
    let slug = slugify(&format!("{brand} {model}"));
    fields(
        category,
        brand,
        model,
        name,
        &slug,
        texts.map(str::to_string),
        specs,
        price_dollars,
        stock,
    )
}

#[allow(clippy::too_many_arguments)]
pub(super) fn fields(
    category: Category,
    brand: &str,
    model: &str,
    name: &str,
    slug: &str,
    [summary_en, summary_zh, description_en, description_zh]: [String; 4],
    specs: Specs,
    price_dollars: i64,
    stock: i64,
) -> (ProductFields, Vec<Tier>, i64) {
    let base = price_dollars * 100;
    // Wholesale tiers: 6 % off from 10 units, 12 % off from 50, rounded to whole dollars.
    let tiers = vec![
        Tier {
            min_qty: 1,
            unit_price: usd(base),
        },
        Tier {
            min_qty: 10,
            unit_price: usd(base * 94 / 100 / 100 * 100),
        },
        Tier {
            min_qty: 50,
            unit_price: usd(base * 88 / 100 / 100 * 100),
        },
    ];
    (
        ProductFields {
            slug: slug.to_string(),
            category,
            brand: brand.to_string(),
            model: model.to_string(),
            name: name.to_string(),
            summary_en,
            summary_zh,
            description_en,
            description_zh,
            specs,
            price: usd(base),
        },
        tiers,
        stock,
    )
}

pub(super) fn title(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

pub(super) fn specs_part(warranty: u32, lead: u32, ship: (u32, u32, u32, u32)) -> Specs {
    Specs {
        warranty_months: warranty,
        lead_time_days: lead,
        ship_weight_g: ship.0,
        ship_length_mm: ship.1,
        ship_width_mm: ship.2,
        ship_height_mm: ship.3,
        ..Specs::default()
    }
}

pub(super) fn usd(minor: i64) -> crate::domain::money::Money {
    crate::domain::money::Money::new(minor, crate::domain::money::Currency::Usd)
}
