//! Specification rows in one fixed order, shared by the product page (rows that apply) and
//! the comparison table (every row, aligned across products).

use crate::{
    domain::catalog::{Specs, pitch_mm},
    i18n::{Key, Lang, Msg},
};

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn kg(grams: u32) -> String {
    format!("{:.1} kg", f64::from(grams) / 1000.0)
}

/// Every specification row: its label and the value when the product has one.
pub fn spec_rows(s: &Specs, lang: Lang) -> Vec<(Key, Option<String>)> {
    let both = |a: Option<u32>, b: Option<u32>, f: &dyn Fn(u32, u32) -> String| {
        a.zip(b).map(|(a, b)| f(a, b))
    };
    vec![
        (
            Key::SpecPitch,
            s.pitch_um.map(|p| format!("{} mm", pitch_mm(p))),
        ),
        (
            Key::SpecBrightness,
            s.brightness_nits
                .map(|n| format!("{} nits", thousands(n.into()))),
        ),
        (
            Key::SpecIp,
            match (&s.ip_front, &s.ip_back) {
                (Some(front), Some(back)) => Some(lang.msg(Msg::SpecIpValue { front, back })),
                (Some(f), None) => Some(f.clone()),
                _ => None,
            },
        ),
        (
            Key::SpecRefresh,
            s.refresh_hz.map(|h| format!("{} Hz", thousands(h.into()))),
        ),
        (
            Key::SpecCabinetSize,
            both(
                s.cabinet_width_mm,
                s.cabinet_height_mm,
                &|w, h| match s.cabinet_depth_mm {
                    Some(d) => format!("{w} × {h} × {d} mm"),
                    None => format!("{w} × {h} mm"),
                },
            ),
        ),
        (
            Key::SpecResolution,
            both(s.cabinet_px_w, s.cabinet_px_h, &|w, h| {
                format!("{w} × {h} px")
            }),
        ),
        (Key::SpecWeight, s.cabinet_weight_g.map(kg)),
        (
            Key::SpecPower,
            both(s.power_max_w, s.power_typical_w, &|max, typical| {
                lang.msg(Msg::SpecPowerValue {
                    max: u64::from(max),
                    typical: u64::from(typical),
                })
            }),
        ),
        (
            Key::SpecViewingAngle,
            both(s.viewing_angle_h, s.viewing_angle_v, &|h, v| {
                format!("{h}° / {v}°")
            }),
        ),
        (Key::SpecLedType, s.led_type.clone()),
        (
            Key::SpecMaintenance,
            s.maintenance.as_deref().map(|m| {
                lang.text(match m {
                    "front" => Key::MaintenanceFront,
                    "rear" => Key::MaintenanceRear,
                    _ => Key::MaintenanceBoth,
                })
                .to_string()
            }),
        ),
        (
            Key::SpecTemperature,
            s.temp_min_c
                .zip(s.temp_max_c)
                .map(|(a, b)| format!("{a} °C … {b} °C")),
        ),
        (
            Key::SpecControllerCapacity,
            s.controller_capacity_px
                .map(|c| format!("{} px", thousands(c))),
        ),
        (
            Key::SpecWarranty,
            Some(lang.msg(Msg::MonthsValue {
                n: s.warranty_months,
            })),
        ),
        (
            Key::SpecLeadTime,
            Some(lang.msg(Msg::DaysValue {
                n: s.lead_time_days,
            })),
        ),
        (
            Key::SpecShipping,
            Some(format!(
                "{}, {} × {} × {} mm",
                kg(s.ship_weight_g),
                s.ship_length_mm,
                s.ship_width_mm,
                s.ship_height_mm
            )),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_format_with_units() {
        let specs = Specs {
            pitch_um: Some(3910),
            brightness_nits: Some(5000),
            ip_front: Some("IP65".into()),
            ip_back: Some("IP54".into()),
            cabinet_weight_g: Some(7500),
            warranty_months: 24,
            ..Specs::default()
        };
        let rows = spec_rows(&specs, Lang::En);
        let get = |k: Key| {
            rows.iter()
                .find(|(key, _)| *key == k)
                .and_then(|(_, v)| v.clone())
        };
        assert_eq!(get(Key::SpecPitch).as_deref(), Some("3.91 mm"));
        assert_eq!(get(Key::SpecBrightness).as_deref(), Some("5,000 nits"));
        assert_eq!(get(Key::SpecIp).as_deref(), Some("IP65 front, IP54 back"));
        assert_eq!(get(Key::SpecWeight).as_deref(), Some("7.5 kg"));
        assert_eq!(get(Key::SpecWarranty).as_deref(), Some("24 months"));
        assert_eq!(get(Key::SpecRefresh), None);
    }
}
