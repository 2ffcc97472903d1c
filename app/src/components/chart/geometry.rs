//! Geometry for server-rendered SVG charts: numbers and strings only, no markup.
//! Coordinates follow SVG: y grows downwards, the baseline is at `height - bottom`.

/// The drawing area: a viewBox of `width` x `height` with margins for axis labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// A frame with margins left 48, right 12, top 12, bottom 28.
    pub const fn new(width: f64, height: f64) -> Frame {
        Frame {
            width,
            height,
            left: 48.0,
            right: 12.0,
            top: 12.0,
            bottom: 28.0,
        }
    }

    /// Width of the plot area between the margins (never negative).
    pub fn plot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(0.0)
    }

    /// Height of the plot area between the margins (never negative).
    pub fn plot_height(&self) -> f64 {
        (self.height - self.top - self.bottom).max(0.0)
    }

    /// The y of the zero line.
    pub fn baseline(&self) -> f64 {
        self.top + self.plot_height()
    }

    /// The y of `value` on an axis that ends at `top_value`.
    fn y_of(&self, value: i64, top_value: i64) -> f64 {
        let ratio = value.max(0) as f64 / top_value.max(1) as f64;
        self.baseline() - ratio.min(1.0) * self.plot_height()
    }
}

/// A value axis tick: where it is drawn (y for vertical charts) and its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub value: i64,
}

/// How many ticks the value axis of columns and lines aims for.
pub const AXIS_TICKS: usize = 5;

/// A "nice" axis from 0 up to a round maximum >= `max`, in 1/2/5 x 10^n steps,
/// with at most `count` ticks (`count` is kept within 2..=50).
/// `max <= 0` gives `[0, 1]`. If the round maximum would pass `i64::MAX`,
/// the last tick is `i64::MAX`.
pub fn nice_axis(max: i64, count: usize) -> Vec<i64> {
    if max <= 0 {
        return vec![0, 1];
    }
    let max = max as i128;
    let intervals = count.clamp(2, 50) as i128 - 1;
    let mut pow: i128 = 1;
    let step = loop {
        if let Some(s) = [1, 2, 5]
            .iter()
            .map(|m| m * pow)
            .find(|s| s * intervals >= max)
        {
            break s;
        }
        pow *= 10;
    };
    let n = (max + step - 1) / step;
    (0..=n)
        .map(|k| i64::try_from(k * step).unwrap_or(i64::MAX))
        .collect()
}

/// The indexes of the labels to show among `n` categories: at most `max_labels`,
/// evenly spaced, always the first and the last. `max_labels` 0 shows none, 1 only the first.
pub fn thin_labels(n: usize, max_labels: usize) -> Vec<usize> {
    let k = max_labels.min(n);
    match k {
        0 => Vec::new(),
        1 => vec![0],
        _ => (0..k)
            .map(|i| (i * (n - 1) + (k - 1) / 2) / (k - 1))
            .collect(),
    }
}

/// Ticks of a value axis whose top is the largest of `values`, placed in `frame`.
fn axis_ticks(frame: &Frame, values: &[i64]) -> Vec<Tick> {
    let axis = nice_axis(values.iter().copied().max().unwrap_or(0), AXIS_TICKS);
    let top = *axis.last().unwrap_or(&1);
    axis.iter()
        .map(|&value| Tick {
            pos: frame.y_of(value, top),
            value,
        })
        .collect()
}

/// A vertical column; `value` is the input with negatives shown as 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub value: i64,
}

/// Columns, value-axis ticks, and shown labels as (x centre, category index).
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub columns: Vec<Column>,
    pub ticks: Vec<Tick>,
    pub labels: Vec<(f64, usize)>,
}

