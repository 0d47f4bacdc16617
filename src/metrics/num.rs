//! Number hygiene shared by every metric: undefined ratios and non-finite sums become `None`.

use std::cell::Cell;

use rustc_hash::FxHashMap;

use crate::model::Name;

/// Turns raw `f64` results into `Option<f64>`, remembering whether anything overflowed so that the
/// caller can say so once ("too large to compute") instead of printing `inf`.
#[derive(Default)]
pub(crate) struct Guard {
    overflowed: Cell<bool>,
}

impl Guard {
    /// `Some(x)` when `x` is finite; `None` (and remembered) otherwise.
    pub fn fin(&self, x: f64) -> Option<f64> {
        if x.is_finite() {
            Some(x)
        } else {
            self.overflowed.set(true);
            None
        }
    }

    /// `num / den`, undefined when the denominator is zero, missing or either side is not finite.
    pub fn ratio(&self, num: Option<f64>, den: Option<f64>) -> Option<f64> {
        let (n, d) = (num?, den?);
        if d == 0.0 {
            return None;
        }
        self.fin(n / d)
    }

    /// Whether any value passed through this guard was not finite.
    pub fn overflowed(&self) -> bool {
        self.overflowed.get()
    }
}

/// `a - b` of two optional values (`None` when either is).
pub(crate) fn sub(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? - b?)
}

/// Counts a row into a sum's count (`sign` > 0) or out of it: an edit's rows as they are go in,
/// the rows as they were go out.
pub(crate) fn count(rows: &mut usize, sign: f64) {
    if sign < 0.0 {
        *rows -= 1;
    } else {
        *rows += 1;
    }
}

/// Whether two texts are equal, their addresses compared first: the cells of one name that sums
/// hand out share one text, so a pass over them mostly ends there instead of comparing bytes.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// Maps names to dense indices. The last hit is tried first because sheets are usually grouped by
/// name; other names are found by hash, not by a scan: a chain's Budget sheet takes turns between
/// its channels row after row.
pub(crate) struct Interner<'a> {
    names: Vec<&'a str>,
    index: FxHashMap<&'a str, usize>,
    last: Cell<usize>,
}

impl<'a> Interner<'a> {
    /// An interner that already knows `names`, in order (indices 0..names.len()).
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut i = Self { names: Vec::new(), index: FxHashMap::default(), last: Cell::new(0) };
        for n in names {
            i.intern(n);
        }
        i
    }

    /// The index of `name`, if known.
    pub fn get(&self, name: &str) -> Option<usize> {
        let last = self.last.get();
        if self.names.get(last).is_some_and(|n| same_text(n, name)) {
            return Some(last);
        }
        let found = *self.index.get(name)?;
        self.last.set(found);
        Some(found)
    }

    /// The index of `name`, adding it when new.
    pub fn intern(&mut self, name: &'a str) -> usize {
        if let Some(i) = self.get(name) {
            return i;
        }
        self.names.push(name);
        self.index.insert(name, self.names.len() - 1);
        self.names.len() - 1
    }

    /// The known names, by index.
    pub fn names(&self) -> &[&'a str] {
        &self.names
    }

    /// Number of known names.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Answers for a handful of texts, found by address before bytes: a pass over cells whose names
/// take turns among a few (a chain's buckets cycle through their directions and channels) asks
/// the costly question (a hash lookup, a case-folding) once per text instead of once per cell.
pub(crate) struct Recent<'a, T> {
    seen: Vec<(&'a str, T)>,
    last: usize,
}

impl<'a, T> Default for Recent<'a, T> {
    fn default() -> Self {
        Self { seen: Vec::new(), last: 0 }
    }
}

/// How many texts [`Recent`] remembers: past that many it is no quicker than asking.
const RECENT_TEXTS: usize = 32;

impl<'a, T: Copy> Recent<'a, T> {
    /// The answer for `text`, asked of `answer` the first time.
    pub fn get(&mut self, text: &'a str, answer: impl FnOnce() -> T) -> T {
        if let Some((t, v)) = self.seen.get(self.last)
            && std::ptr::eq(*t, text)
        {
            return *v;
        }
        let seen = &self.seen;
        let at =
            seen.iter().position(|(t, _)| std::ptr::eq(*t, text)).or_else(|| seen.iter().position(|(t, _)| *t == text));
        if let Some(i) = at {
            self.last = i;
            return self.seen[i].1;
        }
        let v = answer();
        if self.seen.len() < RECENT_TEXTS {
            self.seen.push((text, v));
            self.last = self.seen.len() - 1;
        }
        v
    }
}

/// Texts → dense ids, each with one shared [`Name`]: sums name their cells with it, so the cells
/// of one spelling share one text (see [`same_text`]).
pub(crate) struct SharedNames<'a> {
    ids: Interner<'a>,
    names: Vec<Name>,
}

impl<'a> SharedNames<'a> {
    /// No names yet.
    pub fn new() -> Self {
        Self { ids: Interner::new([]), names: Vec::new() }
    }

    /// The id of `text`, added when new.
    pub fn id(&mut self, text: &'a str) -> usize {
        let i = self.ids.intern(text);
        if i == self.names.len() {
            self.names.push(Name::from(text));
        }
        i
    }

    /// The shared name of an id.
    pub fn name(&self, id: usize) -> Name {
        self.names[id].clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_is_undefined_not_zero_or_infinite() {
        let g = Guard::default();
        assert_eq!(g.ratio(Some(1.0), Some(4.0)), Some(0.25));
        assert_eq!(g.ratio(Some(1.0), Some(0.0)), None);
        assert_eq!(g.ratio(Some(0.0), Some(0.0)), None);
        assert_eq!(g.ratio(None, Some(2.0)), None);
        assert_eq!(g.ratio(Some(2.0), None), None);
        assert!(!g.overflowed());
        assert_eq!(g.fin(f64::MAX * 2.0), None);
        assert!(g.overflowed());
    }

    #[test]
    fn recent_asks_once_per_text_whatever_its_address() {
        let (a, b) = (String::from("УЗИ"), String::from("УЗИ"));
        let mut asked = 0;
        let mut r = Recent::default();
        for text in [a.as_str(), "МРТ", a.as_str(), b.as_str(), "МРТ"] {
            let n = r.get(text, || {
                asked += 1;
                text.len()
            });
            assert_eq!(n, text.len());
        }
        // УЗИ once (a second copy of the text is found by its bytes), МРТ once.
        assert_eq!(asked, 2);
    }

    #[test]
    fn interner_keeps_order_and_finds_names() {
        let mut i = Interner::new(["a", "b"]);
        assert_eq!(i.intern("c"), 2);
        assert_eq!(i.get("b"), Some(1));
        assert_eq!(i.get("a"), Some(0));
        assert_eq!(i.get("z"), None);
        assert_eq!(i.names(), &["a", "b", "c"]);
    }
}
