//! The seed catalog: invented brands and models with plausible specifications, loaded when a
//! shop starts with an empty catalog. Generated from a few product series, so each product's
//! numbers stay consistent with one another (a finer pitch means more pixels per cabinet).

use super::{
    AppState,
    catalog::save_product,
    db::products::{self, ProductFields},
};
use crate::{
    domain::{catalog::Specs, category::Category, pricing::Tier},
    error::ShopResult,
};

struct Cabinet {
    w: u32,
    h: u32,
    d: u32,
    kg_tenths: u32,
}

/// A cabinet product of a series at one pitch.
#[allow(clippy::too_many_arguments)]
fn cabinet(
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
fn part(
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
fn fields(
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

fn title(text: &str) -> String {
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

pub fn slugify(text: &str) -> String {
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

fn specs_part(warranty: u32, lead: u32, ship: (u32, u32, u32, u32)) -> Specs {
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

/// The seed products: (fields, price tiers, stock).
pub fn seed_products() -> Vec<(ProductFields, Vec<Tier>, i64)> {
    use Category::*;
    let fixed = Cabinet {
        w: 960,
        h: 960,
        d: 130,
        kg_tenths: 320,
    };
    let fixed_small = Cabinet {
        w: 640,
        h: 640,
        d: 110,
        kg_tenths: 165,
    };
    let rental = Cabinet {
        w: 500,
        h: 500,
        d: 85,
        kg_tenths: 75,
    };
    let rental_tall = Cabinet {
        w: 500,
        h: 1000,
        d: 85,
        kg_tenths: 135,
    };
    let perimeter = Cabinet {
        w: 1600,
        h: 900,
        d: 160,
        kg_tenths: 290,
    };
    let transparent = Cabinet {
        w: 1000,
        h: 500,
        d: 60,
        kg_tenths: 70,
    };

    let mut all = vec![
        cabinet(
            FixedOutdoor,
            "Solara",
            "FX",
            10_000,
            &fixed,
            7_000,
            ("IP65", "IP65"),
            3_840,
            "SMD3535",
            "rear",
            640,
            120,
        ),
        cabinet(
            FixedOutdoor,
            "Solara",
            "FX",
            8_000,
            &fixed,
            6_800,
            ("IP65", "IP65"),
            3_840,
            "SMD3535",
            "rear",
            760,
            80,
        ),
        cabinet(
            FixedOutdoor,
            "Solara",
            "FX",
            6_670,
            &fixed,
            6_500,
            ("IP65", "IP65"),
            3_840,
            "SMD2727",
            "front and rear",
            890,
            64,
        ),
        cabinet(
            FixedOutdoor,
            "Solara",
            "FX",
            5_000,
            &fixed,
            6_000,
            ("IP65", "IP65"),
            3_840,
            "SMD2727",
            "front and rear",
            1_090,
            40,
        ),
        cabinet(
            FixedOutdoor,
            "Solara",
            "FX",
            4_000,
            &fixed,
            5_800,
            ("IP65", "IP65"),
            3_840,
            "SMD1921",
            "front",
            1_390,
            0,
        ),
        cabinet(
            FixedOutdoor,
            "Helix Display",
            "Facade",
            16_000,
            &fixed,
            8_000,
            ("IP66", "IP65"),
            1_920,
            "DIP346",
            "rear",
            520,
            30,
        ),
        cabinet(
            FixedOutdoor,
            "Helix Display",
            "Facade",
            6_670,
            &fixed_small,
            6_500,
            ("IP66", "IP65"),
            3_840,
            "SMD2727",
            "front",
            610,
            55,
        ),
        cabinet(
            FixedOutdoor,
            "Helix Display",
            "Facade",
            3_910,
            &fixed_small,
            5_500,
            ("IP66", "IP65"),
            3_840,
            "SMD1921",
            "front",
            980,
            12,
        ),
        cabinet(
            Rental,
            "Tourline",
            "R",
            2_600,
            &rental,
            4_500,
            ("IP65", "IP54"),
            7_680,
            "SMD1415",
            "front and rear",
            990,
            48,
        ),
        cabinet(
            Rental,
            "Tourline",
            "R",
            2_976,
            &rental,
            4_500,
            ("IP65", "IP54"),
            7_680,
            "SMD1415",
            "front and rear",
            890,
            64,
        ),
        cabinet(
            Rental,
            "Tourline",
            "R",
            3_910,
            &rental,
            5_000,
            ("IP65", "IP65"),
            3_840,
            "SMD1921",
            "front and rear",
            720,
            200,
        ),
        cabinet(
            Rental,
            "Tourline",
            "R",
            4_810,
            &rental,
            5_500,
            ("IP65", "IP65"),
            3_840,
            "SMD1921",
            "front and rear",
            640,
            150,
        ),
        cabinet(
            Rental,
            "Tourline",
            "RX",
            3_910,
            &rental_tall,
            5_000,
            ("IP65", "IP65"),
            3_840,
            "SMD1921",
            "front and rear",
            1_340,
            36,
        ),
        cabinet(
            Perimeter,
            "Sideline",
            "PB",
            10_000,
            &perimeter,
            6_500,
            ("IP65", "IP65"),
            3_840,
            "SMD3535",
            "front",
            1_650,
            24,
        ),
        cabinet(
            Perimeter,
            "Sideline",
            "PB",
            8_000,
            &perimeter,
            6_000,
            ("IP65", "IP65"),
            3_840,
            "SMD2727",
            "front",
            1_890,
            18,
        ),
        cabinet(
            Perimeter,
            "Sideline",
            "PB",
            6_670,
            &perimeter,
            5_800,
            ("IP65", "IP65"),
            3_840,
            "SMD2727",
            "front",
            2_150,
            0,
        ),
        cabinet(
            Perimeter,
            "Sideline",
            "Arena",
            16_000,
            &perimeter,
            7_000,
            ("IP67", "IP65"),
            1_920,
            "DIP346",
            "front",
            1_290,
            10,
        ),
        cabinet(
            Transparent,
            "Vitra",
            "T",
            3_910,
            &transparent,
            4_500,
            ("IP65", "IP65"),
            3_840,
            "SMD1921",
            "front",
            1_180,
            20,
        ),
        cabinet(
            Transparent,
            "Vitra",
            "T",
            7_800,
            &transparent,
            5_000,
            ("IP65", "IP65"),
            3_840,
            "SMD2727",
            "front",
            860,
            32,
        ),
        cabinet(
            Transparent,
            "Vitra",
            "T",
            10_400,
            &transparent,
            5_500,
            ("IP65", "IP65"),
            1_920,
            "SMD3535",
            "front",
            740,
            0,
        ),
        cabinet(
            Transparent,
            "Vitra",
            "Glass",
            5_200,
            &transparent,
            3_500,
            ("IP54", "IP54"),
            3_840,
            "SMD1515",
            "front",
            1_420,
            8,
        ),
    ];

    for (pitch_um, price, stock) in [
        (10_000, 38, 600),
        (8_000, 44, 400),
        (6_670, 52, 300),
        (5_000, 61, 260),
        (4_000, 69, 180),
        (3_910, 58, 500),
    ] {
        let mm = crate::domain::catalog::pitch_mm(pitch_um);
        let (w, h) = if pitch_um == 3_910 {
            (250, 250)
        } else {
            (320, 160)
        };
        let model = format!("M{w} P{mm}");
        let name = format!("Solara {model} Outdoor Module");
        let texts_en = format!(
            "Spare P{mm} outdoor module, {w} × {h} mm, matches Solara and Tourline cabinets."
        );
        let texts_zh =
            format!("P{mm} 户外备用模组，{w} × {h} 毫米，适配 Solara 和 Tourline 箱体。");
        let desc_en = format!(
            "A {w} × {h} mm P{mm} module with a waterproof mask and magnetic mounting, for repairs and spare stock. Buy 3 to 5 % of a wall's modules as spares."
        );
        let desc_zh = format!(
            "{w} × {h} 毫米 P{mm} 模组，带防水面罩，磁吸安装，用于维修和备件。建议按整屏模组数的 3% 至 5% 备货。"
        );
        let mut specs = specs_part(12, 2, (900, 420, 260, 120));
        specs.pitch_um = Some(pitch_um);
        specs.brightness_nits = Some(6_000);
        specs.ip_front = Some("IP65".into());
        specs.maintenance = Some("front".into());
        all.push(part(
            Modules,
            "Solara",
            &model,
            &name,
            [&texts_en, &texts_zh, &desc_en, &desc_zh],
            specs,
            price,
            stock,
        ));
    }
    all.push(part(
        Modules,
        "Voltix",
        "PSU-300-5",
        "Voltix PSU-300-5 LED Power Supply",
        [
            "5 V 60 A power supply for outdoor LED cabinets, 300 W.",
            "适用于户外LED箱体的 5V 60A 电源，300 瓦。",
            "Slim 300 W constant-voltage supply with active power-factor correction and 200–240 V input, the standard replacement in Solara and Sideline cabinets.",
            "300 瓦超薄恒压电源，带主动功率因数校正，输入 200–240 伏，是 Solara 和 Sideline 箱体的标准替换件。",
        ],
        specs_part(24, 2, (1_100, 250, 120, 60)),
        29,
        900,
    ));

    for (model, capacity, price, stock, en, zh) in [
        (
            "S2",
            1_300_000u64,
            390,
            40,
            "Sending box for walls up to 1.3 million pixels, 2 Ethernet outputs.",
            "发送盒，支持最多 130 万像素，2 路网口输出。",
        ),
        (
            "S4",
            2_600_000,
            690,
            25,
            "Sending box for walls up to 2.6 million pixels, 4 Ethernet outputs.",
            "发送盒，支持最多 260 万像素，4 路网口输出。",
        ),
        (
            "VX8",
            5_200_000,
            2_450,
            8,
            "4K video processor with scaling, 8 outputs, up to 5.2 million pixels.",
            "4K 视频处理器，带缩放，8 路输出，支持最多 520 万像素。",
        ),
        (
            "VX16",
            10_400_000,
            4_900,
            3,
            "Video processor for stadium walls, 16 outputs, up to 10.4 million pixels.",
            "适用于体育场大屏的视频处理器，16 路输出，支持最多 1040 万像素。",
        ),
        (
            "A5",
            650_000,
            240,
            60,
            "Asynchronous media player for billboards, scheduled playback over 4G or Wi-Fi, 650,000 pixels.",
            "广告牌用异步播放盒，支持 4G 或 Wi-Fi 定时播放，65 万像素。",
        ),
    ] {
        let mut specs = specs_part(24, 3, (2_500, 480, 320, 120));
        specs.controller_capacity_px = Some(capacity);
        let desc_en = format!(
            "{en} Front-panel configuration, genlock input, redundant backup path, and a web console for brightness schedules."
        );
        let desc_zh = format!(
            "{zh}支持前面板配置、同步锁相输入、冗余备份链路，以及用于亮度计划的网页控制台。"
        );
        all.push(part(
            Controllers,
            "NovaLink",
            model,
            &format!("NovaLink {model} Controller"),
            [en, zh, &desc_en, &desc_zh],
            specs,
            price,
            stock,
        ));
    }
    // A receiving card sits in each cabinet; it is not the wall's controller, so it has no
    // controller capacity for the configurator to pick.
    let card = specs_part(24, 2, (200, 180, 120, 40));
    all.push(part(
        Controllers,
        "NovaLink",
        "R512",
        "NovaLink R512 Receiving Card",
        [
            "Receiving card driving up to 512 × 512 pixels, one per cabinet.",
            "接收卡，最多驱动 512 × 512 像素，每个箱体一张。",
            "Fits every Solara, Tourline and Sideline cabinet; supports 16-bit grey scale and pixel-level calibration data stored on the card.",
            "适用于所有 Solara、Tourline 和 Sideline 箱体；支持 16 位灰度及存储在卡上的逐点校正数据。",
        ],
        card,
        35,
        700,
    ));

    for (model, name, price, stock, en, zh, weight) in [
        (
            "HB-500",
            "Rental Hanging Bar 500 mm",
            89,
            120,
            "Aluminium hanging bar for 500 mm rental cabinets, rated 1,000 kg.",
            "适用于 500 毫米租赁箱体的铝制吊挂杆，额定载重 1000 千克。",
            3_200,
        ),
        (
            "HB-1000",
            "Rental Hanging Bar 1000 mm",
            139,
            80,
            "Aluminium hanging bar for two 500 mm cabinets side by side, rated 1,000 kg.",
            "可并排吊挂两个 500 毫米箱体的铝制吊挂杆，额定载重 1000 千克。",
            5_400,
        ),
        (
            "GS-Frame",
            "Ground Stack Frame",
            420,
            15,
            "Steel ground-support frame for stacking up to 4 m of rental cabinets.",
            "钢制地面堆叠支架，可堆叠最高 4 米的租赁箱体。",
            38_000,
        ),
        (
            "WB-960",
            "Wall Bracket for 960 mm Cabinets",
            65,
            200,
            "Galvanised wall bracket with fine adjustment for fixed 960 mm cabinets.",
            "适用于 960 毫米固定箱体的镀锌墙面支架，可微调。",
            4_100,
        ),
        (
            "PC-3M",
            "Power Link Cable 3 m",
            14,
            1_500,
            "Outdoor power link cable, 3 × 2.5 mm², IP67 connectors.",
            "户外电源级联线，3 × 2.5 平方毫米，IP67 接头。",
            900,
        ),
        (
            "DC-CAT6-10",
            "Outdoor Data Cable 10 m",
            22,
            1_200,
            "Shielded Cat6 data cable with IP67 connectors, 10 m.",
            "带 IP67 接头的屏蔽六类数据线，10 米。",
            800,
        ),
        (
            "PDB-32A",
            "Power Distribution Box 32 A",
            560,
            10,
            "Three-phase distribution box with 12 protected outputs for up to 40 m² of wall.",
            "三相配电箱，12 路带保护输出，可供最多 40 平方米屏幕。",
            16_000,
        ),
        (
            "FC-6",
            "Flight Case for 6 Cabinets",
            310,
            22,
            "Road case carrying six 500 × 500 mm rental cabinets, with castors.",
            "可装六个 500 × 500 毫米租赁箱体的航空箱，带脚轮。",
            42_000,
        ),
    ] {
        let desc_en = format!("{en} Made for the Lumenwall range; ships in one carton.");
        let desc_zh = format!("{zh}专为本店产品系列设计，单箱发货。");
        all.push(part(
            Accessories,
            "Lumenwall",
            model,
            &format!("Lumenwall {name}"),
            [en, zh, &desc_en, &desc_zh],
            specs_part(12, 2, (weight, 600, 400, 200)),
            price,
            stock,
        ));
    }
    all
}

/// Loads the seed catalog into an empty shop; returns how many products were added (0 when
/// the catalog already has products).
pub async fn seed_if_empty(state: &AppState) -> ShopResult<usize> {
    if products::count(state.db.pool()).await? > 0 {
        return Ok(0);
    }
    // The demo prices are numbers; they are loaded in the shop's own currency.
    let currency = state.settings.currency;
    let mut seed = seed_products();
    for (fields, tiers, stock) in &mut seed {
        fields.price.currency = currency;
        for tier in tiers.iter_mut() {
            tier.unit_price.currency = currency;
        }
        save_product(state, None, fields, tiers, Some(*stock)).await?;
    }
    tracing::info!(products = seed.len(), "seed catalog loaded");
    Ok(seed.len())
}

fn usd(minor: i64) -> crate::domain::money::Money {
    crate::domain::money::Money::new(minor, crate::domain::money::Currency::Usd)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::validate_tiers;

    #[test]
    fn the_seed_catalog_is_large_consistent_and_unique() {
        let seed = seed_products();
        assert!(seed.len() >= 40, "only {} products", seed.len());
        let mut slugs: Vec<_> = seed.iter().map(|(f, _, _)| f.slug.clone()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), seed.len(), "duplicate slugs");
        for category in Category::ALL {
            assert!(
                seed.iter().any(|(f, _, _)| f.category == category),
                "{category:?} is empty"
            );
        }
        for (f, tiers, _) in &seed {
            assert_eq!(
                validate_tiers(tiers).as_deref(),
                Ok(tiers.as_slice()),
                "{}",
                f.slug
            );
            assert_eq!(tiers[0].unit_price, f.price);
            if let Some(cab) = f.specs.cabinet() {
                // Pixels per cabinet follow from size and pitch.
                let exact = f64::from(cab.width_mm) * 1000.0 / f64::from(cab.pitch_um);
                assert!((f64::from(cab.px_w) - exact).abs() <= 0.5, "{}", f.slug);
            }
        }
        assert_eq!(slugify("Solara FX P6.67"), "solara-fx-p6-67");
    }
}
