//! Charts drawn by the shop as inline SVG, on the server like the rest of the page (no
//! chart library, no script needed): columns or a line over days, and horizontal bars for
//! rankings. The drawing is hidden from screen readers; the table under each chart gives
//! the same figures exactly. The drawing is 360 units wide, so that its labels keep their
//! size on a phone.

pub mod geometry;

use crate::i18n::{Key, tr};
use geometry::{Frame, coord};
use leptos::{either::Either, prelude::*};

const FRAME: Frame = Frame::new(360.0, 180.0);
/// Day labels under a chart at most.
const LABELS: usize = 5;
const BAR_ROW: f64 = 24.0;
const BAR_LABEL_WIDTH: f64 = 150.0;
const BAR_VALUE_WIDTH: f64 = 40.0;
/// Characters of a name drawn beside its bar (the table has it whole).
const BAR_NAME_CHARS: usize = 22;

/// One figure of a chart: its name in the table, its label under the drawing, its value
/// as drawn and as written in the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub name: String,
    pub short: String,
    pub value: i64,
    pub shown: String,
}

impl Point {
    /// A point whose value is written as it is.
    pub fn count(name: String, short: String, value: i64) -> Point {
        Point {
            name,
            short,
            value,
            shown: value.to_string(),
        }
    }
}

/// An axis value in few characters: `950`, `12k`, `1.5M`.
pub fn compact(value: i64) -> String {
    match value {
        v if v.abs() < 10_000 => v.to_string(),
        v if v.abs() < 1_000_000 => format!("{}k", v / 1000),
        v => {
            let tenths = v / 100_000;
            match tenths % 10 {
                0 => format!("{}M", tenths / 10),
                t => format!("{}.{}M", tenths / 10, t.abs()),
            }
        }
    }
}

/// How a chart over days draws its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Columns,
    Line,
}

/// A chart of values over days (or any ordered labels), with its table.
#[component]
pub fn TimeChart(
    caption: Key,
    label_header: Key,
    value_header: Key,
    points: Vec<Point>,
    shape: Shape,
    #[prop(into)] test_id: String,
) -> impl IntoView {
    let values: Vec<i64> = points.iter().map(|p| p.value).collect();
    let (ticks, labels, marks) = match shape {
        Shape::Columns => {
            let c = geometry::columns(FRAME, &values, LABELS);
            let bars = c
                .columns
                .iter()
                .map(|b| {
                    view! {
                        <rect class="chart-mark" x=coord(b.x) y=coord(b.y)
                            width=coord(b.width) height=coord(b.height) />
                    }
                })
                .collect_view();
            (c.ticks, c.labels, Either::Left(bars))
        }
        Shape::Line => {
            let l = geometry::line(FRAME, &values, LABELS);
            let dots = l
                .dots
                .iter()
                .map(|&(x, y, _)| view! { <circle class="chart-dot" cx=coord(x) cy=coord(y) r="2.5" /> })
                .collect_view();
            let line = view! { <polyline class="chart-line" points=l.points fill="none" /> };
            (l.ticks, l.labels, Either::Right((line, dots)))
        }
    };
    let (left, right) = (FRAME.left, FRAME.width - FRAME.right);
    let label_y = FRAME.height - 8.0;
    view! {
        <figure class="chart" data-testid=test_id>
            <figcaption>{tr(caption)}</figcaption>
            <svg class="chart-drawing" viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                aria-hidden="true" focusable="false">
                {ticks.iter().map(|t| view! {
                    <line class="chart-grid" x1=coord(left) x2=coord(right) y1=coord(t.pos) y2=coord(t.pos) />
                    <text class="chart-tick" x=coord(left - 6.0) y=coord(t.pos + 4.0) text-anchor="end">
                        {compact(t.value)}
                    </text>
                }).collect_view()}
                {marks}
                {labels.iter().map(|&(x, i)| view! {
                    <text class="chart-tick" x=coord(x) y=coord(label_y) text-anchor="middle">
                        {points.get(i).map(|p| p.short.clone())}
                    </text>
                }).collect_view()}
            </svg>
            <FigureTable label_header value_header points=points.clone() />
        </figure>
    }
}

/// A ranking drawn as horizontal bars, largest first as given, with its table.
#[component]
pub fn BarChart(
    caption: Key,
    label_header: Key,
    value_header: Key,
    points: Vec<Point>,
    #[prop(into)] test_id: String,
) -> impl IntoView {
    let values: Vec<i64> = points.iter().map(|p| p.value).collect();
    // The value is written after its bar: the longest bar leaves room for it.
    let (bars, height) = geometry::bars(
        FRAME.width - BAR_VALUE_WIDTH,
        BAR_ROW,
        BAR_LABEL_WIDTH,
        &values,
    );
    let drawn = bars
        .iter()
        .zip(&points)
        .map(|(b, p)| {
            let name: String = p.short.chars().take(BAR_NAME_CHARS).collect();
            let middle = coord(b.y + b.height / 2.0 + 4.0);
            view! {
                <text class="chart-tick" x="0" y=middle.clone()>{name}</text>
                <rect class="chart-mark" x=coord(b.x) y=coord(b.y) width=coord(b.width) height=coord(b.height) />
                <text class="chart-value" x=coord(b.x + b.width + 4.0) y=middle>{compact(b.value)}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=test_id>
            <figcaption>{tr(caption)}</figcaption>
            {(!points.is_empty()).then(|| view! {
                <svg class="chart-drawing" viewBox=format!("0 0 {} {}", FRAME.width, coord(height))
                    aria-hidden="true" focusable="false">
                    {drawn}
                </svg>
            })}
            <FigureTable label_header value_header points=points.clone() />
        </figure>
    }
}

/// The figures of a chart as a table ("nothing recorded" when there are none).
#[component]
fn FigureTable(label_header: Key, value_header: Key, points: Vec<Point>) -> impl IntoView {
    if points.is_empty() {
        return Either::Left(view! { <p class="muted">{tr(Key::AnalyticsNothing)}</p> });
    }
    Either::Right(view! {
        <div class="table-scroll chart-figures">
            <table class="table figures-table">
                <thead><tr>
                    <th scope="col">{tr(label_header)}</th>
                    <th scope="col" class="num">{tr(value_header)}</th>
                </tr></thead>
                <tbody>
                    {points.into_iter().map(|p| view! {
                        <tr><td dir="auto">{p.name}</td><td class="num">{p.shown}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_values_are_short() {
        assert_eq!(compact(950), "950");
        assert_eq!(compact(9_999), "9999");
        assert_eq!(compact(12_500), "12k");
        assert_eq!(compact(1_500_000), "1.5M");
        assert_eq!(compact(2_000_000), "2M");
    }
}
