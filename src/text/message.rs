//! Every message exists in Japanese and in English; the output picks one.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The language a POSIX locale asks for (`ja_JP.UTF-8` → Japanese; anything else → English).
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") { Lang::Ja } else { Lang::En }
    }
}

impl std::str::FromStr for Lang {
    type Err = Message;

    /// `ja` or `en`, or the language's name in either language.
    fn from_str(s: &str) -> Result<Lang, Message> {
        match s.trim() {
            "ja" | "日本語" | "japanese" | "Japanese" => Ok(Lang::Ja),
            "en" | "英語" | "english" | "English" => Ok(Lang::En),
            other => Err(Message::new(
                format!("言語「{other}」は使えません。「ja」（日本語）か「en」（英語）と書いてください"),
                format!("unknown language `{other}`: write ja (Japanese) or en (English)"),
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    pub ja: String,
    pub en: String,
}

impl Message {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Message { ja: ja.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}
