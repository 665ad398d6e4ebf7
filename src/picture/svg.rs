//! SVG drawing of a [`Picture`], with labels placed so they do not overlap.
//!
//! Labels are placed in order of importance (best-connected films first) at
//! the first of eight spots around their node that overlaps no label and no
//! node already placed; a title that finds no spot is shortened and tried
//! again, and otherwise left to the node's tooltip. When more than one label
//! in eight finds no spot, the drawing is enlarged and placement starts over.

use std::fmt::Write as _;

use super::Picture;

const FONT: f32 = 11.0;
/// Average advance of a character at [`FONT`] px in a sans-serif face.
const CHAR_W: f32 = 6.1;
const LEGEND_W: f32 = 300.0;
const TOP: f32 = 64.0;
const MARGIN: f32 = 30.0;

/// An axis-aligned box: x0, y0, x1, y1.
type Rect = (f32, f32, f32, f32);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

pub use crate::text::escape_markup as escape;

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let t: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", t.trim_end())
    }
}

/// A placed label: text, anchor point and text-anchor.
struct Label {
    text: String,
    x: f32,
    y: f32,
    anchor: &'static str,
}

fn radius(strength: f32, max: f32) -> f32 {
    4.0 + 5.0 * (strength / max.max(1e-6)).sqrt()
}

/// Places labels for a drawing `size` px wide; returns them and how many found no spot.
fn place_labels(
    p: &Picture,
    size: f32,
    pt: &dyn Fn(usize) -> (f32, f32),
) -> (Vec<Option<Label>>, usize) {
    let max_strength = p.nodes.iter().map(|n| n.strength).fold(0.0f32, f32::max);
    let mut taken: Vec<Rect> = p
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (x, y) = pt(i);
            let r = radius(n.strength, max_strength);
            (x - r, y - r, x + r, y + r)
        })
        .collect();
    let mut order: Vec<usize> = (0..p.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        p.nodes[b]
            .strength
            .total_cmp(&p.nodes[a].strength)
            .then(p.nodes[a].id.cmp(&p.nodes[b].id))
    });
    let bounds = (
        MARGIN / 2.0,
        TOP - 8.0,
        MARGIN * 1.5 + size,
        TOP + size + MARGIN,
    );
    let mut labels: Vec<Option<Label>> = (0..p.nodes.len()).map(|_| None).collect();
    let mut missing = 0;
    for i in order {
        let (x, y) = pt(i);
        let r = radius(p.nodes[i].strength, max_strength);
        let full = match p.nodes[i].year {
            Some(y) => format!("{} ({y})", p.nodes[i].title),
            None => p.nodes[i].title.clone(),
        };
        let mut placed = None;
        'texts: for text in [shorten(&full, 34), shorten(&p.nodes[i].title, 18)] {
            let w = text.chars().count() as f32 * CHAR_W + 2.0;
            let h = FONT + 2.0;
            let spots: [(f32, f32, &'static str); 8] = [
                (x + r + 3.0, y + FONT * 0.35, "start"),
                (x - r - 3.0, y + FONT * 0.35, "end"),
                (x, y - r - 4.0, "middle"),
                (x, y + r + FONT, "middle"),
                (x + r, y - r - 2.0, "start"),
                (x + r, y + r + FONT - 1.0, "start"),
                (x - r, y - r - 2.0, "end"),
                (x - r, y + r + FONT - 1.0, "end"),
            ];
            for (lx, ly, anchor) in spots {
                let x0 = match anchor {
                    "start" => lx,
                    "end" => lx - w,
                    _ => lx - w / 2.0,
                };
                let rect = (x0, ly - FONT, x0 + w, ly - FONT + h);
                let inside = rect.0 >= bounds.0
                    && rect.1 >= bounds.1
                    && rect.2 <= bounds.2
                    && rect.3 <= bounds.3;
                let own = taken[i];
                if inside && !taken.iter().any(|&t| t != own && overlaps(t, rect)) {
                    taken.push(rect);
                    placed = Some(Label {
                        text: text.clone(),
                        x: lx,
                        y: ly,
                        anchor,
                    });
                    break 'texts;
                }
            }
        }
        if placed.is_none() {
            missing += 1;
        }
        labels[i] = placed;
    }
    (labels, missing)
}