/// One column per category in equal slots; each column takes 80% of its slot
/// (at least 1 wide) and grows up from the baseline. Negative values count as 0.
pub fn columns(frame: Frame, values: &[i64], max_labels: usize) -> Columns {
    let ticks = axis_ticks(&frame, values);
    let top = ticks.last().map_or(1, |t| t.value);
    let slot = frame.plot_width() / values.len().max(1) as f64;
    let width = (slot * 0.8).max(1.0);
    let right = frame.left + frame.plot_width();
    let centre = |i: usize| frame.left + slot * (i as f64 + 0.5);
    let columns = values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let value = v.max(0);
            let y = frame.y_of(value, top);
            let x = (centre(i) - width / 2.0).clamp(frame.left, (right - width).max(frame.left));
            Column {
                x,
                y,
                width,
                height: frame.baseline() - y,
                value,
            }
        })
        .collect();
    let labels = thin_labels(values.len(), max_labels)
        .into_iter()
        .map(|i| (centre(i), i))
        .collect();
    Columns {
        columns,
        ticks,
        labels,
    }
}

/// A line chart: the SVG `points` text, the dots as (x, y, value), ticks and shown labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub points: String,
    pub dots: Vec<(f64, f64, i64)>,
    pub ticks: Vec<Tick>,
    pub labels: Vec<(f64, usize)>,
}

/// A line through the values, spread from the left to the right edge of the plot
/// (a single value is centred). Negative values count as 0.
pub fn line(frame: Frame, values: &[i64], max_labels: usize) -> Line {
    let ticks = axis_ticks(&frame, values);
    let top = ticks.last().map_or(1, |t| t.value);
    let n = values.len();
    let x_of = |i: usize| match n {
        0 | 1 => frame.left + frame.plot_width() / 2.0,
        _ => frame.left + frame.plot_width() * i as f64 / (n - 1) as f64,
    };
    let dots: Vec<(f64, f64, i64)> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| (x_of(i), frame.y_of(v, top), v.max(0)))
        .collect();
    let points = dots
        .iter()
        .map(|&(x, y, _)| format!("{},{}", coord(x), coord(y)))
        .collect::<Vec<_>>()
        .join(" ");
    let labels = thin_labels(n, max_labels)
        .into_iter()
        .map(|i| (x_of(i), i))
        .collect();
    Line {
        points,
        dots,
        ticks,
        labels,
    }
}

/// A horizontal bar starting at `x`; `value` is the input with negatives shown as 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub value: i64,
}

/// Horizontal bars, one row of height `row` each, the bar taking 80% of the row.
/// Bars start after `label_width`; the largest value fills the rest of `width`,
/// and any value above 0 is at least 1 wide. Returns the bars and the total height.
pub fn bars(width: f64, row: f64, label_width: f64, values: &[i64]) -> (Vec<Bar>, f64) {
    let row = row.max(0.0);
    let x = label_width.max(0.0).min(width.max(0.0));
    let room = (width - x).max(0.0);
    let largest = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let value = v.max(0);
            let mut w = room * value as f64 / largest;
            if value > 0 {
                w = w.max(1.0).min(room);
            }
            Bar {
                x,
                y: row * (i as f64 + 0.1),
                width: w,
                height: row * 0.8,
                value,
            }
        })
        .collect();
    (bars, row * values.len() as f64)
}

