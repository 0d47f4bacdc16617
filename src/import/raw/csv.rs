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
    match simdutf8::basic::from_utf8(bytes) {
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

/// A quoted field spanning more line breaks than this is taken for a quote left open: real
/// exports put a short comment in quotes, not pages of rows.
pub(crate) const MAX_QUOTED_LINES: u32 = 10;

/// A quoted field longer than this (in bytes) is taken for a quote left open, as above.
pub(crate) const MAX_QUOTED_BYTES: usize = 8 * 1024;

/// The records of a CSV text, each with the line number (1-based) where it starts.
///
/// A quote left open would glue the rows after it into one giant field (and a report or a channel
/// name would then carry a page of names and phones): a quoted field that spans more than
/// [`MAX_QUOTED_LINES`] line breaks or [`MAX_QUOTED_BYTES`] bytes, or runs over a line break to
/// the end of the text, ends its record. That record is not returned: its first line is listed in
/// [`Records::broken`], and reading resumes on the line after the one where the quote opened.
pub(crate) struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    sep: u8,
    broken: Vec<u32>,
    /// More text follows `text` (it is a chunk of a file read piece by piece).
    more: bool,
    /// Where the record that runs past the chunk starts (byte, line), when one does.
    cut: Option<(usize, u32)>,
}

impl<'a> Records<'a> {
    /// Records of `text` separated by `sep`.
    pub(crate) fn new(text: &'a str, sep: u8) -> Self {
        Self::chunk(text, sep, 1, false)
    }

    /// Records of a chunk of a longer text, whose first line is `line`: when `more` text follows,
    /// a record that runs to the chunk's end is not returned, and [`Records::rest`] says where it
    /// starts, so that it is read again with the next chunk.
    pub(crate) fn chunk(text: &'a str, sep: u8, line: u32, more: bool) -> Self {
        Self { text, pos: 0, line, sep, broken: Vec::new(), more, cut: None }
    }

    /// The first lines of the records left out because a quote in them was never closed.
    pub(crate) fn broken(&self) -> &[u32] {
        &self.broken
    }

    /// Where reading goes on after the records returned: the byte and line of the record that
    /// ran past the chunk, else the chunk's end and the line after it.
    pub(crate) fn rest(&self) -> (usize, u32) {
        self.cut.unwrap_or((self.text.len(), self.line))
    }
}

/// How a quoted field ended.
enum Quoted {
    /// At its closing quote (`pos` on it, or at the end of a one-line field at the end of the text).
    Closed,
    /// Never closed within the limits.
    Open,
}

impl<'a> Iterator for Records<'a> {
    type Item = (u32, Vec<Cow<'a, str>>);

    fn next(&mut self) -> Option<Self::Item> {
        let mut fields = Vec::with_capacity(8);
        self.next_into(&mut fields).map(|line| (line, fields))
    }
}

impl<'a> Records<'a> {
    /// The next record's fields put into `fields` (emptied first), and the line it starts on: a
    /// million-row export is split into one vector reused from row to row, not one per row.
    pub(crate) fn next_into(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<u32> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        'record: loop {
            if self.pos >= len {
                return None;
            }
            let start_line = self.line;
            let start = self.pos;
            fields.clear();
            let mut pos = self.pos;
            loop {
                if pos < len && bytes[pos] == b'"' {
                    // Quoted field: separators and line breaks inside are data, `""` is one quote.
                    let quote_at = pos;
                    let quote_line = self.line;
                    pos += 1;
                    let mut owned: Option<String> = None;
                    let mut seg = pos;
                    let ended = loop {
                        if pos >= len && self.more {
                            // The quote may close in the next chunk: this record is read again there.
                            self.cut = Some((start, start_line));
                            self.pos = len;
                            return None;
                        }
                        if pos >= len {
                            break if self.line > quote_line { Quoted::Open } else { Quoted::Closed };
                        }
                        if self.line - quote_line > MAX_QUOTED_LINES || pos - quote_at > MAX_QUOTED_BYTES {
                            break Quoted::Open;
                        }
                        match bytes[pos] {
                            b'"' if pos + 1 < len && bytes[pos + 1] == b'"' => {
                                owned.get_or_insert_with(String::new).push_str(&text[seg..=pos]);
                                pos += 2;
                                seg = pos;
                            }
                            b'"' => break Quoted::Closed,
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
                            // Straight to the next quote or line break, as far as the limit.
                            _ => {
                                let stop = len.min(quote_at + MAX_QUOTED_BYTES + 1);
                                pos = memchr::memchr3(b'"', b'\n', b'\r', &bytes[pos..stop]).map_or(stop, |i| pos + i);
                            }
                        }
                    };
                    if let Quoted::Open = ended {
                        self.broken.push(start_line);
                        let after = text[quote_at..].find('\n').map_or(len, |i| quote_at + i + 1);
                        self.pos = after;
                        self.line = quote_line + 1;
                        continue 'record;
                    }
                    let body_end = pos.min(len);
                    pos = (pos + 1).min(len);
                    // Text after the closing quote (`"a"b`) is kept, as spreadsheet programs do.
                    let tail = pos;
                    pos = field_end(bytes, pos, self.sep);
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
                    pos = field_end(bytes, pos, self.sep);
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
            return Some(start_line);
        }
    }
}

/// Where the unquoted text from `pos` ends: at the next separator or line break, or the end.
fn field_end(bytes: &[u8], pos: usize, sep: u8) -> usize {
    memchr::memchr3(sep, b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i)
}

/// Why a CSV file's encoding cannot be told: an export must be UTF-8 (with or without a BOM),
/// UTF-16 with a BOM, or Windows-1251, and guessing wrong would turn every name into garbage
/// channels and directions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EncodingDoubt {
    /// Zero bytes between the characters: UTF-16 saved without its BOM.
    Utf16WithoutBom,
    /// Cyrillic letters whose case pattern is KOI8-R's, not Windows-1251's.
    Koi8,
    /// Valid UTF-8 Cyrillic mixed with bytes that are not UTF-8: two encodings in one file.
    Mixed,
}

impl EncodingDoubt {
    /// The sentence for the user.
    pub(crate) fn explain(self) -> &'static str {
        match self {
            EncodingDoubt::Utf16WithoutBom => {
                "the file looks like UTF-16 saved without its byte-order mark, so its text cannot be read reliably; \
                 save it again as CSV UTF-8 (or Windows-1251)"
            }
            EncodingDoubt::Koi8 => {
                "the file's Cyrillic letters look like KOI8-R, an encoding medfunnel does not read; \
                 save it again as CSV UTF-8 (or Windows-1251)"
            }
            EncodingDoubt::Mixed => {
                "the file mixes two encodings (part UTF-8, part Windows-1251), so its text cannot be read reliably; \
                 save it again as CSV UTF-8"
            }
        }
    }
}

