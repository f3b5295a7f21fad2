//! Every message exists in Japanese and in English; the output picks one.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The language a locale name asks for, in any platform's spelling: `ja_JP.UTF-8` (POSIX), `ja-JP`
    /// (Windows, macOS, BCP 47, an editor's `initialize`), `Japanese_Japan.932` (Windows' C runtime) → Japanese;
    /// anything else → English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("ja") { Lang::Ja } else { Lang::En }
    }

    /// The language of the user's system: the POSIX variables `LC_ALL`, `LC_MESSAGES`, `LANG` in that order when
    /// one is set (they override the system on every Unix), else what the operating system says (Windows and
    /// macOS set no such variable).
    pub fn of_system() -> Lang {
        let posix =
            ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
        posix.or_else(sys_locale::get_locale).map_or(Lang::En, |l| Lang::from_locale(&l))
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

/// A value as a message quotes it: as typed, without the YAML quotes around it (`"1,271"` → `1,271`).
pub fn unquoted(written: &str) -> &str {
    written.trim_matches(['"', '\''])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_of_every_platform() {
        for ja in ["ja_JP.UTF-8", "ja-JP", "ja", "Japanese_Japan.932", "JA-jp", " ja_JP.eucJP"] {
            assert_eq!(Lang::from_locale(ja), Lang::Ja, "{ja}");
        }
        for en in ["en_US.UTF-8", "en-GB", "C", "POSIX", "C.UTF-8", "", "zh-Hans-CN"] {
            assert_eq!(Lang::from_locale(en), Lang::En, "{en}");
        }
    }
}
