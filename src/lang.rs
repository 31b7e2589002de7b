//! Swedish or English: the staff work in Swedish; the code, its docs and scripts in English.
//! Texts are written in both where they are used (`lang.pick("Waiting list", "Väntelista")`, or
//! `tr!` for the process's language), so a message and its translation are read and changed
//! together. Scripts' output (CSV headers, JSON keys and values) stays English.

use std::str::FromStr;
use std::sync::OnceLock;

/// The language of this process, chosen once by the program (`--lang`, the locale) before any
/// message is made; English until then and for library users who never choose.
static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Chooses the process's language; the first choice stands.
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// A message in the process's language: `tr!("no client {id}", "ingen klient {id}")`, each
/// text a `format!` string with the same arguments.
#[macro_export]
macro_rules! tr {
    ($en:literal, $sv:literal $(, $arg:expr)* $(,)?) => {
        match $crate::lang::current() {
            $crate::lang::Lang::Sv => format!($sv $(, $arg)*),
            $crate::lang::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// Amounts a recorded English sentence holds (`1480.00 kr`, `-1,849.00 kr`) written the Swedish
/// way (`1 480,00 kr`), for showing such a sentence in Swedish. (Not `Money::localized`: the
/// model builds on this module, not the other way round.)
fn swedish_amounts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" kr") {
        let (before, after) = rest.split_at(at);
        // The number ends right before " kr": digits, a point, two digits.
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
            .last()
            .map_or(before.len(), |(i, _)| i);
        let number = &before[start..];
        match number.split_once('.') {
            Some((kr, ore)) if ore.len() == 2 && ore.chars().all(|c| c.is_ascii_digit()) => {
                let (sign, kr) = match kr.strip_prefix('-') {
                    Some(k) => ("-", k),
                    None => ("", kr),
                };
                let digits: String = kr.chars().filter(char::is_ascii_digit).collect();
                let mut grouped = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i).is_multiple_of(3) {
                        grouped.push('\u{a0}');
                    }
                    grouped.push(c);
                }
                out.push_str(&before[..start]);
                out.push_str(&format!("{sign}{grouped},{ore}"));
            }
            _ => out.push_str(before),
        }
        out.push_str(" kr");
        rest = &after[3..];
    }
    out.push_str(rest);
    out
}

/// `n` with the word for it, singular or plural, in the process's language:
/// `count(3, ["meeting", "meetings"], ["träff", "träffar"])` is `3 träffar`. English and Swedish
/// have the same two plural forms (CLDR: `one` for 1, `other` for every other count), so a pair
/// per language is the whole rule; Fluent's plural selection would choose between the same two.
pub fn count(n: impl Into<u64>, en: [&str; 2], sv: [&str; 2]) -> String {
    current().count(n, en, sv)
}