/// Whether the bytes of a CSV file have an encoding that cannot be told (see [`EncodingDoubt`]).
/// Files with a BOM and valid UTF-8 are always fine.
pub(crate) fn encoding_doubt(bytes: &[u8]) -> Option<EncodingDoubt> {
    if Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // Text never holds a zero byte; UTF-16 has one in every ASCII character (`;`, digits, line ends).
    if head.contains(&0) {
        return Some(EncodingDoubt::Utf16WithoutBom);
    }
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return None;
    }
    // Pairs that are UTF-8 Cyrillic (Р°, С‹ … in Windows-1251) next to bytes that are not UTF-8.
    let utf8_pairs = bytes.windows(2).filter(|w| matches!(w, [0xD0, 0x90..=0xBF] | [0xD1, 0x80..=0x9F])).count();
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    if utf8_pairs >= 4 && utf8_pairs * 4 >= high / 2 {
        return Some(EncodingDoubt::Mixed);
    }
    // Windows-1251 puts lower-case Cyrillic at E0–FF and capitals at C0–DF; KOI8-R the other way
    // round. Russian text is mostly lower case.
    let upper = bytes.iter().filter(|b| (0xC0..=0xDF).contains(*b)).count();
    let lower = bytes.iter().filter(|b| **b >= 0xE0).count();
    if upper + lower >= 20 && upper > lower * 2 {
        return Some(EncodingDoubt::Koi8);
    }
    None
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
    fn an_open_quote_does_not_glue_rows() {
        let mut text = String::from("a;b\n1;\"open\n");
        for i in 0..30 {
            text.push_str(&format!("{i};Иванова Мария +7 916 123-45-{i:02}\n"));
        }
        let mut records = Records::new(&text, b';');
        let rows: Vec<(u32, Vec<String>)> =
            records.by_ref().map(|(l, f)| (l, f.into_iter().map(Cow::into_owned).collect())).collect();
        assert_eq!(records.broken(), &[2]);
        // Every line after the broken one is read as its own record.
        assert_eq!(rows.len(), 31);
        assert_eq!(rows[1], (3, vec!["0".to_string(), "Иванова Мария +7 916 123-45-00".to_string()]));
        assert!(rows.iter().all(|(_, f)| f.iter().all(|x| x.len() < 100)));
        // A quoted comment over a few lines is still one field.
        let ok = "a;b\n1;\"two\nlines\"\n2;x\n";
        let mut r = Records::new(ok, b';');
        assert_eq!(r.by_ref().count(), 3);
        assert!(r.broken().is_empty());
    }

    #[test]
    fn a_record_cut_by_a_chunk_is_read_again_with_the_next() {
        let text = "a;b\n1;\"two\nlines\"\n2;x\n";
        // The chunk ends inside the quoted field that started on line 2.
        let chunk = &text[..text.find("lines").unwrap()];
        let mut r = Records::chunk(chunk, b';', 1, true);
        assert_eq!(r.by_ref().count(), 1);
        let (at, line) = r.rest();
        assert_eq!((&text[at..at + 2], line), ("1;", 2));
        let rest: Vec<(u32, Vec<String>)> = Records::chunk(&text[at..], b';', line, false)
            .map(|(l, f)| (l, f.into_iter().map(Cow::into_owned).collect()))
            .collect();
        assert_eq!(rest, all(text, b';')[1..].to_vec());
        // A whole chunk ends where its text does.
        let mut whole = Records::chunk("a;b\n", b';', 7, true);
        assert_eq!(whole.by_ref().count(), 1);
        assert_eq!(whole.rest(), (4, 8));
    }

    #[test]
    fn encodings_that_cannot_be_told() {
        let utf16: Vec<u8> = "Дата;Телефон\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(encoding_doubt(&utf16), Some(EncodingDoubt::Utf16WithoutBom));
        let text = "Дата создания;Телефон;Источник;Статус\nзаписан на прием;пришел;оплатил\n";
        let (koi, _, _) = encoding_rs::KOI8_R.encode(text);
        assert_eq!(encoding_doubt(&koi), Some(EncodingDoubt::Koi8));
        let (cp, _, _) = WINDOWS_1251.encode(text);
        assert_eq!(encoding_doubt(&cp), None);
        assert_eq!(encoding_doubt(text.as_bytes()), None);
        let half = [text.as_bytes(), &cp[..]].concat();
        assert_eq!(encoding_doubt(&half), Some(EncodingDoubt::Mixed));
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
