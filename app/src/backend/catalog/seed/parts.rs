//! The seed parts: spare modules, power supplies, controllers and accessories.

use super::build::{part, specs_part};
use crate::{
    backend::db::products::ProductFields,
    domain::{category::Category, pricing::Tier},
};

/// The seed parts: (fields, price tiers, stock).
pub(super) fn parts() -> Vec<(ProductFields, Vec<Tier>, i64)> {
    use Category::*;
    let mut all = Vec::new();
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
