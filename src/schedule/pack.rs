//! Packing one slot: which films of a series to screen in it.
//!
//! A screening of films `F` occupies `intro + Σ runtime + interval·(|F|−1)`
//! minutes and must fit the slot's length. Giving each film the weight
//! `runtime + interval` turns this into a 0/1 knapsack of capacity
//! `length − intro + interval`, solved exactly by dynamic programming over
//! minutes (a film that brings a guest's longer discussion weighs that much
//! more; the caller takes the screening's own discussion off the length).
//! The value of a film is its runtime (fill the slot) plus a small
//! preference (how well it fits the series), scaled so a minute of film
//! always outweighs any preference.

/// Most films in one screening (a shorts package).
pub const MAX_FILMS: usize = 8;

/// A film that may go into the slot.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// Caller's id for the film.
    pub film: usize,
    pub runtime: u32,
    /// Preference between 0 and 1 (ties between equal fills).
    pub preference: f32,
    /// Minutes the film needs besides its runtime (a guest's discussion
    /// longer than the screening's): room it takes without filling it.
    pub extra: u32,
    /// Guests come for it: preferred among equal fills (like `preference`,
    /// never at the cost of a minute of film).
    pub guests: bool,
}

/// The best set of films for a slot: caller ids, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed {
    pub films: Vec<usize>,
    /// Σ runtime of the films.
    pub minutes: u32,
    /// Minutes the screening occupies.
    pub occupied: u32,
}

/// Value units per minute of film; preferences add less than one minute.
const PER_MINUTE: i64 = 1000;

/// Packs `items` into a slot of `length` minutes, after `forced` films that
/// must be in it. Returns None when the forced films alone do not fit.
pub fn pack(
    length: u32,
    intro: u32,
    interval: u32,
    forced: &[Item],
    items: &[Item],
) -> Option<Packed> {
    let forced_weight: u32 = forced.iter().map(|i| i.runtime + interval + i.extra).sum();
    let capacity = (length + interval).checked_sub(intro)?;
    let capacity = capacity.checked_sub(forced_weight)? as usize;
    let room = MAX_FILMS.checked_sub(forced.len())?;
    let n = items.len();
    // best[c] = (value, count) with total weight ≤ c; keep[i][c] = item i taken at capacity c.
    let mut best = vec![(0i64, 0usize); capacity + 1];
    let mut keep = vec![false; n * (capacity + 1)];
    for (i, it) in items.iter().enumerate() {
        let w = (it.runtime + interval + it.extra) as usize;
        if w > capacity || it.runtime == 0 {
            continue;
        }
        let v = it.runtime as i64 * PER_MINUTE
            + (it.preference.clamp(0.0, 1.0) * 900.0) as i64
            + if it.guests { 90 } else { 0 };
        for c in (w..=capacity).rev() {
            let (bv, bn) = best[c - w];
            if bn < room && bv + v > best[c].0 {
                best[c] = (bv + v, bn + 1);
                keep[i * (capacity + 1) + c] = true;
            }
        }
    }
    let mut chosen = Vec::new();
    let mut c = capacity;
    for i in (0..n).rev() {
        if keep[i * (capacity + 1) + c] {
            chosen.push(i);
            c -= (items[i].runtime + interval + items[i].extra) as usize;
        }
    }
    chosen.reverse();
    let mut films: Vec<usize> = forced.iter().map(|i| i.film).collect();
    films.extend(chosen.iter().map(|&i| items[i].film));
    if films.is_empty() {
        return Some(Packed {
            films,
            minutes: 0,
            occupied: 0,
        });
    }
    let minutes: u32 = forced
        .iter()
        .chain(chosen.iter().map(|&i| &items[i]))
        .map(|i| i.runtime)
        .sum();
    let occupied = intro + minutes + interval * (films.len() as u32 - 1);
    debug_assert!(occupied <= length);
    Some(Packed {
        films,
        minutes,
        occupied,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(film: usize, runtime: u32) -> Item {
        Item {
            film,
            runtime,
            preference: 0.0,
            extra: 0,
            guests: false,
        }
    }

    #[test]
    fn fills_a_double_bill() {
        // 150-min slot, 10-min intro, 5-min interval: 80 + 55 (+5) fits exactly.
        let p = pack(150, 10, 5, &[], &[item(0, 100), item(1, 80), item(2, 55)]).unwrap();
        assert_eq!(p.films, vec![1, 2]);
        assert_eq!(p.occupied, 150);
        assert_eq!(p.minutes, 135);
    }

    #[test]
    fn forced_films_come_first_and_must_fit() {
        let p = pack(150, 10, 5, &[item(7, 90)], &[item(0, 45), item(1, 46)]).unwrap();
        assert_eq!(p.films, vec![7, 0]);
        assert!(pack(100, 10, 5, &[item(7, 95)], &[]).is_none());
    }

    #[test]
    fn preference_breaks_ties_only() {
        let a = Item {
            film: 0,
            runtime: 90,
            preference: 0.0,
            extra: 0,
            guests: false,
        };
        let b = Item {
            film: 1,
            runtime: 90,
            preference: 1.0,
            extra: 0,
            guests: false,
        };
        let c = Item {
            film: 2,
            runtime: 91,
            preference: 0.0,
            extra: 0,
            guests: false,
        };
        assert_eq!(pack(100, 0, 0, &[], &[a, b]).unwrap().films, vec![1]);
        assert_eq!(pack(100, 0, 0, &[], &[a, b, c]).unwrap().films, vec![2]);
    }

    proptest! {
        /// The packing is always feasible and as full as the best subset found by brute force.
        #[test]
        fn optimal_and_feasible(runtimes in prop::collection::vec(1u32..200, 0..9), length in 20u32..300, intro in 0u32..20, interval in 0u32..15) {
            let items: Vec<Item> = runtimes.iter().enumerate().map(|(i, &r)| item(i, r)).collect();
            let Some(p) = pack(length, intro, interval, &[], &items) else {
                prop_assert!(intro > length + interval);
                return Ok(());
            };
            prop_assert!(p.films.is_empty() || p.occupied <= length);
            let mut best = 0;
            for mask in 0u32..(1 << items.len()) {
                let chosen: Vec<u32> = (0..items.len()).filter(|i| mask & (1 << i) != 0).map(|i| runtimes[i]).collect();
                if chosen.is_empty() || chosen.len() > MAX_FILMS { continue; }
                let occ = intro + chosen.iter().sum::<u32>() + interval * (chosen.len() as u32 - 1);
                if occ <= length { best = best.max(chosen.iter().sum::<u32>()); }
            }
            prop_assert_eq!(p.minutes, best);
        }
    }
}
