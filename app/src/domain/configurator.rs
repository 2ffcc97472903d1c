//! The LED wall configurator's maths: from one cabinet's specification and a wall asked for
//! either in cabinets (across × down) or in metres, everything a buyer needs to know about the
//! wall. One pure function: the browser recomputes it live, the server recomputes it on
//! submit and never trusts the browser's numbers.

use serde::{Deserialize, Serialize};

/// The largest wall the shop plans, per side, in cabinets.
pub const MAX_CABINETS_PER_SIDE: u32 = 200;

/// What the configurator needs to know about a cabinet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CabinetSpec {
    pub width_mm: u32,
    pub height_mm: u32,
    pub px_w: u32,
    pub px_h: u32,
    pub weight_g: u32,
    pub power_max_w: u32,
    pub power_typical_w: u32,
    /// Pixel pitch in micrometres (3.91 mm = 3910).
    pub pitch_um: u32,
}

/// The wall asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WallRequest {
    Cabinets {
        cols: u32,
        rows: u32,
    },
    /// A target size; the nearest whole number of cabinets is used on each side.
    Size {
        width_mm: u32,
        height_mm: u32,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WallPlan {
    pub cols: u32,
    pub rows: u32,
    pub cabinets: u32,
    pub width_mm: u32,
    pub height_mm: u32,
    pub px_w: u32,
    pub px_h: u32,
    pub pixels: u64,
    /// The aspect ratio reduced to lowest terms (e.g. 16:9).
    pub aspect_w: u32,
    pub aspect_h: u32,
    /// Width ÷ height × 100, rounded (178 for 16:9).
    pub aspect_hundredths: u32,
    pub power_typical_w: u64,
    pub power_max_w: u64,
    pub weight_g: u64,
    /// Closest comfortable viewing distance: about one metre per millimetre of pitch.
    pub min_viewing_distance_mm: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WallError {
    /// Zero cabinets, a zero size, or a cabinet with no size.
    Empty,
    TooLarge,
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Cabinets needed along one side to come nearest to `target_mm` (at least one).
fn nearest_count(target_mm: u32, cabinet_mm: u32) -> u32 {
    let count = (u64::from(target_mm) + u64::from(cabinet_mm) / 2) / u64::from(cabinet_mm);
    count.clamp(1, u64::from(u32::MAX)) as u32
}

pub fn plan_wall(cabinet: &CabinetSpec, request: WallRequest) -> Result<WallPlan, WallError> {
    if cabinet.width_mm == 0 || cabinet.height_mm == 0 || cabinet.px_w == 0 || cabinet.px_h == 0 {
        return Err(WallError::Empty);
    }
    let (cols, rows) = match request {
        WallRequest::Cabinets { cols, rows } => (cols, rows),
        WallRequest::Size {
            width_mm,
            height_mm,
        } => {
            if width_mm == 0 || height_mm == 0 {
                return Err(WallError::Empty);
            }
            (
                nearest_count(width_mm, cabinet.width_mm),
                nearest_count(height_mm, cabinet.height_mm),
            )
        }
    };
    if cols == 0 || rows == 0 {
        return Err(WallError::Empty);
    }
    if cols > MAX_CABINETS_PER_SIDE || rows > MAX_CABINETS_PER_SIDE {
        return Err(WallError::TooLarge);
    }
    let cabinets = cols * rows;
    let px_w = cols * cabinet.px_w;
    let px_h = rows * cabinet.px_h;
    let divisor = gcd(px_w, px_h);
    let n = u64::from(cabinets);
    Ok(WallPlan {
        cols,
        rows,
        cabinets,
        width_mm: cols * cabinet.width_mm,
        height_mm: rows * cabinet.height_mm,
        px_w,
        px_h,
        pixels: u64::from(px_w) * u64::from(px_h),
        aspect_w: px_w / divisor,
        aspect_h: px_h / divisor,
        aspect_hundredths: ((u64::from(px_w) * 100 + u64::from(px_h) / 2) / u64::from(px_h)) as u32,
        power_typical_w: n * u64::from(cabinet.power_typical_w),
        power_max_w: n * u64::from(cabinet.power_max_w),
        weight_g: n * u64::from(cabinet.weight_g),
        min_viewing_distance_mm: cabinet.pitch_um,
    })
}

/// How many controllers of `capacity_px` pixels each drive `pixels` (at least one).
pub fn controllers_needed(pixels: u64, capacity_px: u64) -> u64 {
    if capacity_px == 0 {
        return 1;
    }
    pixels.div_ceil(capacity_px).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A P3.91 outdoor cabinet: 500 × 500 mm, 128 × 128 pixels, 7.5 kg, 200 W max, 70 W typical.
    fn p391() -> CabinetSpec {
        CabinetSpec {
            width_mm: 500,
            height_mm: 500,
            px_w: 128,
            px_h: 128,
            weight_g: 7_500,
            power_max_w: 200,
            power_typical_w: 70,
            pitch_um: 3_910,
        }
    }

    /// A P10 fixed cabinet: 960 × 960 mm, 96 × 96 pixels, 32 kg, 780 W max, 260 W typical.
    fn p10() -> CabinetSpec {
        CabinetSpec {
            width_mm: 960,
            height_mm: 960,
            px_w: 96,
            px_h: 96,
            weight_g: 32_000,
            power_max_w: 780,
            power_typical_w: 260,
            pitch_um: 10_000,
        }
    }

    #[test]
    fn a_four_by_three_wall_of_p391_cabinets() {
        let wall = plan_wall(&p391(), WallRequest::Cabinets { cols: 4, rows: 3 }).unwrap();
        assert_eq!((wall.width_mm, wall.height_mm), (2_000, 1_500));
        assert_eq!((wall.px_w, wall.px_h), (512, 384));
        assert_eq!(wall.pixels, 196_608);
        assert_eq!(
            (wall.aspect_w, wall.aspect_h, wall.aspect_hundredths),
            (4, 3, 133)
        );
        assert_eq!(wall.cabinets, 12);
        assert_eq!((wall.power_typical_w, wall.power_max_w), (840, 2_400));
        assert_eq!(wall.weight_g, 90_000);
        assert_eq!(wall.min_viewing_distance_mm, 3_910);
    }

    #[test]
    fn a_size_in_metres_rounds_to_the_nearest_cabinet() {
        // 3.2 m ÷ 0.96 m = 3.33 → 3 across; 1.8 m ÷ 0.96 m = 1.875 → 2 down.
        let wall = plan_wall(
            &p10(),
            WallRequest::Size {
                width_mm: 3_200,
                height_mm: 1_800,
            },
        )
        .unwrap();
        assert_eq!((wall.cols, wall.rows), (3, 2));
        assert_eq!((wall.width_mm, wall.height_mm), (2_880, 1_920));
        assert_eq!((wall.px_w, wall.px_h), (288, 192));
        assert_eq!((wall.aspect_w, wall.aspect_h), (3, 2));
        assert_eq!(wall.weight_g, 192_000);
        // A size smaller than one cabinet still gets one.
        let tiny = plan_wall(
            &p10(),
            WallRequest::Size {
                width_mm: 100,
                height_mm: 100,
            },
        )
        .unwrap();
        assert_eq!((tiny.cols, tiny.rows), (1, 1));
    }

    #[test]
    fn a_sixteen_by_nine_wall() {
        let wall = plan_wall(&p391(), WallRequest::Cabinets { cols: 16, rows: 9 }).unwrap();
        assert_eq!(
            (wall.aspect_w, wall.aspect_h, wall.aspect_hundredths),
            (16, 9, 178)
        );
        assert_eq!((wall.px_w, wall.px_h), (2_048, 1_152));
    }

    #[test]
    fn empty_and_huge_walls_are_refused() {
        assert_eq!(
            plan_wall(&p391(), WallRequest::Cabinets { cols: 0, rows: 3 }),
            Err(WallError::Empty)
        );
        assert_eq!(
            plan_wall(
                &p391(),
                WallRequest::Size {
                    width_mm: 0,
                    height_mm: 3
                }
            ),
            Err(WallError::Empty)
        );
        assert_eq!(
            plan_wall(
                &p391(),
                WallRequest::Cabinets {
                    cols: MAX_CABINETS_PER_SIDE + 1,
                    rows: 1
                }
            ),
            Err(WallError::TooLarge)
        );
        assert_eq!(
            plan_wall(
                &p391(),
                WallRequest::Size {
                    width_mm: u32::MAX,
                    height_mm: 1000
                }
            ),
            Err(WallError::TooLarge)
        );
        let broken = CabinetSpec { px_w: 0, ..p391() };
        assert_eq!(
            plan_wall(&broken, WallRequest::Cabinets { cols: 1, rows: 1 }),
            Err(WallError::Empty)
        );
    }

    #[test]
    fn controllers_cover_the_pixels() {
        assert_eq!(controllers_needed(196_608, 655_360), 1);
        assert_eq!(controllers_needed(2_359_296, 655_360), 4);
        assert_eq!(controllers_needed(655_360, 655_360), 1);
        assert_eq!(controllers_needed(0, 655_360), 1);
    }
}
