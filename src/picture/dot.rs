//! Graphviz DOT of a [`Picture`], for people who lay graphs out with
//! Graphviz (`sfdp -Tsvg`). Positions are not written: Graphviz lays out.

use std::fmt::Write as _;

use super::Picture;

/// Quotes a DOT string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The picture as an undirected DOT graph.
pub fn render(p: &Picture) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "graph slate {{");
    let _ = writeln!(s, "  label={};", quote(&p.title));
    let _ = writeln!(
        s,
        "  labelloc=t; overlap=false; splines=true; outputorder=edgesfirst;"
    );
    let _ = writeln!(
        s,
        "  node [shape=circle, style=filled, width=0.15, fixedsize=true, fontsize=10, fontname=\"Helvetica\", xlabel=\"\", label=\"\"];"
    );
    let _ = writeln!(s, "  edge [color=\"#7a7a7a80\"];");
    for n in &p.nodes {
        let label = match n.year {
            Some(y) => format!("{} ({y})", n.title),
            None => n.title.clone(),
        };
        let _ = writeln!(
            s,
            "  {} [xlabel={}, fillcolor=\"{}\", tooltip={}];",
            quote(&n.id),
            quote(&label),
            n.colour,
            quote(&label)
        );
    }
    for e in &p.edges {
        let _ = writeln!(
            s,
            "  {} -- {} [weight={:.3}, penwidth={:.2}];",
            quote(&p.nodes[e.source].id),
            quote(&p.nodes[e.target].id),
            e.weight,
            0.5 + 3.0 * e.weight
        );
    }
    let _ = writeln!(s, "  subgraph cluster_legend {{");
    let _ = writeln!(s, "    label=\"Colour: theme\"; style=rounded;");
    for (i, l) in p.legend.iter().enumerate() {
        let _ = writeln!(
            s,
            "    legend{i} [shape=box, width=2.6, fixedsize=false, label={}, fillcolor=\"{}\"];",
            quote(&format!("{} ({})", l.label, l.films)),
            l.colour
        );
    }
    let _ = writeln!(s, "  }}");
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(quote(r#"He said "no" \ yes"#), r#""He said \"no\" \\ yes""#);
    }
}
