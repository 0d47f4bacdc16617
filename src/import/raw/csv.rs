//! CSV as CRMs and MISs export it: UTF-8 (with or without a BOM), UTF-16 with a BOM or
//! Windows-1251; `;`, `,` or tab between fields; quoted fields with separators, line breaks and
//! doubled quotes inside.
//!
//! A hand-rolled reader rather than a crate: the format needs encoding sniffing and line numbers
//! of each record's first line (errors are located by the line a person sees in a text editor),
//! and unquoted fields are borrowed from the decoded text, which keeps a million-row export fast.

use std::borrow::Cow;

use encoding_rs::{Encoding, WINDOWS_1251};

/// The separators tried, in order of preference (Russian Excel writes `;`).
pub(crate) const SEPARATORS: [u8; 3] = [b';', b'\t', b','];

/// Decodes a CSV file's bytes: a BOM names the encoding; otherwise valid UTF-8 is UTF-8 and
/// anything else is read as Windows-1251 (the Russian ANSI code page, which every byte maps to).
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1251.decode_without_bom_handling(bytes).0,
    }
}

/// The separator used most often outside quotes in the first non-blank line (`;` on a tie, then
/// tab), or `,` when the line has none.
pub(crate) fn guess_separator(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = SEPARATORS.iter().position(|s| *s == b) {
            counts[i] += 1;
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(2);
    if counts[best] == 0 { b',' } else { SEPARATORS[best] }
}

/// The records of a CSV text, each with the line number (1-based) where it starts.
pub(crate) struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    sep: u8,
}

impl<'a> Records<'a> {
    /// Records of `text` separated by `sep`.
    pub(crate) fn new(text: &'a str, sep: u8) -> Self {
        Self { text, pos: 0, line: 1, sep }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = (u32, Vec<Cow<'a, str>>);

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        if self.pos >= len {
            return None;
        }
        let start_line = self.line;
        let mut fields = Vec::with_capacity(8);
        let mut pos = self.pos;
        loop {
            let is_end = |b: u8| b == self.sep || b == b'\n' || b == b'\r';
            if pos < len && bytes[pos] == b'"' {
                // Quoted field: separators and line breaks inside are data, `""` is one quote.
                pos += 1;
                let mut owned: Option<String> = None;
                let mut seg = pos;
                loop {
                    if pos >= len {
                        break;
                    }
                    match bytes[pos] {
                        b'"' if pos + 1 < len && bytes[pos + 1] == b'"' => {
                            owned.get_or_insert_with(String::new).push_str(&text[seg..=pos]);
                            pos += 2;
                            seg = pos;
                        }
                        b'"' => break,
                        b'\n' => {
                            self.line += 1;
                            pos += 1;
                        }
                        b'\r' => {
                            if !(pos + 1 < len && bytes[pos + 1] == b'\n') {
                                self.line += 1;
                            }
                            pos += 1;
                        }
                        _ => pos += 1,
                    }
                }
                let body_end = pos.min(len);
                pos = (pos + 1).min(len);
                // Text after the closing quote (`"a"b`) is kept, as spreadsheet programs do.
                let tail = pos;
                while pos < len && !is_end(bytes[pos]) {
                    pos += 1;
                }
                let field = match owned {
                    None if tail == pos => Cow::Borrowed(&text[seg..body_end]),
                    mut o => {
                        let s = o.get_or_insert_with(String::new);
                        s.push_str(&text[seg..body_end]);
                        s.push_str(&text[tail..pos]);
                        Cow::Owned(o.unwrap_or_default())
                    }
                };
                fields.push(field);
            } else {
                let start = pos;
                while pos < len && !is_end(bytes[pos]) {
                    pos += 1;
                }
                fields.push(Cow::Borrowed(&text[start..pos]));
            }
            if pos >= len {
                break;
            }
            match bytes[pos] {
                b'\r' => {
                    pos += 1;
                    if pos < len && bytes[pos] == b'\n' {
                        pos += 1;
                    }
                    self.line += 1;
                    break;
                }
                b'\n' => {
                    pos += 1;
                    self.line += 1;
                    break;
                }
                _ => pos += 1, // the separator
            }
        }
        self.pos = pos;
        Some((start_line, fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, sep: u8) -> Vec<(u32, Vec<String>)> {
        Records::new(text, sep).map(|(l, f)| (l, f.into_iter().map(Cow::into_owned).collect())).collect()
    }

    #[test]
    fn quoted_fields_and_line_numbers() {
        let text = "a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\n2;\"two\nlines\";z\n\n3;;\n";
        let r = all(text, b';');
        assert_eq!(r[0], (1, vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(r[1], (2, vec!["1".into(), "x;y".into(), "say \"hi\"".into()]));
        assert_eq!(r[2], (3, vec!["2".into(), "two\nlines".into(), "z".into()]));
        assert_eq!(r[3], (5, vec!["".to_string()]));
        assert_eq!(r[4], (6, vec!["3".into(), "".into(), "".into()]));
        assert_eq!(r.len(), 5);
    }

    #[test]
    fn encodings_and_separators() {
        let (cp, _, _) = WINDOWS_1251.encode("Телефон;Сумма");
        assert_eq!(decode(&cp), "Телефон;Сумма");
        let bom = [&[0xEF, 0xBB, 0xBF][..], "Дата".as_bytes()].concat();
        assert_eq!(decode(&bom), "Дата");
        assert_eq!(decode("Дата".as_bytes()), "Дата");
        assert_eq!(guess_separator("a;b;c\n1,5;2;3"), b';');
        assert_eq!(guess_separator("a,b,c"), b',');
        assert_eq!(guess_separator("a\tb\tc"), b'\t');
        assert_eq!(guess_separator("\"a;b\",c,d"), b',');
        assert_eq!(guess_separator("abc"), b',');
    }
}
