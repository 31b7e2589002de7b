//! Swedish or English: the staff work in Swedish; the code, its docs and scripts in English.
//! Texts are written in both where they are used (`lang.pick("Waiting list", "Väntelista")`),
//! so a message and its translation are read and changed together.

use std::str::FromStr;

use crate::model::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

impl Lang {
    /// Swedish when the locale says so (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one
    /// set, starting with `sv`), else English.
    pub fn from_env() -> Lang {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Lang::from_locale(var.as_deref().unwrap_or(""))
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("sv") {
            Lang::Sv
        } else {
            Lang::En
        }
    }

    /// The text in this language.
    pub fn pick<'a>(self, en: &'a str, sv: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }

    /// An amount as people read it: `1 233,00 kr` in Swedish, `1,233.00 kr` in English.
    pub fn money(self, m: Money) -> String {
        match self {
            Lang::Sv => format!("{} kr", m.swedish()),
            Lang::En => {
                let sign = if m.ore() < 0 { "-" } else { "" };
                let abs = m.ore().unsigned_abs();
                let kr = (abs / 100).to_string();
                let mut grouped = String::new();
                for (i, c) in kr.chars().enumerate() {
                    if i > 0 && (kr.len() - i).is_multiple_of(3) {
                        grouped.push(',');
                    }
                    grouped.push(c);
                }
                format!("{sign}{grouped}.{:02} kr", abs % 100)
            }
        }
    }

    /// A number with one decimal: `12,5` or `12.5`.
    pub fn tenths(self, tenths: u32) -> String {
        let sep = self.pick(".", ",");
        format!("{}{sep}{}", tenths / 10, tenths % 10)
    }

    pub fn code(self) -> &'static str {
        self.pick("en", "sv")
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            _ => Err(format!("expected sv or en, found `{s}`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_swedish_only_when_it_says_sv() {
        for (loc, lang) in [
            ("sv_SE.UTF-8", Lang::Sv),
            ("sv", Lang::Sv),
            ("SV_FI", Lang::Sv),
            ("en_GB.UTF-8", Lang::En),
            ("C.UTF-8", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(loc), lang, "{loc}");
        }
    }

    #[test]
    fn amounts_read_the_local_way() {
        let m = Money(123_300);
        assert_eq!(Lang::Sv.money(m), "1\u{a0}233,00 kr");
        assert_eq!(Lang::En.money(m), "1,233.00 kr");
        assert_eq!(Lang::En.money(Money(-5)), "-0.05 kr");
        assert_eq!(Lang::Sv.tenths(125), "12,5");
    }
}
