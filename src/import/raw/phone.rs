//! Patient identity: a phone number normalised to its digits (then hashed with the machine's
//! [`PatientKey`](super::PatientKey)).
//!
//! The normalised digits live only in memory between reading an export and joining it; what the
//! project keeps is a keyed hash that cannot be turned back into the phone without the key. [`Phone`]'s `Debug` masks the number so that a stray `{:?}` in a
//! log or a panic message cannot leak it.

use std::fmt;

/// A phone as an identity: the normalised digits (`79161234567`), or none when the phone had fewer
/// than 10 digits (or was empty).
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Phone(Option<String>);

impl Phone {
    /// Normalises a phone as written (domain.md, "Identity"): digits only; 11 digits starting with
    /// 8 → the 8 becomes 7; 10 digits → 7 in front; fewer than 10 → no identity. Longer numbers
    /// (foreign ones) are kept as their digits.
    pub fn parse(text: &str) -> Phone {
        let mut digits: String = text.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            0..=9 => return Phone(None),
            10 => digits.insert(0, '7'),
            11 if digits.starts_with('8') => digits.replace_range(0..1, "7"),
            _ => {}
        }
        Phone(Some(digits))
    }

    /// Whether the phone identifies a patient (10 digits or more).
    pub fn is_identity(&self) -> bool {
        self.0.is_some()
    }

    /// The normalised digits. Only the join should need them; never print them.
    pub fn digits(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The phone masked for messages: `+7 916 ***-**-67`.
    pub fn masked(&self) -> String {
        match &self.0 {
            Some(d) => mask_digits(d),
            None => "(no phone)".to_string(),
        }
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Phone({})", self.masked())
    }
}

/// Masks a phone as written so that a message can point at it without disclosing it: the country
/// code and operator code stay, the last two digits stay, the rest become `*`
/// (`+7 (916) 123-45-67` → `+7 916 ***-**-67`). Short or odd values keep only their last two digits.
pub fn mask_phone(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    mask_digits(&digits)
}

fn mask_digits(digits: &str) -> String {
    let n = digits.len();
    if n == 11 {
        format!("+{} {} ***-**-{}", &digits[..1], &digits[1..4], &digits[9..])
    } else if n >= 2 {
        format!("{}{}", "*".repeat(n - 2), &digits[n - 2..])
    } else {
        "*".repeat(n.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_spellings_one_identity() {
        let want = Some("79161234567");
        for s in ["+7 (916) 123-45-67", "8 916 123 45 67", "9161234567", "79161234567", "8(916)123-4567"] {
            assert_eq!(Phone::parse(s).digits(), want, "{s}");
        }
        assert!(!Phone::parse("123-45-67").is_identity());
        assert!(!Phone::parse("").is_identity());
        assert_eq!(Phone::parse("+375 29 123 45 67").digits(), Some("375291234567"));
    }

    #[test]
    fn masking_hides_the_middle() {
        assert_eq!(mask_phone("+7 (916) 123-45-67"), "+7 916 ***-**-67");
        assert_eq!(Phone::parse("8 916 123 45 67").masked(), "+7 916 ***-**-67");
        assert_eq!(format!("{:?}", Phone::parse("9161234567")), "Phone(+7 916 ***-**-67)");
        assert_eq!(mask_phone("12345"), "***45");
    }
}
