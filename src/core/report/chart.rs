//! The readiness bar chart as SVG markup: one bar per dimension on 0-100, band limits as dashed lines,
//! and each bar's figure and level written beside it, so the chart reads without colour.
//! The same markup appears on the results view, in the printed report and in the downloaded file.

use super::escape::html;
use super::tenths;
use crate::core::content::model::Pack;
use crate::core::scoring::readiness::{band_bounds, ReadinessResult};
use std::fmt::Write;

const WIDTH: u32 = 720;
const LABEL_W: u32 = 250;
const BAR_W: u32 = 300;
const ROW_H: u32 = 30;
const TOP: u32 = 28;
/// Fills by band, light to dark; text never sits on them.
const FILLS: [&str; 4] = ["#b9c7d6", "#7d98b3", "#3f6a93", "#12324f"];

/// `title` names the chart for assistive technology; the table beside it carries the same figures.
pub fn readiness_bars(pack: &Pack, result: &ReadinessResult, title: &str) -> String {
    let r = &pack.readiness;
    let height = TOP + ROW_H * result.dimensions.len() as u32 + 8;
    // In a right-to-left language the chart is mirrored: names on the right, bars growing leftwards.
    // The drawing is `direction="ltr"` either way, so that a text's "start" is always its left.
    let rtl = crate::core::content::right_to_left();
    let at = |x: u32| if rtl { WIDTH - x } else { x };
    let start = if rtl { "end" } else { "start" };
    // Right to left, each label reads as a right-to-left run (id, then name, from the right), as the
    // table beside the chart does: isolated, so the drawing's own direction stays left to right.
    let (open, close) = if rtl { ("\u{2067}", "\u{2069}") } else { ("", "") };
    let x = |score: u32| LABEL_W + score * BAR_W / 1000;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" role=\"img\" direction=\"ltr\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\
         <title>{}</title>",
        html(title)
    );
    // Axis and band limits, labelled with their values at the top (the levels' names are beside the bars).
    for b in r.bands.iter() {
        let from = band_bounds(b).0;
        let bx = at(x(from));
        let _ = write!(
            svg,
            "<line x1=\"{bx}\" y1=\"{}\" x2=\"{bx}\" y2=\"{height}\" stroke=\"#6b7785\" stroke-dasharray=\"3 3\"/>\
             <text x=\"{bx}\" y=\"14\" text-anchor=\"middle\" fill=\"#3b4550\">{}</text>",
            TOP - 6,
            tenths(from)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"14\" text-anchor=\"middle\" fill=\"#3b4550\">100</text>",
        at(x(1000))
    );
    for (i, d) in result.dimensions.iter().enumerate() {
        let y = TOP + ROW_H * i as u32;
        let name = r.dimensions.iter().find(|x| x.id == d.id).map(|x| x.name.as_ref()).unwrap_or_default();
        let short: String = if name.chars().count() > 30 {
            name.chars().take(29).collect::<String>() + "…"
        } else {
            name.to_string()
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{start}\" fill=\"#1b1f24\">{open}{} {}{close}</text>",
            at(0),
            y + 19,
            html(d.id),
            html(&short)
        );
        match d.score {
            Some(score) => {
                let band_index = d.band.and_then(|b| r.bands.iter().position(|x| x.id == b.id)).unwrap_or(0);
                let w = (x(score) - LABEL_W).max(2);
                let level = d.band.map(|b| b.label.as_ref()).unwrap_or_default();
                let _ = write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"18\" fill=\"{}\" stroke=\"#12324f\"/>\
                     <text x=\"{}\" y=\"{}\" text-anchor=\"{start}\" fill=\"#1b1f24\">{open}{} · {}{close}</text>",
                    if rtl { WIDTH - LABEL_W - w } else { LABEL_W },
                    y + 6,
                    FILLS[band_index.min(FILLS.len() - 1)],
                    at(LABEL_W + w + 6),
                    y + 19,
                    tenths(score),
                    html(level)
                );
            }
            None => {
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"{start}\" fill=\"#3b4550\" font-style=\"italic\">{}</text>",
                    at(LABEL_W + 6),
                    y + 19,
                    html(super::s("results.no_answers"))
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}