/// The form of a word that agrees with a count, without the count: Swedish participles and
/// adjectives take the plural ("1 rapport attesterad", "2 rapporter attesterade").
pub fn agreeing(n: impl Into<u64>, en: [&'static str; 2], sv: [&'static str; 2]) -> &'static str {
    let words = match current() {
        Lang::En => en,
        Lang::Sv => sv,
    };
    if n.into() == 1 { words[0] } else { words[1] }
}

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
    /// [`count`] in this language (a recorded sentence is English whatever the process's).
    pub fn count(self, n: impl Into<u64>, en: [&str; 2], sv: [&str; 2]) -> String {
        let n = n.into();
        let words = match self {
            Lang::En => en,
            Lang::Sv => sv,
        };
        format!("{n} {}", if n == 1 { words[0] } else { words[1] })
    }

    pub fn pick<'a>(self, en: &'a str, sv: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }

    /// A count with its thousands grouped: `486 147` (a no-break space) or `486,147`.
    pub fn thousands(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = self.pick(",", "\u{a0}");
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A number with one decimal: `12,5` or `12.5`.
    pub fn tenths(self, tenths: u32) -> String {
        let sep = self.pick(".", ",");
        format!("{}{sep}{}", tenths / 10, tenths % 10)
    }

    /// A domain word (a status, a kind of pay) as staff say it; words the table lacks stay as
    /// they are. Scripts get the English words (CSV, JSON) whatever the language.
    pub fn word(self, w: &str) -> String {
        if self == Lang::En {
            // A status a person reads as words; values a person types (`client_request`) stay
            // as they are typed, and scripts get the word itself, not this.
            return match w {
                "on_break" => "on a break".to_string(),
                _ => w.to_string(),
            };
        }
        WORDS
            .iter()
            .find(|(en, _)| *en == w)
            .map_or(w, |(_, sv)| *sv)
            .to_string()
    }

    /// A table header or field label in this language (labels the table lacks stay English).
    pub fn label(self, l: &str) -> String {
        if self == Lang::En {
            return l.to_string();
        }
        LABELS
            .iter()
            .chain(WORDS)
            .find(|(en, _)| en.eq_ignore_ascii_case(l))
            .map_or(l, |(_, sv)| *sv)
            .to_string()
    }

    /// A recorded sentence (a history entry, a reason) for a person: known English phrases put
    /// in Swedish around the ids and dates they hold. The records keep the English.
    pub fn phrases(self, text: &str) -> String {
        if self == Lang::En {
            return text.to_string();
        }
        // Sentences whose first word is a common English word are matched whole, not by a
        // phrase (a `back` inside another sentence is not "tillbaka").
        for (en, sv) in [("back ", "tillbaka "), ("leaving ", "slutar ")] {
            if let Some(rest) = text.strip_prefix(en)
                && rest.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                return format!("{sv}{rest}");
            }
        }
        if let Some(s) = self.ending_note(text) {
            return s;
        }
        // `updated phone, wants gender`: the fields a person changed, by their labels.
        if let Some(fields) = text.strip_prefix("updated ") {
            let fields: Vec<String> = fields.split(", ").map(|f| self.label(f)).collect();
            return format!("uppdaterat {}", fields.join(", "));
        }
        let s = PHRASES
            .iter()
            .fold(text.to_string(), |s, (en, sv)| s.replace(en, sv));
        swedish_amounts(&s)
    }

    /// `goal_reached: Målen nådda`: why a decision closed or a volunteer leaves, the reason's
    /// word first (`ops::end` writes it so), then what staff wrote, with the word in this
    /// language. `None` for a text that does not start with a reason.
    pub fn ending_note(self, text: &str) -> Option<String> {
        let (head, note) = text.split_once(": ").unwrap_or((text, ""));
        if !(head.contains('_') || ENDINGS.contains(&head)) {
            return None;
        }
        let word = self.word(head);
        (word != head).then(|| match note {
            "" => word,
            n => format!("{word}: {n}"),
        })
    }

    /// A value's parse error from the model (`MonthError`, a date's, a personnummer's) in this
    /// language.
    pub fn model_message(self, message: &str) -> String {
        if self == Lang::En {
            return message.to_string();
        }
        MODEL
            .iter()
            .fold(message.to_string(), |s, (en, sv)| s.replace(en, sv))
    }

    /// A parser's message (serde's, toml's) in this language; the names and values it
    /// quotes stay as they are. The record keeps nothing of it: this is for display only.
    pub fn parser_message(self, message: &str) -> String {
        const SV: &[(&str, &str)] = &[
            // toml's syntax errors (a file typed by hand), the longer phrases first.
            ("invalid multi-line basic string", "ogiltig flerradstext"),
            ("invalid multi-line literal string", "ogiltig flerradstext"),
            ("invalid basic string", "ogiltig text"),
            ("invalid literal string", "ogiltig text"),
            ("invalid string", "ogiltig text"),
            ("multi-line basic string", "flerradstext"),
            ("multi-line literal string", "flerradstext"),
            ("literal string", "text"),
            ("basic string", "text"),
            ("invalid unquoted key", "ogiltig nyckel"),
            ("invalid integer number", "ogiltigt heltal"),
            ("invalid float", "ogiltigt decimaltal"),
            ("invalid boolean", "ogiltigt sanningsvärde"),
            (
                "string values must be quoted",
                "textvärden måste stå inom citattecken",
            ),
            (
                "missing comma between array elements",
                "komma saknas mellan listans värden",
            ),
            (
                "missing comma between key-value pairs",
                "komma saknas mellan nycklarna",
            ),
            (
                "missing assignment between key-value pairs",
                "`=` saknas mellan nyckel och värde",
            ),
            (
                "extra assignment between key-value pairs",
                "ett `=` för mycket mellan nyckel och värde",
            ),
            ("missing value for key", "värde saknas för nyckeln"),
            ("key with no value", "nyckel utan värde"),
            ("missing value", "värde saknas"),
            ("unclosed array table", "tabellrubriken stängs inte"),
            ("unclosed inline table", "tabellen stängs inte"),
            ("unclosed table", "tabellrubriken stängs inte"),
            ("unclosed array", "listan stängs inte"),
            ("extra comma in array", "ett komma för mycket i listan"),
            (
                "extra comma in inline table",
                "ett komma för mycket i tabellen",
            ),
            (
                "unexpected content between comment and newline",
                "oväntat innehåll efter kommentaren",
            ),
            ("unexpected content", "oväntat innehåll"),
            (
                "unexpected key or value",
                "oväntad nyckel eller oväntat värde",
            ),
            ("missing opening quote", "inledande citattecken saknas"),
            ("unexpected leading zero", "oväntad inledande nolla"),
            ("invalid key-value pair", "ogiltigt par av nyckel och värde"),
            ("invalid key", "ogiltig nyckel"),
            ("invalid table", "ogiltig tabell"),
            // serde's types, as the message names them.
            ("invalid type: string", "fel typ: text"),
            ("invalid type: integer", "fel typ: heltal"),
            ("invalid type: floating point", "fel typ: decimaltal"),
            ("invalid type: boolean", "fel typ: sanningsvärde"),
            ("invalid type: map", "fel typ: tabell"),
            ("invalid type: sequence", "fel typ: lista"),
            ("invalid value: integer", "ogiltigt värde: heltal"),
            ("expected newline", "väntade radbrytning"),
            ("expected nothing", "väntade inget"),
            ("expected value", "väntade ett värde"),
            ("expected u8", "väntade ett heltal"),
            ("expected u16", "väntade ett heltal"),
            ("expected u32", "väntade ett heltal"),
            ("expected u64", "väntade ett heltal"),
            ("expected i32", "väntade ett heltal"),
            ("expected i64", "väntade ett heltal"),
            ("expected usize", "väntade ett heltal"),
            ("expected a string", "väntade en text"),
            ("expected a boolean", "väntade true eller false"),
            ("expected a sequence", "väntade en lista"),
            ("expected a map", "väntade en tabell"),
            // What kontakt's own value types say they expect (`model::date`, `id`, `pnr`) and
            // toml's word for an enum given the wrong type.
            ("a date YYYY-MM-DD", "ett datum ÅÅÅÅ-MM-DD"),
            ("an id like `C-7Q2K9M`", "ett id som `C-7Q2K9M`"),
            (
                "a personnummer YYYYMMDDNNNN",
                "ett personnummer ÅÅÅÅMMDDNNNN",
            ),
            ("wanted string or table", "väntade en text eller en tabell"),
            // Two of a field's values: "`granted` or `denied`".
            ("` or `", "` eller `"),
            // toml_datetime's: "invalid {what}, expected {expected}" (a TOML date or time
            // typed wrong, `applied = 2026-8-03`); the longer phrases first.
            ("invalid local datetime", "ogiltig lokal tidpunkt"),
            ("invalid offset datetime", "ogiltig tidpunkt med tidszon"),
            ("invalid local date", "ogiltigt lokalt datum"),
            ("invalid local time", "ogiltig lokal tid"),
            ("invalid datetime", "ogiltig tidpunkt"),
            ("invalid date-time", "ogiltig tidpunkt"),
            ("invalid date", "ogiltigt datum"),
            ("invalid partial-time", "ogiltig tid"),
            ("invalid time", "ogiltig tid"),
            ("invalid offset", "ogiltig tidszon"),
            ("a four-digit year (YYYY)", "ett fyrsiffrigt år (ÅÅÅÅ)"),
            ("a two-digit month (MM)", "en tvåsiffrig månad (MM)"),
            ("a two-digit day (DD)", "en tvåsiffrig dag (DD)"),
            ("a two-digit hour (HH)", "en tvåsiffrig timme (TT)"),
            ("a two-digit minute (MM)", "en tvåsiffrig minut (MM)"),
            ("a two-digit second (SS)", "en tvåsiffrig sekund (SS)"),
            ("`T` between date and time", "`T` mellan datum och tid"),
            ("`Z`, +OFFSET, -OFFSET", "`Z`, +TIDSZON, -TIDSZON"),
            (
                "a valid datetime field",
                "ett giltigt fält för datum eller tid",
            ),
            (
                "unsupported datetime combination",
                "datum och tid i en kombination som inte stöds",
            ),
            ("missing field", "saknat fält"),
            ("unknown field", "okänt fält"),
            ("invalid type:", "fel typ:"),
            ("invalid value:", "ogiltigt värde:"),
            ("unknown variant", "okänt värde"),
            ("expected one of", "väntade ett av"),
            ("expected", "väntade"),
            ("did you mean", "menade du"),
            ("duplicate key", "dubblerad nyckel"),
            ("invalid", "ogiltig"),
        ];
        if self == Lang::En {
            return message.to_string();
        }
        // A value not among a field's: each expected word with the Swedish staff know it by
        // (`female` (kvinna)), since the record keeps the English one.
        let values = match message.split_once("unknown variant ") {
            Some((head, rest)) => match rest.split_once(", expected ") {
                Some((found, expected)) => {
                    let words: Vec<String> = expected
                        .split(", ")
                        .flat_map(|w| w.split(" or "))
                        .map(|w| w.trim_start_matches("one of "))
                        .map(|w| {
                            let bare = w.trim_matches('`');
                            match self.word(bare) {
                                sv if sv != bare => format!("{w} ({sv})"),
                                _ => w.to_string(),
                            }
                        })
                        .collect();
                    let list = match words.as_slice() {
                        [a, b] => format!("{a} eller {b}"),
                        _ => format!("ett av {}", words.join(", ")),
                    };
                    Some(format!("{head}okänt värde {found}, väntade {list}"))
                }
                None => None,
            },
            None => None,
        };
        if let Some(v) = values {
            return self.model_message(&v);
        }
        SV.iter()
            .fold(self.model_message(message), |s, (en, sv)| s.replace(en, sv))
    }

    pub fn code(self) -> &'static str {
        self.pick("en", "sv")
    }
}

