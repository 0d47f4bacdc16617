//! [`Name`]: a channel, direction or branch name shared between the rows that carry it.
//!
//! A chain's Funnel sheet runs to ten million rows naming a few dozen channels, directions and
//! branches. As `String`s every row owned three heap copies (thirty million allocations on every
//! open, a gigabyte of memory); as a `Name` a row holds a pointer to one shared copy, and the
//! project file's chunks decode each distinct name once.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A shared, immutable name. It reads as a `str` everywhere (deref, comparisons, ordering,
/// hashing and serde are those of the text), so it replaces a `String` field mechanically.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(Arc<str>);

impl Name {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Name(Arc::from(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Self {
        Name(Arc::from(s))
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Self {
        Name(Arc::from(s.as_str()))
    }
}

impl From<Arc<str>> for Name {
    fn from(s: Arc<str>) -> Self {
        Name(s)
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.0.to_string()
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Name::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_behaves_as_its_text() {
        let a: Name = "Яндекс".into();
        let b = Name::from(String::from("Яндекс"));
        assert_eq!(a, b);
        assert_eq!(a, "Яндекс");
        assert_eq!("Яндекс", a);
        assert_eq!(a, String::from("Яндекс"));
        assert_eq!(a.len(), "Яндекс".len());
        assert_eq!(format!("{a} {a:?}"), "Яндекс \"Яндекс\"");
        // Ordered and hashed as the text: sorted lists and maps keyed by text keep their order.
        let mut names: Vec<Name> = ["VK", "Avito", "Яндекс"].into_iter().map(Name::from).collect();
        names.sort();
        assert_eq!(names, ["Avito", "VK", "Яндекс"]);
        let set: std::collections::HashSet<Name> = names.into_iter().collect();
        assert!(set.contains("VK"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Яндекс\"");
        assert_eq!(serde_json::from_str::<Name>("\"Яндекс\"").unwrap(), a);
        assert_eq!(String::from(a.clone()), "Яндекс");
    }

    #[test]
    fn clones_share_one_text() {
        let a: Name = "УЗИ".into();
        let b = a.clone();
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
    }
}
