//! Keeping patient data out of messages and names (domain.md, "Patient data").
//!
//! Every [`Problem`](super::Problem) passes the texts from the file it quotes through [`quote`]
//! (or [`plain`]), and its value through [`quote`]; our own counts and row numbers are never
//! masked. Runs of 7 or more digits (phones, however they are spaced) are masked, a quoted
//! value is cut at [`MAX_QUOTE`] characters, and line breaks are flattened, so that a glued CSV
//! row or a 10 MB cell cannot spill a page of names and phones into an error. [`looks_personal`]
//! tells a phone or a person's name from a channel name, so that such a value never becomes one.

/// The most characters of a value a message quotes.
pub const MAX_QUOTE: usize = 80;

/// The most characters of a whole message.
const MAX_MESSAGE: usize = 600;

/// A run of this many digits (spaces, dashes, brackets and `+` between them allowed) is masked.
const MASKED_DIGITS: usize = 7;

/// `text` made safe to quote: digit runs masked ([`mask_digit_runs`]), line breaks and tabs as
/// spaces, at most [`MAX_QUOTE`] characters (then `…`).
pub fn quote(text: &str) -> String {
    cut(&flatten(&mask_digit_runs(text)), MAX_QUOTE)
}

/// A whole message made safe to print: digit runs masked, every «quoted» part cut to
/// [`MAX_QUOTE`] characters, line breaks flattened, and the message cut at a sane length.
pub fn message(text: &str) -> String {
    let masked = flatten(&mask_digit_runs(text));
    let mut out = String::with_capacity(masked.len().min(MAX_MESSAGE + 8));
    let mut rest = masked.as_str();
    while let Some(open) = rest.find('«') {
        out.push_str(&rest[..open + '«'.len_utf8()]);
        rest = &rest[open + '«'.len_utf8()..];
        let close = rest.find('»').unwrap_or(rest.len());
        out.push_str(&cut(&rest[..close], MAX_QUOTE));
        rest = &rest[close..];
    }
    out.push_str(rest);
    cut(&out, MAX_MESSAGE)
}

/// Text from the file that a message shows without quotes (the keys of a repeated row): digit
/// runs masked and line breaks flattened, not cut.
pub fn plain(text: &str) -> String {
    flatten(&mask_digit_runs(text))
}

/// A worded message kept to a sane length; nothing in it is masked (the texts from the file in it
/// were masked when the problem was made, and our own counts are never masked).
pub fn bound(text: &str) -> String {
    cut(&flatten(text), MAX_MESSAGE)
}

fn flatten(text: &str) -> String {
    if text.contains(['\n', '\r', '\t']) { text.replace(['\n', '\r', '\t'], " ") } else { text.to_string() }
}

/// `text` cut to `max` characters in the middle (`head…tail`), so that a long path keeps its file
/// name and a long value its both ends.
fn cut(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let head = max / 2;
    let tail = max - head;
    let head_end = text.char_indices().nth(head).map_or(text.len(), |(i, _)| i);
    let tail_start = text.char_indices().nth(count - tail).map_or(text.len(), |(i, _)| i);
    format!("{}…{}", &text[..head_end], &text[tail_start..])
}

/// Whether [`mask_digit_runs`] would change `text` (it holds what may be a phone). A masked run
/// has at least [`MASKED_DIGITS`] digits, so text with fewer digits in all (most names of a
/// million-row export, `Врач 12`) is answered without the masking's allocations.
pub fn holds_digit_run(text: &str) -> bool {
    text.bytes().filter(u8::is_ascii_digit).count() >= MASKED_DIGITS && mask_digit_runs(text) != text
}

/// Masks every run of [`MASKED_DIGITS`] or more digits (single spaces, dashes, brackets, dots and
/// `+` may sit between them, as phones are written) except its last two digits:
/// `+7 (916) 123-45-67` → `+* (***) ***-**-67`. Dates such as `2025-03-01` or `01.03.2025` are
/// left as they are.
pub fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_run =
            chars[i].is_ascii_digit() || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts_run {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits with at most one separator between them.
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            if c.is_ascii_digit() {
                j += 1;
                end = j;
            } else if matches!(c, ' ' | '-' | '(' | ')' | '.' | '+' | '\u{a0}')
                && chars.get(j + 1).is_some_and(|n| n.is_ascii_digit() || matches!(n, '(' | ' '))
            {
                j += 1;
            } else {
                break;
            }
        }
        let run: String = chars[start..end].iter().collect();
        let digits = run.chars().filter(char::is_ascii_digit).count();
        // `XFD1048576` names a cell, not a phone.
        let is_cell = start > 0 && chars[start - 1].is_ascii_uppercase();
        if digits >= MASKED_DIGITS && !is_date(&run) && !is_cell && !is_amount(&chars[end..]) {
            let mut seen = 0;
            for c in run.chars() {
                if c.is_ascii_digit() {
                    seen += 1;
                    out.push(if seen > digits - 2 { c } else { '*' });
                } else {
                    out.push(c);
                }
            }
        } else {
            out.push_str(&run);
        }
        i = end.max(start + 1);
    }
    out
}