/// Formats a coordinate with at most one decimal, no trailing ".0" ("12", "12.5").
/// Non-finite numbers give "0".
pub fn coord(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let s = format!("{:.1}", (v * 10.0).round() / 10.0 + 0.0);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    if s == "-0" { "0".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Frame = Frame::new(360.0, 140.0); // plot 300 x 100 at (48, 12), baseline 112

    #[test]
    fn nice_axis_examples() {
        assert_eq!(nice_axis(7, 5), vec![0, 2, 4, 6, 8]);
        assert_eq!(nice_axis(1234, 5), vec![0, 500, 1000, 1500]);
        assert_eq!(nice_axis(10, 5), vec![0, 5, 10]);
        assert_eq!(nice_axis(100, 5), vec![0, 50, 100]);
        assert_eq!(nice_axis(1, 5), vec![0, 1]);
        assert_eq!(nice_axis(3, 2), vec![0, 5]);
        assert_eq!(nice_axis(0, 5), vec![0, 1]);
        assert_eq!(nice_axis(-42, 5), vec![0, 1]);
        assert_eq!(nice_axis(7, 0), vec![0, 10]);
    }

    #[test]
    fn nice_axis_huge() {
        assert_eq!(
            nice_axis(i64::MAX / 4, 5),
            vec![
                0,
                1_000_000_000_000_000_000,
                2_000_000_000_000_000_000,
                3_000_000_000_000_000_000
            ]
        );
        assert_eq!(
            nice_axis(i64::MAX, 5),
            vec![0, 5_000_000_000_000_000_000, i64::MAX]
        );
        assert_eq!(nice_axis(i64::MAX, 2), vec![0, i64::MAX]);
        assert!(nice_axis(i64::MAX, usize::MAX).len() <= 50);
    }

    #[test]
    fn frame_defaults() {
        assert_eq!((F.left, F.right, F.top, F.bottom), (48.0, 12.0, 12.0, 28.0));
        assert_eq!(
            (F.plot_width(), F.plot_height(), F.baseline()),
            (300.0, 100.0, 112.0)
        );
    }

    #[test]
    fn columns_exact() {
        let c = columns(F, &[0, 5, 10], 7);
        let got: Vec<_> = c
            .columns
            .iter()
            .map(|c| (c.x, c.y, c.width, c.height, c.value))
            .collect();
        assert_eq!(
            got,
            vec![
                (58.0, 112.0, 80.0, 0.0, 0),
                (158.0, 62.0, 80.0, 50.0, 5),
                (258.0, 12.0, 80.0, 100.0, 10)
            ]
        );
        assert_eq!(
            c.ticks,
            vec![
                Tick {
                    pos: 112.0,
                    value: 0
                },
                Tick {
                    pos: 62.0,
                    value: 5
                },
                Tick {
                    pos: 12.0,
                    value: 10
                }
            ]
        );
        assert_eq!(c.labels, vec![(98.0, 0), (198.0, 1), (298.0, 2)]);
    }

    #[test]
    fn columns_empty_single_zero_negative() {
        let e = columns(F, &[], 7);
        assert!(e.columns.is_empty() && e.labels.is_empty());
        assert_eq!(
            e.ticks.iter().map(|t| (t.pos, t.value)).collect::<Vec<_>>(),
            vec![(112.0, 0), (12.0, 1)]
        );
        let one = columns(F, &[3], 7);
        assert_eq!((one.columns[0].x, one.columns[0].width), (78.0, 240.0));
        assert_eq!(one.labels, vec![(198.0, 0)]);
        let z = columns(F, &[0, 0, 0], 7);
        assert!(z.columns.iter().all(|c| c.height == 0.0 && c.y == 112.0));
        let n = columns(F, &[-5, 4], 7);
        assert_eq!(
            (n.columns[0].height, n.columns[0].value, n.columns[1].height),
            (0.0, 0, 100.0)
        );
    }

    #[test]
    fn columns_narrow_and_huge_stay_inside() {
        let many = columns(F, &vec![1; 1000], 7);
        for c in &many.columns {
            assert_eq!(c.width, 1.0);
            assert!(c.x >= 48.0 && c.x + c.width <= 348.0);
        }
        let h = columns(F, &[i64::MAX, i64::MAX / 2, 0], 7);
        assert_eq!(h.columns[0].y, 12.0);
        assert!(
            h.columns
                .iter()
                .all(|c| c.y >= 12.0 && c.y + c.height <= 112.0 + 1e-9)
        );
    }

    #[test]
    fn thinning() {
        assert_eq!(thin_labels(31, 7), vec![0, 5, 10, 15, 20, 25, 30]);
        assert_eq!(thin_labels(3, 7), vec![0, 1, 2]);
        assert_eq!(thin_labels(31, 2), vec![0, 30]);
        assert_eq!(thin_labels(31, 1), vec![0]);
        assert_eq!(thin_labels(31, 0), Vec::<usize>::new());
        assert_eq!(thin_labels(0, 7), Vec::<usize>::new());
        assert_eq!(thin_labels(1, 7), vec![0]);
        assert_eq!(thin_labels(10, 4), vec![0, 3, 6, 9]);
        let days = columns(F, &[1; 31], 7);
        assert_eq!(
            days.labels.iter().map(|l| l.1).collect::<Vec<_>>(),
            vec![0, 5, 10, 15, 20, 25, 30]
        );
        let gaps: Vec<f64> = days.labels.windows(2).map(|w| w[1].0 - w[0].0).collect();
        assert!(gaps.iter().all(|g| (g - gaps[0]).abs() < 1e-9));
    }

    #[test]
    fn line_exact() {
        let l = line(F, &[0, 5, 10], 7);
        assert_eq!(l.points, "48,112 198,62 348,12");
        assert_eq!(
            l.dots,
            vec![(48.0, 112.0, 0), (198.0, 62.0, 5), (348.0, 12.0, 10)]
        );
        assert_eq!(l.labels, vec![(48.0, 0), (198.0, 1), (348.0, 2)]);
        assert_eq!(l.ticks.len(), 3);
        let odd = line(F, &[0, 7, 3], 7); // axis 0..8
        assert_eq!(odd.points, "48,112 198,24.5 348,74.5");
    }

    #[test]
    fn line_edges() {
        let e = line(F, &[], 7);
        assert_eq!((e.points.as_str(), e.dots.len(), e.ticks.len()), ("", 0, 2));
        let one = line(F, &[4], 1);
        assert_eq!(one.points, "198,12");
        assert_eq!(one.labels, vec![(198.0, 0)]);
        let neg = line(F, &[-3, 0], 0);
        assert_eq!(neg.points, "48,112 348,112");
        assert!(neg.labels.is_empty());
        let huge = line(F, &[i64::MAX, 1], 7);
        assert_eq!(huge.points, "48,12 348,112");
    }

    #[test]
    fn bars_exact() {
        let (b, h) = bars(300.0, 20.0, 100.0, &[50, 100, 0, -4, 1]);
        assert_eq!(h, 100.0);
        let got: Vec<_> = b
            .iter()
            .map(|b| (b.x, b.y, b.width, b.height, b.value))
            .collect();
        assert_eq!(got[0], (100.0, 2.0, 100.0, 16.0, 50));
        assert_eq!(got[1], (100.0, 22.0, 200.0, 16.0, 100));
        assert_eq!((b[2].width, b[3].width, b[3].value), (0.0, 0.0, 0));
        assert_eq!(b[4].width, 2.0);
        let (tiny, _) = bars(300.0, 20.0, 100.0, &[1_000_000, 1]);
        assert_eq!(tiny[1].width, 1.0);
        let (empty, h) = bars(300.0, 20.0, 100.0, &[]);
        assert!(empty.is_empty() && h == 0.0);
        let (zero, _) = bars(300.0, 20.0, 100.0, &[0, 0]);
        assert!(zero.iter().all(|b| b.width == 0.0));
        let (huge, _) = bars(300.0, 20.0, 100.0, &[i64::MAX, i64::MAX / 2]);
        assert_eq!((huge[0].width, huge[1].width), (200.0, 100.0));
        let (cramped, _) = bars(50.0, 20.0, 100.0, &[5]);
        assert_eq!((cramped[0].x, cramped[0].width), (50.0, 0.0));
    }

    #[test]
    fn coord_format() {
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(12.5), "12.5");
        assert_eq!(coord(12.04), "12");
        assert_eq!(coord(12.06), "12.1");
        assert_eq!(coord(-3.25), "-3.3");
        assert_eq!(coord(-0.04), "0");
        assert_eq!(coord(f64::NAN), "0");
        assert_eq!(coord(f64::INFINITY), "0");
    }
}