/// The picture as a standalone SVG document.
pub fn render(p: &Picture) -> String {
    let n = p.nodes.len().max(1) as f32;
    let mut size = (n.sqrt() * 115.0).clamp(560.0, 2400.0);
    let (labels, missing) = loop {
        let pt = |i: usize| {
            (
                MARGIN + p.nodes[i].x * size,
                TOP + 10.0 + p.nodes[i].y * size,
            )
        };
        let (labels, missing) = place_labels(p, size, &pt);
        if missing * 8 <= p.nodes.len() || size >= 4000.0 {
            break (labels, missing);
        }
        size *= 1.25;
    };
    let pt = |i: usize| {
        (
            MARGIN + p.nodes[i].x * size,
            TOP + 10.0 + p.nodes[i].y * size,
        )
    };
    let width = (MARGIN * 2.0 + size + LEGEND_W).ceil();
    let height = (TOP + size + MARGIN * 2.0)
        .max(TOP + 40.0 + 22.0 * p.legend.len() as f32)
        .ceil();
    let max_strength = p.nodes.iter().map(|n| n.strength).fold(0.0f32, f32::max);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="slate-title slate-desc" font-family="'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif">"#
    );
    let summary = format!(
        "{} films, {} links; colour shows a theme, link width shows how much two films share{}",
        p.nodes.len(),
        p.edges.len(),
        if missing == 1 {
            "; 1 title shown on hover only".to_string()
        } else if missing > 1 {
            format!("; {missing} titles shown on hover only")
        } else {
            String::new()
        }
    );
    let _ = writeln!(s, r#"<title id="slate-title">{}</title>"#, escape(&p.title));
    let _ = writeln!(s, r#"<desc id="slate-desc">{}</desc>"#, escape(&summary));
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="30" font-size="20" font-weight="bold" fill="#222">{}</text>"##,
        escape(&p.title)
    );
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="50" font-size="12" fill="#555">{}</text>"##,
        escape(&summary)
    );
    let _ = writeln!(
        s,
        r##"<g stroke="#7a7a7a" stroke-opacity="0.45" stroke-linecap="round">"##
    );
    for e in &p.edges {
        let (a, b) = (pt(e.source), pt(e.target));
        let w =
            0.6 + 3.4 * ((e.weight - super::MIN_LINK) / (1.0 - super::MIN_LINK)).clamp(0.0, 1.0);
        let _ = writeln!(
            s,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke-width="{w:.2}"/>"#,
            a.0, a.1, b.0, b.1
        );
    }
    s.push_str("</g>\n");
    s.push_str("<g stroke=\"#ffffff\" stroke-width=\"1.2\">\n");
    for (i, node) in p.nodes.iter().enumerate() {
        let (x, y) = pt(i);
        let theme = node
            .legend
            .and_then(|l| p.legend.get(l))
            .map(|l| l.label.as_str())
            .unwrap_or("other themes");
        let tip = match node.year {
            Some(yr) => format!("{} ({yr}) — {theme}", node.title),
            None => format!("{} — {theme}", node.title),
        };
        let _ = writeln!(
            s,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="{}"><title>{}</title></circle>"#,
            radius(node.strength, max_strength),
            node.colour,
            escape(&tip)
        );
    }
    s.push_str("</g>\n");
    let _ = writeln!(
        s,
        r##"<g font-size="{FONT}" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" style="paint-order:stroke">"##
    );
    for l in labels.iter().flatten() {
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            l.x,
            l.y,
            l.anchor,
            escape(&l.text)
        );
    }
    s.push_str("</g>\n");
    let lx = MARGIN * 2.0 + size;
    let _ = writeln!(s, r##"<g font-size="12" fill="#222">"##);
    let _ = writeln!(
        s,
        r#"<text x="{lx}" y="{}" font-weight="bold">Colour: theme</text>"#,
        TOP + 10.0
    );
    for (i, entry) in p.legend.iter().enumerate() {
        let y = TOP + 34.0 + 22.0 * i as f32;
        let _ = writeln!(
            s,
            r#"<circle cx="{}" cy="{}" r="6" fill="{}"/><text x="{}" y="{}">{} ({})</text>"#,
            lx + 6.0,
            y - 4.0,
            entry.colour,
            lx + 18.0,
            y,
            escape(&shorten(&entry.label, 36)),
            entry.films
        );
    }
    s.push_str("</g>\n</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>"A & B's"</script>"#),
            "&lt;script&gt;&quot;A &amp; B&#39;s&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "ab");
    }

    #[test]
    fn shortens_long_titles() {
        assert_eq!(shorten("Letters from Marusia", 10), "Letters f…");
        assert_eq!(shorten("Kes", 10), "Kes");
    }
}