/// English words of the records and their Swedish, as the field says them.
const WORDS: &[(&str, &str)] = &[
    ("applied", "ansökt"),
    ("proposed by match auto", "föreslaget av match auto"),
    ("proposed", "föreslaget"),
    ("granted", "beviljad"),
    ("denied", "avslag"),
    ("expired", "upphört"),
    ("screening", "under utredning"),
    ("approved", "godkänd"),
    ("rejected", "avslagen"),
    ("on_break", "uppehåll"),
    ("left", "slutat"),
    ("proposed", "föreslaget"),
    ("declined", "avböjt"),
    ("unsigned", "ej undertecknat"),
    ("agreed", "avtalat"),
    ("active", "pågår"),
    ("ended", "avslutat"),
    ("fee", "arvode"),
    ("expense", "omkostnadsersättning"),
    ("correction", "rättelse"),
    ("mileage", "milersättning"),
    ("mileage_taxable", "milersättning, skattepliktig del"),
    ("travel", "reseersättning"),
    ("receipt", "utlägg"),
    ("client", "klient"),
    ("volunteer", "kontaktperson"),
    ("staff", "handläggare"),
    ("yes", "ja"),
    ("decision expires", "beslut upphör"),
    ("follow-up", "uppföljning"),
    ("not in effect", "ej verkställt"),
    ("report to IVO", "rapportera till IVO"),
    ("new", "ny"),
    ("continuing", "kvarstår"),
    ("in effect", "verkställt"),
    ("closed", "avslutat"),
    ("female", "kvinna"),
    ("male", "man"),
    ("any", "alla"),
    ("police extract expires", "registerutdrag upphör"),
    ("household not cleared", "hushållet inte kontrollerat"),
    ("report missing", "rapport saknas"),
    ("report to approve", "rapport att attestera"),
    ("pay owed", "skuld att reglera"),
    ("no", "nej"),
    ("client_request", "klientens begäran"),
    ("volunteer_request", "kontaktpersonens begäran"),
    ("goal_reached", "målet uppnått"),
    ("moved", "flyttat"),
    ("decision_expired", "beslutet upphört"),
    ("other", "annat"),
    ("paused", "uppehåll"),
    ("leaving", "slutar"),
    ("pause ends", "uppehåll slutar"),
    ("pause open-ended", "uppehåll tills vidare"),
    ("appeal to forward", "överklagande att lämna över"),
    ("support contact", "stödkontakt"),
    ("met", "uppnådda"),
    ("partly", "delvis"),
    ("not", "inte uppnådda"),
    ("continue", "fortsätter"),
    ("change", "ändras"),
    ("end", "avslutas"),
    ("goals", "mål"),
    ("client says", "klienten säger"),
    ("volunteer says", "kontaktpersonen säger"),
    ("next", "sedan"),
    ("handledning", "handledning"),
    ("group", "gruppträff"),
    ("phone", "telefon"),
    ("visit", "besök"),
    ("cull", "gallras"),
    ("culled", "gallrad"),
    ("keep", "bevaras"),
    ("archive", "arkiveras"),
    ("verdict", "utfall"),
    ("file of", "akt för"),
    ("why", "varför"),
    ("files", "filer"),
    // Values as staff type them back (`model::common::SWEDISH_VALUES` reads these).
    ("weekday-day", "vardag-dag"),
    ("weekday-evening", "vardag-kväll"),
    ("weekend", "helg"),
    ("ok", "bra"),
    ("concern", "oro"),
];

