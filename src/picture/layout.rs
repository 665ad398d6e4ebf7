//! Force-directed layout (Fruchterman–Reingold), seeded and deterministic.
//!
//! Linked films pull together (force `d²/k`, scaled by the link's weight),
//! all films push apart (`k²/d`), and a weak pull to the centre keeps
//! unlinked groups in view. Repulsion is computed against films in
//! neighbouring cells of a grid (cell size `2k`), so a step costs about
//! O(n) instead of O(n²), and 5,000 films lay out in a few seconds. The
//! temperature (the most a film may move in a step) cools geometrically.
//! Positions are returned in the unit square.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::Edge;

/// Steps of the simulation.
pub const ITERATIONS: usize = 400;

/// Positions in `[0, 1]²` for `n` nodes linked by `edges`.
pub fn layout(n: usize, edges: &[Edge], seed: u64) -> Vec<(f32, f32)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut pos: Vec<(f32, f32)> = (0..n)
        .map(|_| (rng.random::<f32>(), rng.random::<f32>()))
        .collect();
    let k = (1.0 / n as f32).sqrt() * 0.9;
    let cell = 2.0 * k;
    let mut temperature = 0.1f32;
    let mut disp = vec![(0.0f32, 0.0f32); n];
    let mut grid: std::collections::HashMap<(i32, i32), Vec<usize>> =
        std::collections::HashMap::new();
    for _ in 0..ITERATIONS {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        grid.clear();
        for (i, &(x, y)) in pos.iter().enumerate() {
            grid.entry(((x / cell).floor() as i32, (y / cell).floor() as i32))
                .or_default()
                .push(i);
        }
        // Repulsion from films in this and the neighbouring cells.
        for i in 0..n {
            let (x, y) = pos[i];
            let (cx, cy) = ((x / cell).floor() as i32, (y / cell).floor() as i32);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(others) = grid.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in others {
                        if j == i {
                            continue;
                        }
                        let (mut dx, mut dy) = (x - pos[j].0, y - pos[j].1);
                        let mut d2 = dx * dx + dy * dy;
                        if d2 < 1e-8 {
                            // Coincident: push apart along a direction fixed by the indices.
                            let a = (i * 7919 + j * 104_729) as f32;
                            dx = a.sin() * 1e-3;
                            dy = a.cos() * 1e-3;
                            d2 = dx * dx + dy * dy;
                        }
                        if d2 > cell * cell {
                            continue;
                        }
                        let f = k * k / d2; // (k²/d) / d, times (dx, dy)
                        disp[i].0 += dx * f;
                        disp[i].1 += dy * f;
                    }
                }
            }
        }
        // Attraction along links.
        for e in edges {
            let (a, b) = (e.source, e.target);
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-6);
            let f = d / k * (0.5 + e.weight); // (d²/k) / d
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        // Gravity towards the centre, and the move, limited by temperature.
        for i in 0..n {
            let (x, y) = pos[i];
            disp[i].0 -= (x - 0.5) * 0.6;
            disp[i].1 -= (y - 0.5) * 0.6;
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                pos[i] = (x + dx / len * step, y + dy / len * step);
            }
        }
        temperature = (temperature * 0.985).max(0.002);
    }
    normalise(&mut pos);
    pos
}

/// Scales positions to fill the unit square, keeping the aspect ratio.
fn normalise(pos: &mut [(f32, f32)]) {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for &(x, y) in pos.iter() {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let span = (x1 - x0).max(y1 - y0).max(1e-6);
    let (ox, oy) = ((span - (x1 - x0)) / 2.0, (span - (y1 - y0)) / 2.0);
    for p in pos.iter_mut() {
        *p = ((p.0 - x0 + ox) / span, (p.1 - y0 + oy) / span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize) -> Edge {
        Edge {
            source: a,
            target: b,
            weight: 1.0,
        }
    }

    #[test]
    fn deterministic_and_in_the_unit_square() {
        let edges: Vec<Edge> = (0..29).map(|i| edge(i, i + 1)).collect();
        let a = layout(30, &edges, 7);
        let b = layout(30, &edges, 7);
        assert_eq!(a, b);
        assert!(a
            .iter()
            .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
        assert_ne!(a, layout(30, &edges, 8));
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked() {
        // Two cliques of five, no link between them.
        let mut edges = Vec::new();
        for base in [0, 5] {
            for i in 0..5 {
                for j in i + 1..5 {
                    edges.push(edge(base + i, base + j));
                }
            }
        }
        let p = layout(10, &edges, 1);
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        let within = (d(0, 1) + d(5, 6)) / 2.0;
        let across = (d(0, 5) + d(1, 6)) / 2.0;
        assert!(within < across, "within {within} across {across}");
    }

    #[test]
    fn no_two_nodes_coincide() {
        let p = layout(200, &[], 3);
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let d = ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt();
                assert!(d > 0.005, "{i} and {j} overlap");
            }
        }
    }
}
