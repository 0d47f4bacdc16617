//! Channel kinds (domain.md, "AARRR"): the free text of the Channels sheet's `kind` column read as
//! one of the contract's keys, so that referral visits can be counted whatever words a clinic uses.

/// What sort of channel a channel is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    /// Context ads (контекстная реклама).
    Context,
    /// The website and SEO.
    Seo,
    /// Social networks (соцсети, SMM).
    Social,
    /// Aggregators (ПроДокторов, СберЗдоровье…).
    Aggregator,
    /// Insurance: ДМС and ОМС.
    Insurance,
    /// Word of mouth (рекомендации, сарафанное радио).
    Referral,
    /// Offline: signage, outdoor ads, open days, conferences.
    Offline,
    /// Anything else, a blank cell or an unknown word.
    Other,
}

impl ChannelKind {
    /// Every kind, in the contract's order (the order of the Channels grid's choice).
    pub const ALL: [ChannelKind; 8] = [
        ChannelKind::Context,
        ChannelKind::Seo,
        ChannelKind::Social,
        ChannelKind::Aggregator,
        ChannelKind::Insurance,
        ChannelKind::Referral,
        ChannelKind::Offline,
        ChannelKind::Other,
    ];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ChannelKind::Context => "context",
            ChannelKind::Seo => "seo",
            ChannelKind::Social => "social",
            ChannelKind::Aggregator => "aggregator",
            ChannelKind::Insurance => "insurance",
            ChannelKind::Referral => "referral",
            ChannelKind::Offline => "offline",
            ChannelKind::Other => "other",
        }
    }

    /// The Russian word written on the Channels sheet (one the importer reads back).
    pub fn word_ru(self) -> &'static str {
        match self {
            ChannelKind::Context => "контекст",
            ChannelKind::Seo => "сайт",
            ChannelKind::Social => "соцсети",
            ChannelKind::Aggregator => "агрегатор",
            ChannelKind::Insurance => "страховая",
            ChannelKind::Referral => "рекомендации",
            ChannelKind::Offline => "офлайн",
            ChannelKind::Other => "другое",
        }
    }

    /// The kind a cell's text names: a key or a synonym of the contract (case, `ё`, `_`/`-` and
    /// repeated spaces do not matter); `None` for an unknown word. A blank cell is [`Other`].
    ///
    /// [`Other`]: ChannelKind::Other
    pub fn parse(text: &str) -> Option<ChannelKind> {
        let norm: String = text
            .to_lowercase()
            .replace('ё', "е")
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if norm.is_empty() {
            return Some(ChannelKind::Other);
        }
        let kind = match norm.as_str() {
            "context" | "контекст" | "контекстная реклама" => ChannelKind::Context,
            "seo" | "сайт" => ChannelKind::Seo,
            "social" | "соцсети" | "smm" => ChannelKind::Social,
            "aggregator" | "агрегатор" => ChannelKind::Aggregator,
            "insurance" | "дмс" | "страховая" | "омс" => ChannelKind::Insurance,
            "referral" | "рекомендации" | "рекомендация" | "сарафан" | "сарафанное радио" => {
                ChannelKind::Referral
            }
            "offline" | "офлайн" | "наружная реклама" | "вывеска" | "день открытых дверей" | "конференция" => {
                ChannelKind::Offline
            }
            "other" | "другое" => ChannelKind::Other,
            _ => return None,
        };
        Some(kind)
    }

    /// The kind a cell's text counts as: an unknown word counts as [`Other`](ChannelKind::Other).
    pub fn of(text: &str) -> ChannelKind {
        Self::parse(text).unwrap_or(ChannelKind::Other)
    }
}

/// `kind` in the JSON: the key of a known word (blank → `other`), the trimmed text as written for an
/// unknown one.
pub fn kind_key(text: &str) -> String {
    match ChannelKind::parse(text) {
        Some(k) => k.key().to_string(),
        None => text.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_synonym_of_the_contract() {
        let cases = [
            ("контекст", "context"),
            ("Контекстная  реклама", "context"),
            ("сайт", "seo"),
            ("SEO", "seo"),
            ("соцсети", "social"),
            ("SMM", "social"),
            ("агрегатор", "aggregator"),
            ("ДМС", "insurance"),
            ("страховая", "insurance"),
            ("ОМС", "insurance"),
            ("рекомендации", "referral"),
            ("сарафан", "referral"),
            ("Сарафанное радио", "referral"),
            ("рекомендация", "referral"),
            ("офлайн", "offline"),
            ("наружная реклама", "offline"),
            ("вывеска", "offline"),
            ("день открытых дверей", "offline"),
            ("конференция", "offline"),
            (" referral ", "referral"),
            ("other", "other"),
        ];
        for (text, key) in cases {
            assert_eq!(kind_key(text), key, "{text}");
        }
    }

    #[test]
    fn blank_is_other_and_an_unknown_word_is_kept_but_counts_as_other() {
        assert_eq!(kind_key(""), "other");
        assert_eq!(kind_key("   "), "other");
        assert_eq!(kind_key("  Telegram-бот "), "Telegram-бот");
        assert_eq!(ChannelKind::of("Telegram-бот"), ChannelKind::Other);
        assert_eq!(ChannelKind::parse("Telegram-бот"), None);
    }

    #[test]
    fn the_russian_words_read_back() {
        for k in ChannelKind::ALL {
            assert_eq!(ChannelKind::parse(k.word_ru()), Some(k));
            assert_eq!(ChannelKind::parse(k.key()), Some(k));
        }
    }
}