/// The reasons an ending records (`EndReason`) that are one word, without an underscore.
const ENDINGS: &[&str] = &["moved", "other"];

/// Phrases of history entries and pay's reasons, longest first where one contains another.
const PHRASES: &[(&str, &str)] = &[
    (
        "kontakt.toml has no kontaktfamilj rates for",
        "kontakt.toml har inga kontaktfamiljsersättningar för",
    ),
    (
        "kontakt.toml has no meeting tariff",
        "kontakt.toml har ingen träfftariff",
    ),
    (
        "kontakt.toml has no mileage rate in force in",
        "kontakt.toml har ingen milersättning som gäller",
    ),
    (
        "meeting(s): below the lowest level of tariff",
        "träff(ar): under lägsta nivån i tariffen",
    ),
    (
        "meetings: below the lowest level of tariff",
        "träffar: under lägsta nivån i tariffen",
    ),
    (
        "meeting: below the lowest level of tariff",
        "träff: under lägsta nivån i tariffen",
    ),
    ("home visit recorded", "hembesök registrerat"),
    ("adult in the household: ", "vuxen i hushållet: "),
    (
        "adult left the household: ",
        "vuxen flyttade från hushållet: ",
    ),
    (
        "Kronofogden's register checked",
        "Kronofogdens register kontrollerat",
    ),
    (
        "Försäkringskassan's register checked",
        "Försäkringskassans register kontrollerat",
    ),
    (" meetings)", " träffar)"),
    ("appeal received", "överklagande inkommet"),
    ("appeal reconsidered", "överklagande omprövat"),
    (": changed as asked", ": ändrat som begärt"),
    (": unchanged", ": oförändrat"),
    (
        "appeal forwarded to the court",
        "överklagande överlämnat till förvaltningsrätten",
    ),
    ("judgment ", "dom "),
    ("notified ", "delgivet "),
    ("support contact", "stödkontakt"),
    ("paused from", "uppehåll från"),
    (", back ", ", tillbaka "),
    ("break from ", "uppehållet från "),
    (" dropped: leaving ", " borttaget: slutar "),
    ("interruption: ", "avbrott: "),
    (" ended ", " avslutades "),
    (", waiting again from ", ", väntar igen från "),
    (" cancelled", " inställt"),
    ("plan made", "plan upprättad"),
    ("plan changed", "plan ändrad"),
    (
        "proposed again after a decline",
        "föreslaget igen efter ett nej",
    ),
    (
        "proposed again after an interruption",
        "föreslaget igen efter ett avbrott",
    ),
    ("never began", "började aldrig"),
    (
        "correction pending: the report was corrected after this run; the next run pays the difference",
        "rättelse väntar: rapporten rättades efter denna körning; nästa körning betalar skillnaden",
    ),
    ("corrected by", "rättad av"),
    (
        "confidentiality undertaking signed",
        "sekretessförbindelse undertecknad",
    ),
    ("agreement signed", "avtal undertecknat"),
    ("agreement from", "avtal från"),
    ("employee number recorded", "anställningsnummer registrerat"),
    ("interview recorded", "intervju registrerad"),
    (
        "police-register extract recorded",
        "registerutdrag registrerat",
    ),
    ("reference recorded", "referens registrerad"),
    ("social register checked", "socialregistret kontrollerat"),
    ("terms changed from", "villkor ändrade från"),
    ("followed up", "följdes upp"),
    ("delay reason recorded", "skäl till dröjsmål registrerat"),
    ("IVO code assigned", "IVO-kod given"),
    ("closed", "avslutat"),
    ("report missing", "rapport saknas"),
    ("report not approved", "rapporten är inte attesterad"),
    (
        "the agreement is not signed",
        "avtalet är inte undertecknat",
    ),
    (
        "the client's decision does not cover",
        "klientens beslut omfattar inte",
    ),
    ("has no prisbasbelopp for", "har inget prisbasbelopp för"),
    ("has no employee number", "har inget anställningsnummer"),
    (
        "'s employee number is not one payroll can take (`kontakt check` names it)",
        ":s anställningsnummer kan lönesystemet inte ta emot (`kontakt check` pekar ut det)",
    ),
    ("no meetings reported", "inga träffar rapporterade"),
    (
        "pay it outside kontakt and record that with",
        "betala utanför kontakt och registrera det med",
    ),
    ("or raise", "eller höj"),
    ("in kontakt.toml", "i kontakt.toml"),
    ("kr owed", "kr att betala"),
    ("--settled-outside REASON", "--settled-outside SKÄL"),
    ("--correct REASON", "--correct SKÄL"),
    (
        "older than the retroactive limit",
        "äldre än gränsen för retroaktiv betalning",
    ),
    ("settled outside kontakt on", "reglerad utanför kontakt den"),
    ("settled outside kontakt", "reglerad utanför kontakt"),
    ("cannot be worked out again", "kan inte räknas fram igen"),
    (" kr in all (with ", " kr sammanlagt (med "),
    (
        "changed after it was paid (paid",
        "ändrad efter utbetalning (betalt",
    ),
    (
        "changed after it was paid (the correction of",
        "ändrad efter utbetalning (rättelsen den",
    ),
    (" settled ", " reglerade "),
    ("the records now give nothing", "akterna ger nu inget"),
    ("the records now give", "akterna ger nu"),
    (" fee: paid ", " arvode: betalt "),
    (" expense: paid ", " omkostnadsersättning: betalt "),
    (" correction: paid ", " rättelse: betalt "),
    (" mileage: paid ", " milersättning: betalt "),
    (
        " mileage_taxable: paid ",
        " milersättning, skattepliktig del: betalt ",
    ),
    (" travel: paid ", " reseersättning: betalt "),
    (" receipt: paid ", " utlägg: betalt "),
    ("record the change with", "registrera ändringen med"),
    ("months)", "månader)"),
    ("proposed by match auto", "föreslaget av match auto"),
    ("proposed", "föreslaget"),
    ("granted", "beviljad"),
    ("denied", "avslag"),
    ("applied", "ansökt"),
    ("approved", "godkänd"),
    ("rejected", "avslagen"),
    ("declined", "avböjt"),
    ("ends", "slutar"),
    (" to ", " till "),
];