/// Whether the digits just before `after` are an amount: a money sign, `руб.` or `%` follows them
/// (after the decimals and a space), as in `5 000 000 ₽`, `1 234 567,89 руб.` or `12 345 678 %`. An
/// amount is never a phone; a budget or a sum in a message stays readable.
fn is_amount(after: &[char]) -> bool {
    let mut k = 0;
    if matches!(after.first(), Some(',' | '.')) && after.get(1).is_some_and(char::is_ascii_digit) {
        k = 1;
        while after.get(k).is_some_and(char::is_ascii_digit) {
            k += 1;
        }
    }
    while matches!(after.get(k), Some(' ' | '\u{a0}' | '\u{202f}')) {
        k += 1;
    }
    // `руб` as a word of its own (`руб.`), not the start of a name such as Рублёв.
    let word: String = after[k..].iter().take(3).flat_map(|c| c.to_lowercase()).collect();
    let rub = word == "руб" && !after.get(k + 3).is_some_and(|c| c.is_alphabetic());
    matches!(after.get(k), Some('₽' | '$' | '€' | '¥' | '₸' | '£' | '₴' | '֏' | '₾' | '%')) || rub
}

/// `2025-03-01`, `01.03.2025`, `2025-03-01 14:05`: a date, not a phone (but `07.03.2025 765-43-21`
/// is a date with a phone after it, and is masked whole).
fn is_date(run: &str) -> bool {
    let (day, rest) = run.split_once(' ').unwrap_or((run, ""));
    if rest.chars().filter(char::is_ascii_digit).count() > 2 {
        return false;
    }
    let parts: Vec<u32> = day.split(['-', '.']).filter_map(|p| p.parse().ok()).collect();
    let lens: Vec<usize> = day.split(['-', '.']).map(str::len).collect();
    // Shaped like a calendar date: a month 1..12 and a day 1..39 (`1765-43-21` is a phone, while a
    // mistyped `32.03.2025` is still a date to quote).
    let (month, day_of_month) = match (lens.as_slice(), parts.as_slice()) {
        ([4, 2, 2], [_, m, d]) | ([2, 2, 4], [d, m, _]) => (*m, *d),
        _ => return false,
    };
    (1..=12).contains(&month) && (1..=39).contains(&day_of_month)
}

/// Words that make two capitalised words a channel, not a person (`Яндекс Директ`, `Сарафанное
/// Радио`), compared in lower case by their start.
const CHANNEL_WORDS: &[&str] = &[
    "яндекс",
    "директ",
    "гугл",
    "google",
    "вконтакте",
    "вк",
    "авито",
    "карты",
    "сайт",
    "радио",
    "реклама",
    "рекоменд",
    "сарафан",
    "телеграм",
    "инстаграм",
    "одноклассн",
    "продоктор",
    // Aggregators written in two words: «Про Докторов», «Доктор Рядом».
    "доктор",
    "сбер",
    "дмс",
    "день",
    "открыт",
    "акция",
    "наружн",
    "баннер",
    "листовк",
    "журнал",
    "газет",
    "звонок",
    "посещ",
    "партн",
    "вывеск",
    "таргет",
    "контекст",
    "поиск",
    "маркет",
    "клиник",
    "центр",
    "медицин",
    "здоров",
    "почт",
    "рассылк",
    "чат",
    "бот",
];

