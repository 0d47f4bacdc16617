//! Patient identity: a phone number normalised to its digits (then hashed with the machine's
//! [`PatientKey`](super::PatientKey)).
//!
//! The normalised digits live only in memory between reading an export and joining it; what the
//! project keeps is a keyed hash that cannot be turned back into the phone without the key. [`Phone`]'s `Debug` masks the number so that a stray `{:?}` in a
//! log or a panic message cannot leak it.

use std::fmt;

/// A phone as an identity: the normalised digits (`79161234567`), or none when the phone had fewer
/// than 10 digits (or was empty).
///
/// The digits are kept inline (a million visits each carry one): no heap allocation unless a
/// number is longer than any phone plan has (over [`INLINE`] digits).
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Phone(Digits);

/// How many digits are kept inline; longer numbers go to the heap.
const INLINE: usize = 22;

#[derive(Clone, PartialEq, Eq, Hash, Default)]
enum Digits {
    #[default]
    None,
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Long(Box<str>),
}

impl Phone {
    /// Normalises a phone as written (domain.md, "Identity"): digits only; 11 digits starting with
    /// 8 → the 8 becomes 7; 10 digits → 7 in front; fewer than 10 → no identity. Longer numbers
    /// (foreign ones) are kept as their digits.
    pub fn parse(text: &str) -> Phone {
        // ASCII digits are single bytes in UTF-8 (multi-byte sequences never hold one).
        let mut buf = [0u8; INLINE];
        let mut len = 0usize;
        let mut count = 0usize;
        for b in text.bytes().filter(u8::is_ascii_digit) {
            // One slot is left for the 7 put in front of a 10-digit number.
            if len + 1 < INLINE {
                buf[len] = b;
                len += 1;
            }
            count += 1;
        }
        if count > len {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            return Phone(Digits::Long(digits.into_boxed_str()));
        }
        match len {
            0..=9 => return Phone(Digits::None),
            10 => {
                buf.copy_within(0..10, 1);
                buf[0] = b'7';
                len = 11;
            }
            11 if buf[0] == b'8' => buf[0] = b'7',
            _ => {}
        }
        Phone(Digits::Inline { len: len as u8, buf })
    }

    /// Whether the phone identifies a patient (10 digits or more).
    pub fn is_identity(&self) -> bool {
        !matches!(self.0, Digits::None)
    }

    /// The normalised digits. Only the join should need them; never print them.
    pub fn digits(&self) -> Option<&str> {
        match &self.0 {
            Digits::None => None,
            Digits::Inline { len, buf } => std::str::from_utf8(&buf[..usize::from(*len)]).ok(),
            Digits::Long(d) => Some(d),
        }
    }

    /// The digits as one number, for a small hash key: up to 18 digits, their count in the top
    /// bits (so that `0791…` and `791…` differ); `None` for no identity and longer numbers.
    pub(crate) fn packed(&self) -> Option<u64> {
        let Digits::Inline { len, buf } = &self.0 else { return None };
        let len = usize::from(*len);
        if len > 18 {
            return None;
        }
        let value = buf[..len].iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        // 10^18 < 2^60: the count fits in the four bits above.
        Some(value | (len as u64 - 10) << 60)
    }

    /// The digits of a number made by [`Self::packed`], and how many there are.
    pub(crate) fn unpack(packed: u64) -> ([u8; 18], usize) {
        let len = ((packed >> 60) as usize + 10).min(18);
        let mut value = packed & ((1 << 60) - 1);
        let mut buf = [b'0'; 18];
        for d in buf[..len].iter_mut().rev() {
            *d = b'0' + (value % 10) as u8;
            value /= 10;
        }
        (buf, len)
    }

    /// The phone masked for messages: `+7 916 ***-**-67`.
    pub fn masked(&self) -> String {
        match self.digits() {
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
        // Past the inline digits, a number is still kept whole.
        let long = "1".repeat(30);
        assert_eq!(Phone::parse(&long).digits(), Some(long.as_str()));
        assert_eq!(Phone::parse(&"2".repeat(21)).digits(), Some("2".repeat(21).as_str()));
        // Packed keys tell numbers apart by their count of digits too; long ones are not packed.
        let packed = |s: &str| Phone::parse(s).packed();
        assert_eq!(packed("8 916 123 45 67"), packed("9161234567"));
        assert_ne!(packed("0079161234567"), packed("079161234567"));
        assert_eq!(packed(&"3".repeat(19)), None);
        assert_eq!(packed("123"), None);
        // A packed number gives its digits back, leading zeros and all.
        for s in ["8 916 123 45 67", "0079161234567", "+375 29 123 45 67", &"9".repeat(18), "0000000000"] {
            let p = Phone::parse(s);
            let (buf, len) = Phone::unpack(p.packed().unwrap());
            assert_eq!(std::str::from_utf8(&buf[..len]).ok(), p.digits(), "{s}");
        }
    }

    #[test]
    fn masking_hides_the_middle() {
        assert_eq!(mask_phone("+7 (916) 123-45-67"), "+7 916 ***-**-67");
        assert_eq!(Phone::parse("8 916 123 45 67").masked(), "+7 916 ***-**-67");
        assert_eq!(format!("{:?}", Phone::parse("9161234567")), "Phone(+7 916 ***-**-67)");
        assert_eq!(mask_phone("12345"), "***45");
    }
}