/// Table headers and field labels of the terminal's output.
const LABELS: &[(&str, &str)] = &[
    ("id", "id"),
    ("name", "namn"),
    ("personnummer", "personnummer"),
    ("breaks", "uppehåll"),
    ("handler", "handläggare"),
    ("guardians", "vårdnadshavare"),
    ("applied for", "sökt"),
    ("concern", "oro"),
    ("approved despite", "godkänd trots oro"),
    // A report is attested (attesterad) by staff; a volunteer is approved (godkänd).
    ("attested", "attesterad"),
    ("interrupted", "avbrott"),
    ("status", "status"),
    ("area", "område"),
    ("decision until", "beslut till"),
    ("assignment", "uppdrag"),
    ("assignments", "uppdrag"),
    ("availability", "tillgänglighet"),
    ("basis", "lagrum"),
    ("by", "av"),
    ("capacity", "platser"),
    ("offers to be", "erbjuder sig som"),
    ("takes ages", "tar emot åldrar"),
    ("home visit", "hembesök"),
    ("household", "hushållet"),
    ("other registers", "andra register"),
    ("confidentiality", "sekretessförbindelse"),
    ("consent", "samtycke"),
    ("corrections", "rättelser"),
    ("cost centre", "kostnadsställe"),
    ("created", "skapad"),
    ("cull by", "gallras senast"),
    ("cull from", "gallras från"),
    ("date", "datum"),
    ("counted", "antal"),
    ("paid", "betalas"),
    ("also reported", "även rapporterat"),
    ("amount kr", "belopp kr"),
    ("travel and outlays", "resor och utlägg"),
    ("days", "dagar"),
    ("decided", "beslutat"),
    ("detail", "detalj"),
    ("due", "datum"),
    ("email", "e-post"),
    ("event", "händelse"),
    ("expenses", "omkostnader"),
    ("expenses / month", "omkostnader / månad"),
    ("extract valid to", "utdrag giltigt till"),
    ("fee (arvode)", "arvode"),
    ("fee / month", "arvode / månad"),
    ("file", "fil"),
    ("files", "filer"),
    ("from", "från"),
    ("interests", "intressen"),
    ("interview", "intervju"),
    ("kind", "slag"),
    ("kr", "kr"),
    ("languages", "språk"),
    ("last day", "sista dag"),
    ("last entry", "senaste anteckning"),
    ("lines", "rader"),
    ("löneart", "löneart"),
    ("meetings", "träffar"),
    ("month", "månad"),
    ("note", "anteckning"),
    ("outcome", "utfall"),
    ("overdue", "försenad"),
    ("period", "period"),
    ("phone", "telefon"),
    ("police extract", "belastningsregisterutdrag"),
    ("proposal", "förslag"),
    ("reason", "skäl"),
    ("references", "referenser"),
    ("report", "rapport"),
    ("reported", "rapporterad"),
    ("score", "poäng"),
    ("sha256", "sha256"),
    ("signed", "undertecknat"),
    ("social register", "socialregistret"),
    ("start", "start"),
    ("to", "till"),
    ("total", "summa"),
    ("total kr", "summa kr"),
    ("wants gender", "önskat kön"),
    ("what", "vad"),
    ("age", "ålder"),
    ("waiting", "väntetid"),
    ("needs volunteer", "behöver kontaktperson"),
    ("free places", "lediga platser"),
    ("ivo code", "IVO-kod"),
    ("sex", "kön"),
    ("insats", "insats"),
    ("since", "sedan"),
    ("offers", "erbjudanden"),
    ("reason for the delay", "skäl till dröjsmålet"),
    ("in effect or closed", "verkställt eller avslutat"),
    ("reportable from", "rapporteras från"),
    ("law", "lag"),
];

