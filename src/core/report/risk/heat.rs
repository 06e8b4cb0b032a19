//! The heat maps of a risk assessment: a 5×5 grid of likelihood by severity, each cell coloured by its
//! level with the number of risks in it, and the same counts as a table for those who cannot see it.

use super::level_word;
use crate::core::content::model::Pack;
use crate::core::register::Risk;
use crate::core::report::document::{Block, Line, Svg, Table};
use crate::core::report::escape::html;
use crate::core::report::s;
use crate::core::risk::level;
use std::fmt::Write;

/// Counts of risks per cell: `[likelihood - 1][severity - 1]`, rated risks only.
pub(super) fn cells(risks: &[Risk], residual: bool) -> [[usize; 5]; 5] {
    let mut grid = [[0; 5]; 5];
    for r in risks {
        let (l, sv) = r.rating(residual);
        if (1..=5).contains(&l) && (1..=5).contains(&sv) {
            grid[usize::from(l) - 1][usize::from(sv) - 1] += 1;
        }
    }
    grid
}

/// A 5×5 heat map: likelihood up, severity across, each cell coloured by its level, with the level's
/// initial and the number of risks in it; then the same counts as a table.
pub fn heat_map(pack: &Pack, risks: &[Risk], residual: bool) -> Vec<Block> {
    let grid = cells(risks, residual);
    let title = s(if residual { "riskresults.residual_map" } else { "riskresults.inherent_map" });
    let mut head = vec![s("riskresults.l_by_s").to_string()];
    head.extend(pack.risk.severity.iter().map(|x| format!("{} {}", x.value, x.label)));
    let rows = pack
        .risk
        .likelihood
        .iter()
        .rev()
        .map(|x| {
            let counts = (1..=5u8).map(|sv| {
                let n = grid[usize::from(x.value) - 1][usize::from(sv) - 1];
                Line::text(format!("{n} · {}", level_word(pack, x.value, sv)))
            });
            (format!("{} {}", x.value, x.label), counts.collect())
        })
        .collect();
    vec![
        Block::Figure {
            class: Some("heat"),
            svg: heat_svg(pack, &grid, title, crate::core::content::right_to_left()),
            caption: s("riskresults.map_caption").into(),
        },
        Block::Table(Table {
            class: Some("heat-table"),
            region: Some(title.into()),
            caption: Some(title.into()),
            head,
            rows,
        }),
    ]
}

/// How many letters of each risk level's label tell the levels apart in a cell: one in English (L, M,
/// H, C), two in Arabic, where three of the four begin with the same letter.
fn tag_length(pack: &Pack) -> usize {
    let labels = &pack.risk.risk_levels;
    (1..=4)
        .find(|&n| {
            let tags: std::collections::BTreeSet<String> =
                labels.iter().map(|l| l.label.chars().take(n).collect()).collect();
            tags.len() == labels.len()
        })
        .unwrap_or(4)
}

/// The heat map's drawing; the table beside it carries the same counts for those who cannot see it.
/// In a right-to-left language it is mirrored, as the table is: severity grows towards the left.
fn heat_svg(pack: &Pack, grid: &[[usize; 5]; 5], title: &str, rtl: bool) -> Svg {
    let (cell, left, top) = (56, 96, 8);
    let w = left + 5 * cell + 8;
    // A point's x, and a text's anchor at its start or end, as drawn in the page's direction (the
    // drawing itself is `direction="ltr"`, so that "start" is always its left).
    let at = |x: usize| if rtl { w - x } else { x };
    let (start, end) = if rtl { ("end", "start") } else { ("start", "end") };
    let tag_len = tag_length(pack);
    let mut o = format!(
        "<svg class=\"chart\" role=\"img\" direction=\"ltr\" aria-label=\"{t}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">",
        t = html(title),
        h = top + 5 * cell + 44
    );
    for l in (1..=5u8).rev() {
        let y = top + (5 - usize::from(l)) * cell;
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{end}\" class=\"hm-axis\">{l}</text>",
            at(left - 8),
            y + cell / 2 + 5
        );
        for sv in 1..=5u8 {
            let x = left + (usize::from(sv) - 1) * cell;
            let lv = level(pack, l, sv);
            let id = lv.map_or("none", |x| x.id.as_ref());
            let initial: String = lv.map(|x| x.label.chars().take(tag_len).collect()).unwrap_or_default();
            let n = grid[usize::from(l) - 1][usize::from(sv) - 1];
            let _ = write!(
                o,
                "<rect x=\"{}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" class=\"hm-{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\" class=\"hm-tag\">{}</text>",
                if rtl { w - x - cell } else { x },
                html(id),
                at(x + 4),
                y + 14,
                html(&initial)
            );
            if n > 0 {
                let _ = write!(
                    o,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hm-count\">{n}</text>",
                    at(x + cell / 2),
                    y + cell / 2 + 9
                );
            }
        }
    }
    for sv in 1..=5usize {
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hm-axis\">{sv}</text>",
            at(left + (sv - 1) * cell + cell / 2),
            top + 5 * cell + 18
        );
    }
    let side = at(12);
    let _ = write!(
        o,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hm-axis\">{}</text><text x=\"{side}\" y=\"{}\" class=\"hm-axis\" transform=\"rotate(-90 {side} {})\" text-anchor=\"middle\">{}</text></svg>",
        at(left + 5 * cell / 2),
        top + 5 * cell + 38,
        html(s("risk.severity")),
        top + 5 * cell / 2,
        top + 5 * cell / 2,
        html(s("risk.likelihood"))
    );
    Svg::new(o)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::pack;

    /// The x of the cell drawn for likelihood 5 and severity `sv`.
    fn cell_x(svg: &str, sv: usize) -> usize {
        let cells: Vec<usize> = svg
            .split("<rect x=\"")
            .skip(1)
            .map(|r| r.split('"').next().and_then(|x| x.parse().ok()).expect("a number"))
            .collect();
        cells[sv - 1]
    }

    #[test]
    fn right_to_left_the_heat_map_grows_in_severity_towards_the_left() {
        let grid = [[0; 5]; 5];
        let ltr = heat_svg(pack(), &grid, "map", false).as_str().to_string();
        let rtl = heat_svg(pack(), &grid, "map", true).as_str().to_string();
        assert!(cell_x(&ltr, 1) < cell_x(&ltr, 5), "left to right: severity 5 on the right");
        assert!(cell_x(&rtl, 1) > cell_x(&rtl, 5), "right to left: severity 5 on the left");
        // Mirrored exactly: a cell's two x positions add up to the same width whatever its column.
        let widths: Vec<usize> = (1..=5).map(|sv| cell_x(&ltr, sv) + cell_x(&rtl, sv)).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{widths:?}");
    }
}