/// Whether a value looks like a patient's phone or name rather than a channel: it holds a run of
/// [`MASKED_DIGITS`] or more digits that is not a date (see [`mask_digit_runs`]), or it is two or three capitalised Cyrillic words (`Иванова
/// Мария`, `Петров Иван Сергеевич`) none of which is a marketing word.
pub fn looks_personal(text: &str) -> bool {
    if holds_digit_run(text) {
        return true;
    }
    if !(2..=3).contains(&text.split_whitespace().count()) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_name_word = |w: &str| {
        let mut cs = w.chars();
        let first_upper = cs.next().is_some_and(|c| is_cyrillic(c) && c.is_uppercase());
        let rest: Vec<char> = cs.collect();
        first_upper
            && !rest.is_empty()
            && rest.iter().all(|c| (is_cyrillic(*c) && c.is_lowercase()) || *c == '-' || *c == '.')
    };
    let channel_word = |w: &str| {
        let lower = w.to_lowercase();
        CHANNEL_WORDS.iter().any(|k| lower.starts_with(k))
    };
    words.iter().all(|w| is_name_word(w)) && !words.iter().any(|w| channel_word(w))
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_are_told_without_masking() {
        assert!(holds_digit_run("Врач +7 916 123-45-67"));
        assert!(holds_digit_run("1234567"));
        // Fewer than seven digits in all, or only dates: nothing would be masked.
        assert!(!holds_digit_run("Врач 12"));
        assert!(!holds_digit_run("123456"));
        assert!(!holds_digit_run("01.03.2025 и 2025-03-01"));
        assert!(!holds_digit_run("Стоматология"));
    }

    #[test]
    fn phones_are_masked_dates_are_not() {
        assert_eq!(mask_digit_runs("+7 (916) 123-45-67"), "+* (***) ***-**-67");
        assert_eq!(mask_digit_runs("тел 89161234567, ok"), "тел *********67, ok");
        assert_eq!(mask_digit_runs("1234567"), "*****67");
        assert_eq!(mask_digit_runs("123456"), "123456");
        assert_eq!(mask_digit_runs("2025-03-01 и 01.03.2025"), "2025-03-01 и 01.03.2025");
        assert_eq!(mask_digit_runs("«12 500» is fine"), "«12 500» is fine");
        assert_eq!(mask_digit_runs("cell XFD1048576"), "cell XFD1048576");
        assert_eq!(mask_digit_runs("25.03.2024 14:05"), "25.03.2024 14:05");
        assert_eq!(mask_digit_runs("07.03.2025 765-43-21"), "**.**.**** ***-**-21");
        assert_eq!(mask_digit_runs("1765-43-21"), "****-**-21");
        assert_eq!(mask_digit_runs("32.03.2025"), "32.03.2025");
        // Amounts keep their digits: a money sign or a percent follows them.
        assert_eq!(
            mask_digit_runs("бюджета: 5\u{a0}000\u{a0}000\u{a0}₽ > 100"),
            "бюджета: 5\u{a0}000\u{a0}000\u{a0}₽ > 100"
        );
        assert_eq!(mask_digit_runs("«1 234 567,89 руб.»"), "«1 234 567,89 руб.»");
        assert_eq!(mask_digit_runs("12 345 678 %"), "12 345 678 %");
        // A phone followed by other words is still masked.
        assert_eq!(mask_digit_runs("8 916 123 45 67 рублёв"), "* *** *** ** 67 рублёв");
    }

    #[test]
    fn quotes_are_short() {
        let long = "а".repeat(10_000);
        assert_eq!(quote(&long).chars().count(), MAX_QUOTE + 1);
        let m = message(&format!("«{long}» is not a number"));
        assert!(m.chars().count() < 120, "{m}");
        assert!(m.ends_with("а» is not a number") && m.contains('…'));
        let path = format!("/home/{}/clinic/leads.csv", "x".repeat(200));
        assert!(message(&format!("cannot read «{path}»")).ends_with("clinic/leads.csv»"));
        assert_eq!(quote("a\nb"), "a b");
    }

    #[test]
    fn people_are_not_channels() {
        assert!(looks_personal("Иванова Мария"));
        assert!(looks_personal("Петров Иван Сергеевич"));
        assert!(looks_personal("+7 916 123-45-67"));
        assert!(!looks_personal("Яндекс Директ"));
        assert!(!looks_personal("Сарафанное Радио"));
        assert!(!looks_personal("Про Докторов"));
        assert!(!looks_personal("ВКонтакте"));
        assert!(!looks_personal("yandex"));
        assert!(!looks_personal("2ГИС"));
        assert!(!looks_personal("День открытых дверей"));
    }
}