/// The model's messages (parse errors of values), written in English where they are made (the
/// model keeps no language) and put in Swedish here, for a person, whole or by the fragments
/// around the value they quote.
const MODEL: &[(&str, &str)] = &[
    (
        "a denied decision needs its reason",
        "ett avslag behöver sitt skäl",
    ),
    (
        "a granted decision needs its period (`from` and `to`)",
        "ett beviljande beslut behöver sin period (`from` och `to`)",
    ),
    (
        "a denied decision grants no period: remove `from` and `to`, or make it `granted`",
        "ett avslag beviljar ingen period: ta bort `from` och `to`, eller gör det `granted`",
    ),
    (
        "is not known to this kontakt (expected",
        "är okänt för denna kontakt (väntade",
    ),
    (
        "): a newer kontakt wrote it, or it was typed wrong",
        "): en nyare kontakt skrev den, eller så är den felskriven",
    ),
    (
        "expected a capacity from 1 to",
        "väntade ett antal platser från 1 till",
    ),
    (" places, found", " platser, fann"),
    (
        "expected a trip DATE:KM like 2026-10-12:46 or 2026-10-12:4.6mil, found",
        "en resa DATUM:KM väntades, som 2026-10-12:46 eller 2026-10-12:4,6mil, fann",
    ),
    (
        "a trip is counted in whole km, found",
        "en resa räknas i hela km, fann",
    ),
    ("the stay ends (", "vistelsen slutar ("),
    (") before it begins (", ") innan den börjar ("),
    (
        "expected a receipt KR:REFERENCE like 120.50:kvitto 12",
        "ett kvitto KR:REFERENS väntades, som 120.50:kvitto 12",
    ),
    (
        "a receipt needs a reference after the colon",
        "ett kvitto behöver en referens efter kolonet",
    ),
    (
        "expected hours like 2 or 2.5, found",
        "timmar som 2 eller 2,5 väntades, fann",
    ),
    (
        " hours is more than a month has",
        " timmar är mer än en månad har",
    ),
    (
        "expected a time HH:MM, found",
        "en tid TT:MM väntades, fann",
    ),
    (
        "expected the ages taken as MIN-MAX in years from 0 to 99, like `0-12`",
        "åldrarna som tas emot väntades som MIN-MAX i år från 0 till 99, som `0-12`",
    ),
    (
        "expected at least one of kontaktperson, kontaktfamilj",
        "minst en av kontaktperson, kontaktfamilj väntades",
    ),
    (
        "expected an id like `C-7Q2K9M` (a letter C, V, A or P, a dash, six characters of 0-9 A-Z)",
        "ett id som `C-7Q2K9M` väntades (bokstaven C, V, A eller P, ett bindestreck, sex tecken 0-9 A-Z)",
    ),
    (
        "expected 10 or 12 digits (YYMMDD-NNNN or YYYYMMDD-NNNN)",
        "10 eller 12 siffror väntades (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN)",
    ),
    (
        "expected the 12 digits YYYYMMDDNNNN (or YYYYMMDD-NNNN)",
        "de 12 siffrorna ÅÅÅÅMMDDNNNN väntades (eller ÅÅÅÅMMDD-NNNN)",
    ),
    ("the check digit is wrong", "kontrollsiffran är fel"),
    (
        "the date part is not a real date",
        "datumdelen är inget verkligt datum",
    ),
    (
        "the birth date lies in the future",
        "födelsedatumet ligger i framtiden",
    ),
    (
        "the birth number 000 is never issued",
        "födelsenummer 000 delas aldrig ut",
    ),
    (
        "expected a quarter YYYYQN with N from 1 to 4, like 2026Q3",
        "ett kvartal ÅÅÅÅQN med N från 1 till 4 väntades, som 2026Q3",
    ),
    (
        "expected an amount in kronor, like 1233 or 1233.50 (at most 10 000 000)",
        "ett belopp i kronor väntades, som 1233 eller 1233.50 (högst 10 000 000)",
    ),
    (
        "an amount is too large to compute (beyond 92 233 720 368 547 758 kr): a record holds an absurd amount",
        "ett belopp är för stort att räkna med (över 92 233 720 368 547 758 kr): en akt har ett orimligt belopp",
    ),
    (
        "expected a month YYYY-MM, like 2026-10",
        "en månad ÅÅÅÅ-MM väntades, som 2026-10",
    ),
    (
        "expected N/week or N/month with N from 1 to 31, like `1/week`",
        "N/vecka eller N/månad väntades, med N från 1 till 31, som `1/vecka`",
    ),
    (
        "expected an age range MIN-MAX in years from 18 to 99, like `25-40`",
        "ett åldersspann MIN-MAX i år från 18 till 99 väntades, som `25-40`",
    ),
    (
        "expected a date YYYY-MM-DD, found",
        "ett datum ÅÅÅÅ-MM-DD väntades, hittade",
    ),
    ("the year ", "året "),
    (" is outside ", " ligger utanför "),
    (
        " is not a date in the calendar",
        " är inget datum i kalendern",
    ),
];

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            _ => Err(crate::tr!(
                "expected sv or en, found `{s}`",
                "väntade sv eller en, fann `{s}`"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::assignment::{EndReason, Party};
    use crate::model::client::{Goals, Next};
    use crate::model::common::{parse_word, word};
    use crate::model::volunteer::SupportKind;
    use crate::model::{Availability, GenderWish, Verdict};

    /// Every value of `all`, shown in Swedish, reads back as itself when typed: what staff
    /// read in `show` is what they may type in `update`, `screen` or a CSV.
    fn read_back<T>(all: &[T])
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        for v in all {
            let sv = Lang::Sv.word(&word(v));
            assert_eq!(parse_word::<T>(&sv).as_ref(), Ok(v), "{sv}");
        }
    }

    /// A date or time typed wrong in a record is told in Swedish, whatever part is wrong.
    #[test]
    fn a_mistyped_toml_date_is_told_in_swedish() {
        let cases = [
            (
                "applied = 2026-8-03",
                "ogiltigt datum, väntade en tvåsiffrig månad (MM)",
            ),
            (
                "applied = 2026-08-3",
                "ogiltigt datum, väntade en tvåsiffrig dag (DD)",
            ),
            ("applied = 226-08-03", "ett fyrsiffrigt år (ÅÅÅÅ)"),
            ("at = 2026-08-03T9:00:00", "en tvåsiffrig timme (TT)"),
            ("at = 2026-08-03T09:0:00", "en tvåsiffrig minut (MM)"),
        ];
        for (text, want) in cases {
            let e = toml::from_str::<toml::Table>(text).expect_err(text);
            let sv = Lang::Sv.parser_message(e.message());
            assert!(sv.contains(want), "{text}: {sv}");
            for english in [
                "invalid", "expected", "digit", "date", "month", "year", "hour",
            ] {
                assert!(!sv.contains(english), "{text}: {sv}");
            }
        }
    }

    /// A record typed wrong by hand (syntax, a value's type, a field's two values) is told in
    /// Swedish, the words toml and serde use included.
    #[test]
    fn a_hand_typed_record_is_told_in_swedish() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Rec {
            #[serde(default)]
            capacity: u32,
            #[serde(default)]
            name: String,
            #[serde(default)]
            basis: Option<crate::model::common::Basis>,
            #[serde(default)]
            list: Vec<u32>,
            #[serde(default)]
            on: bool,
        }
        let cases = [
            "capacity = \"tre\"",
            "capacity = -4",
            "name = 5",
            "name = { a = 1 }",
            "basis = \"x\"",
            "on = 1",
            "list = 3",
            "name = tre",
            "name = \"unclosed",
            "list = [1 2]",
            "list = [1,,2]",
            "name",
            "name = ",
            "[table",
            "name = 'a' x",
            "capacity = 07",
        ];
        for text in cases {
            let e = toml::from_str::<Rec>(text).expect_err(text);
            let sv = Lang::Sv.parser_message(e.message());
            for english in [
                "invalid",
                "expected",
                "string",
                "missing",
                "unclosed",
                "type",
                "value ",
                "integer",
                "quoted",
                " or ",
                "key",
                "unexpected",
                "comma",
                "array",
                "table",
                "u32",
                "a map",
                "value",
                "newline",
                "nothing",
                "literal",
                "basic",
            ] {
                assert!(!sv.contains(english), "{text}: {} reads {sv}", e.message());
            }
        }
    }

    /// A field's values named with their Swedish: a record keeps `female`, staff say kvinna.
    #[test]
    fn a_value_not_among_a_fields_is_told_with_the_swedish_words() {
        assert_eq!(
            Lang::Sv.parser_message(
                "unknown variant `kvinna`, expected one of `any`, `female`, `male`"
            ),
            "okänt värde `kvinna`, väntade ett av `any` (alla), `female` (kvinna), `male` (man)"
        );
        assert_eq!(
            Lang::Sv.parser_message("unknown variant `maybe`, expected `granted` or `denied`"),
            "okänt värde `maybe`, väntade `granted` (beviljad) eller `denied` (avslag)"
        );
    }

    #[test]
    fn every_value_shown_in_swedish_reads_back_as_itself() {
        use Availability::*;
        read_back(&[WeekdayDay, WeekdayEvening, Weekend]);
        read_back(&[Verdict::Ok, Verdict::Concern]);
        read_back(&[GenderWish::Female, GenderWish::Male, GenderWish::Any]);
        read_back(&[Party::Client, Party::Volunteer, Party::Staff]);
        read_back(&[Goals::Met, Goals::Partly, Goals::Not]);
        read_back(&[Next::Continue, Next::Change, Next::End]);
        read_back(&[
            SupportKind::Handledning,
            SupportKind::Group,
            SupportKind::Phone,
            SupportKind::Visit,
            SupportKind::Other,
        ]);
        read_back(&[
            EndReason::ClientRequest,
            EndReason::VolunteerRequest,
            EndReason::GoalReached,
            EndReason::Moved,
            EndReason::DecisionExpired,
            EndReason::Other,
        ]);
    }

    #[test]
    fn amounts_in_a_recorded_sentence_are_written_the_swedish_way_in_swedish() {
        assert_eq!(
            Lang::Sv
                .phrases("2026-06: 131.00 kr owed; 1480.00 kr and -1,849.00 kr; 12 kr; v1.2 kr"),
            "2026-06: 131,00 kr att betala; 1\u{a0}480,00 kr and -1\u{a0}849,00 kr; 12 kr; v1.2 kr"
        );
        assert_eq!(Lang::En.phrases("131.00 kr owed"), "131.00 kr owed");
    }

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
    fn counts_group_their_thousands_the_local_way() {
        assert_eq!(Lang::En.thousands(486_147), "486,147");
        assert_eq!(Lang::Sv.thousands(486_147), "486\u{a0}147");
        assert_eq!(Lang::Sv.thousands(1_000_000), "1\u{a0}000\u{a0}000");
        assert_eq!(Lang::En.thousands(999), "999");
        assert_eq!(Lang::En.thousands(0), "0");
    }

    #[test]
    fn tenths_read_the_local_way() {
        assert_eq!(Lang::Sv.tenths(125), "12,5");
    }

    #[test]
    fn recorded_sentences_read_in_swedish_around_their_dates() {
        assert_eq!(
            Lang::Sv.phrases("granted 2026-05-04 to 2027-05-03"),
            "beviljad 2026-05-04 till 2027-05-03"
        );
        assert_eq!(
            Lang::Sv.phrases("confidentiality undertaking signed"),
            "sekretessförbindelse undertecknad"
        );
        assert_eq!(Lang::Sv.phrases("C-7Q2K9M"), "C-7Q2K9M");
        assert_eq!(
            Lang::En.phrases("granted 2026-05-04 to 2027-05-03"),
            "granted 2026-05-04 to 2027-05-03"
        );
    }

    /// Every sentence a record's history holds (`ops` writes them in English) reads in Swedish,
    /// with no English word of it left. A new kind of event without its Swedish fails here.
    #[test]
    fn every_history_event_reads_in_swedish() {
        let events = [
            "applied",
            "granted 2026-05-04 to 2027-05-03",
            "denied",
            "followed up 2026-06-01",
            "delay reason recorded",
            "closed 2026-06-01",
            "notified 2026-06-01",
            "appeal received 2026-06-01",
            "appeal reconsidered 2026-06-01: unchanged",
            "appeal reconsidered 2026-06-01: changed as asked",
            "appeal forwarded to the court 2026-06-01",
            "judgment 2026-06-01",
            "IVO code assigned",
            "ends 2026-06-01",
            "leaving 2026-06-01",
            "interview recorded",
            "reference recorded",
            "employee number recorded",
            "approved",
            "rejected",
            "police-register extract recorded",
            "social register checked (Karl Lind)",
            "Kronofogden's register checked",
            "Försäkringskassan's register checked",
            "home visit recorded",
            "adult left the household: Karl Lind",
            "adult in the household: Karl Lind",
            "proposed",
            "proposed by match auto",
            "proposed again after a decline",
            "proposed again after an interruption",
            "declined",
            "support contact 2026-06-01",
            "paused from 2026-06-01, back 2026-09-01",
            "paused from 2026-06-01",
            "back 2026-09-01",
            "break from 2026-06-01 cancelled",
            "break from 2026-07-01 dropped: leaving 2026-05-31",
            "interruption: A-7Q2K9M ended 2026-06-01, waiting again from 2026-06-02",
            "plan made",
            "plan changed",
            "agreement from 2026-06-01",
            "terms changed from 2026-06-01",
            "agreement signed",
            "confidentiality undertaking signed",
            "updated phone, email, area, interests, languages, availability, capacity",
            "updated wants gender, note, handler, guardians",
        ];
        // Words the two languages share, and the names above.
        let same = [
            "IVO",
            "auto",
            "match",
            "plan",
            "register",
            "Karl",
            "Lind",
            "Kronofogden",
            "Försäkringskassan",
        ];
        for e in events {
            let sv = Lang::Sv.phrases(e);
            let english: Vec<&str> = e
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 1 && !same.contains(w))
                .collect();
            let left: Vec<&str> = sv
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| english.contains(w))
                .collect();
            assert!(
                left.is_empty(),
                "`{e}` reads `{sv}`: {left:?} left in English"
            );
        }
        assert_eq!(Lang::Sv.phrases("back 2026-09-01"), "tillbaka 2026-09-01");
        assert_eq!(
            Lang::Sv.phrases("goal_reached: Målen nådda"),
            "målet uppnått: Målen nådda"
        );
        assert_eq!(Lang::Sv.phrases("moved"), "flyttat");
        assert_eq!(
            Lang::Sv.phrases("updated phone, wants gender"),
            "uppdaterat telefon, önskat kön"
        );
    }

    /// `check`'s E013 and `pay`'s note of a paid month that changed, as `payroll::settlement`
    /// words it.
    /// Pay's note of a month below a tariff's lowest level, with its count's own number.
    #[test]
    fn a_month_below_a_tariff_reads_in_swedish() {
        assert_eq!(
            Lang::Sv.phrases("1 meeting: below the lowest level of tariff lss (2 meetings)"),
            "1 träff: under lägsta nivån i tariffen lss (2 träffar)"
        );
        assert_eq!(
            Lang::Sv.phrases("3 meetings: below the lowest level of tariff lss (4 meetings)"),
            "3 träffar: under lägsta nivån i tariffen lss (4 träffar)"
        );
    }

    #[test]
    fn a_changed_paid_month_reads_in_swedish() {
        assert_eq!(
            Lang::Sv.phrases(
                "A-7Q2K9M 2026-09 changed after it was paid (paid 1927.00 kr, the records now give 0.00 kr): record the change with `kontakt report A-7Q2K9M 2026-09 --correct REASON`"
            ),
            "A-7Q2K9M 2026-09 ändrad efter utbetalning (betalt 1\u{a0}927,00 kr, akterna ger nu 0,00 kr): registrera ändringen med `kontakt report A-7Q2K9M 2026-09 --correct SKÄL`"
        );
    }

    #[test]
    fn domain_words_are_the_fields_own() {
        assert_eq!(Lang::Sv.word("granted"), "beviljad");
        assert_eq!(Lang::Sv.word("fee"), "arvode");
        assert_eq!(Lang::En.word("granted"), "granted");
        assert_eq!(Lang::Sv.word("C-7Q2K9M"), "C-7Q2K9M");
    }
}
