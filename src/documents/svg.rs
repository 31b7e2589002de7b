//! Small inline SVG charts for pages that must work offline and print: bars (stacked, with a
//! forecast drawn lighter) and a line. No script, no fonts beyond the page's, no network.

use std::fmt::Write;

use super::html_escape;

/// One series of a chart: its name (the legend), colour and a value per label.
pub struct Series<'a> {
    pub name: &'a str,
    pub colour: &'a str,
    pub values: Vec<Option<f64>>,
}

const W: f64 = 720.0;
const H: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 56.0;

/// A round top for the y axis and its step (1, 2 or 5 times a power of ten).
fn scale(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 0.25);
    }
    let raw = max / 4.0;
    let pow = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * pow);
    ((max / step).ceil() * step, step)
}

fn number(v: f64) -> String {
    // Thousands apart by a thin space, as Swedish and English readers both read them.
    let n = v.round() as i64;
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn frame(title: &str, labels: &[String], top: f64, step: f64, legend: &[(&str, &str)]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" role="img" aria-label="{t}" viewBox="0 0 {W} {H}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = html_escape(title)
    );
    let plot_h = H - TOP - BOTTOM;
    let mut y = 0.0;
    while y <= top + step / 2.0 {
        let py = TOP + plot_h * (1.0 - y / top);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{py:.1}" x2="{x2}" y2="{py:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end" font-size="11">{n}</text>"##,
            x2 = W - RIGHT,
            tx = LEFT - 6.0,
            ty = py + 4.0,
            n = number(y)
        );
        y += step;
    }
    let slot = (W - LEFT - RIGHT) / labels.len().max(1) as f64;
    for (i, l) in labels.iter().enumerate() {
        let x = LEFT + slot * (i as f64 + 0.5);
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{y}" text-anchor="end" font-size="10" transform="rotate(-40 {x:.1} {y})">{l}</text>"#,
            y = H - BOTTOM + 14.0,
            l = html_escape(l)
        );
    }
    let mut lx = LEFT;
    for (name, colour) in legend {
        let _ = write!(
            s,
            r#"<rect x="{lx}" y="8" width="10" height="10" fill="{colour}"/><text x="{tx}" y="17" font-size="11">{n}</text>"#,
            tx = lx + 14.0,
            n = html_escape(name)
        );
        lx += 24.0 + 7.0 * name.chars().count() as f64;
    }
    s
}

/// Bars per label, the series stacked; labels from `forecast_from` on are drawn lighter.
pub fn bars(
    title: &str,
    labels: &[String],
    series: &[Series],
    forecast_from: Option<usize>,
) -> String {
    let totals: Vec<f64> = (0..labels.len())
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().flatten().unwrap_or(0.0).max(0.0))
                .sum()
        })
        .collect();
    let (top, step) = scale(totals.iter().copied().fold(0.0, f64::max));
    let legend: Vec<(&str, &str)> = series.iter().map(|s| (s.name, s.colour)).collect();
    let mut s = frame(title, labels, top, step, &legend);
    let plot_h = H - TOP - BOTTOM;
    let slot = (W - LEFT - RIGHT) / labels.len().max(1) as f64;
    for (i, label) in labels.iter().enumerate() {
        let mut base = 0.0;
        let faded = forecast_from.is_some_and(|f| i >= f);
        for se in series {
            let v = se.values.get(i).copied().flatten().unwrap_or(0.0).max(0.0);
            if v <= 0.0 {
                continue;
            }
            let h = plot_h * v / top;
            let y = TOP + plot_h * (1.0 - (base + v) / top);
            let _ = write!(
                s,
                r#"<rect class="bar" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{c}"{o}><title>{l}: {n}</title></rect>"#,
                x = LEFT + slot * i as f64 + slot * 0.15,
                w = slot * 0.7,
                c = se.colour,
                o = if faded { r#" fill-opacity="0.45""# } else { "" },
                l = html_escape(label),
                n = number(v)
            );
            base += v;
        }
    }
    s.push_str("</svg>");
    s
}

/// One line through the labels; gaps where a value is missing.
pub fn line(title: &str, labels: &[String], series: &Series) -> String {
    let max = series.values.iter().flatten().copied().fold(0.0, f64::max);
    let (top, step) = scale(max);
    let mut s = frame(title, labels, top, step, &[(series.name, series.colour)]);
    let plot_h = H - TOP - BOTTOM;
    let slot = (W - LEFT - RIGHT) / labels.len().max(1) as f64;
    let mut path = String::new();
    let mut pen_down = false;
    for (i, v) in series.values.iter().enumerate() {
        let Some(v) = v else {
            pen_down = false;
            continue;
        };
        let x = LEFT + slot * (i as f64 + 0.5);
        let y = TOP + plot_h * (1.0 - v / top);
        let _ = write!(path, "{}{x:.1},{y:.1} ", if pen_down { "L" } else { "M" });
        pen_down = true;
        let _ = write!(
            s,
            r#"<circle class="point" cx="{x:.1}" cy="{y:.1}" r="3" fill="{c}"><title>{l}: {n}</title></circle>"#,
            c = series.colour,
            l = html_escape(&labels[i]),
            n = number(*v)
        );
    }
    let _ = write!(
        s,
        r#"<path d="{}" fill="none" stroke="{}" stroke-width="2"/></svg>"#,
        path.trim_end(),
        series.colour
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_top_is_round_and_covers_the_largest_value() {
        for (max, top) in [
            (0.0, 1.0),
            (7.0, 8.0),
            (95.0, 100.0),
            (1234.0, 1500.0),
            (0.3, 0.3),
        ] {
            let (t, step) = scale(max);
            assert!((t - top).abs() < 1e-9, "{max}: {t}");
            assert!(t >= max && step > 0.0);
        }
    }

    #[test]
    fn bars_draw_one_rect_per_positive_value_and_fade_the_forecast() {
        let labels: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let svg = bars(
            "Cost <kr>",
            &labels,
            &[
                Series {
                    name: "fee",
                    colour: "#123",
                    values: vec![Some(1.0), Some(2.0), None],
                },
                Series {
                    name: "exp",
                    colour: "#456",
                    values: vec![Some(1.0), Some(0.0), Some(3.0)],
                },
            ],
            Some(2),
        );
        assert_eq!(svg.matches(r#"class="bar""#).count(), 4);
        assert_eq!(svg.matches("fill-opacity").count(), 1);
        assert!(svg.contains("Cost &lt;kr&gt;") && !svg.contains("<kr>"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn a_line_breaks_where_values_are_missing() {
        let labels: Vec<String> = (1..=4).map(|i| i.to_string()).collect();
        let svg = line(
            "Waiting",
            &labels,
            &Series {
                name: "w",
                colour: "#000",
                values: vec![Some(1.0), None, Some(2.0), Some(3.0)],
            },
        );
        assert_eq!(svg.matches(r#"class="point""#).count(), 3);
        let d = svg
            .split(r#"<path d=""#)
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(d.matches('L').count(), 1, "{d}");
    }
}
