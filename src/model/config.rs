//! `kontakt.toml`: the municipality's rules that vary between municipalities, as data.

use serde::{Deserialize, Serialize};

/// The configuration at the top of a records directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    pub municipality: String,
    #[serde(default)]
    pub volunteers: VolunteerRules,
    #[serde(default)]
    pub clients: ClientRules,
    #[serde(default)]
    pub matching: MatchingRules,
    #[serde(default)]
    pub compensation: Tariffs,
    #[serde(default)]
    pub payroll: PayrollRules,
    #[serde(default)]
    pub retention: RetentionRules,
    #[serde(default)]
    pub git: GitSettings,
}

/// How pay is computed and exported: wage types (lönearter), the retroactive limit, and the
/// payroll file's layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PayrollRules {
    /// Löneart for the fee (arvode).
    pub fee_wage_type: String,
    /// Löneart for the expense allowance (omkostnadsersättning).
    pub expense_wage_type: String,
    /// Löneart for tax-free mileage (skattefri milersättning).
    pub mileage_wage_type: String,
    /// Löneart for mileage above the tax-free rate (skattepliktig milersättning).
    pub mileage_taxable_wage_type: String,
    /// Löneart for a flat monthly travel allowance (reseersättning).
    pub travel_wage_type: String,
    /// Löneart for outlays paid back (utlägg).
    pub receipt_wage_type: String,
    /// Approved reports of at most this many months before the run's month are paid in it.
    pub retroactive_months: u32,
    /// Pay a month whose report lists no meetings (most municipalities do not).
    pub pay_without_meetings: bool,
    /// Refuse to pay a volunteer without an employee number (anställningsnummer).
    pub require_employee_number: bool,
    /// How each line is rounded: krona-half-up or ore-half-up.
    pub rounding: super::layout::Rounding,
    /// `csv` or `paxml`, when `pay --format` is not given.
    pub format: super::layout::PayrollFormat,
    /// The employer's name in the PAXml header (default: the municipality).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    pub csv: super::layout::CsvLayout,
    pub paxml: super::layout::PaxmlLayout,
}

impl Default for PayrollRules {
    fn default() -> Self {
        PayrollRules {
            fee_wage_type: "7310".into(),
            expense_wage_type: "7320".into(),
            mileage_wage_type: "7330".into(),
            mileage_taxable_wage_type: "7331".into(),
            travel_wage_type: "7332".into(),
            receipt_wage_type: "7340".into(),
            retroactive_months: 3,
            pay_without_meetings: false,
            require_employee_number: false,
            rounding: Default::default(),
            format: super::layout::PayrollFormat::Csv,
            company: None,
            csv: Default::default(),
            paxml: Default::default(),
        }
    }
}

/// The compensation model as data (SKR's recommendation): the prisbasbelopp of each year and
/// the fee (arvode) categories and expense (omkostnadsersättning) levels as per cent of it per
/// year. A month's amount is per cent x prisbasbelopp / 12, rounded by `rounding`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tariffs {
    /// Prisbasbelopp in whole kronor, by year (`"2026" = 59200`).
    pub prisbasbelopp: std::collections::BTreeMap<String, i64>,
    /// Fee categories 1, 2, 3: the lowest and highest per cent.
    pub fee_categories: Vec<[u32; 2]>,
    /// Expense levels 1, 2, 3: per cent.
    pub expense_levels: Vec<u32>,
    pub rounding: super::layout::Rounding,
    /// Kontaktfamilj rates per dygn, by year (`[compensation.kontaktfamilj.2026]`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub kontaktfamilj: std::collections::BTreeMap<String, DygnRates>,
    /// Meeting tariffs by name (`[[compensation.tiers.lss]]`): the level the meetings held
    /// in a month choose, lowest first.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub tiers: std::collections::BTreeMap<String, Vec<Tier>>,
    pub mileage: MileageRates,
}

/// A year's kontaktfamilj rates by the child's age band: 0-12, 13-17, adults (SKR's
/// recommendation for kontaktfamiljer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DygnRates {
    /// Arvode per dygn in whole kronor, by age band (2023: 225, 292, 359); doubled on
    /// Saturdays, Sundays and public holidays within a stay's first 14 days.
    pub fee_per_dygn: [i64; 3],
    /// Omkostnad per dygn as per cent of the prisbasbelopp a year, by age band (2023: 105,
    /// 120, 120): a dygn is the prisbasbelopp x per cent / 365.
    pub expense_percent: [u32; 3],
}

/// A level of a meeting tariff: paid when at least `min_meetings` were held in the month
/// (Värnamo LSS: level 1 from 2 meetings, 7.5 % and 15 %; level 2 from 4, 15 % and 20 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub min_meetings: u32,
    /// The fee, per cent of the prisbasbelopp a year, in hundredths (`750` = 7.5 %).
    pub fee_percent_hundredths: u32,
    /// The expense allowance, likewise.
    pub expense_percent_hundredths: u32,
}

/// Mileage per mil (10 km) in öre, each rate in force from its year until a later one:
/// Skatteverket's tax-free rate for one's own car (25 kr from 2023) and what the municipality
/// pays (the part above the tax-free rate is taxable pay).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MileageRates {
    pub tax_free_per_mil_ore: std::collections::BTreeMap<String, i64>,
    pub paid_per_mil_ore: std::collections::BTreeMap<String, i64>,
}

impl Default for MileageRates {
    fn default() -> Self {
        let from_2023 = || [("2023".to_string(), 2_500)].into_iter().collect();
        MileageRates {
            tax_free_per_mil_ore: from_2023(),
            paid_per_mil_ore: from_2023(),
        }
    }
}

/// The rate of the latest year at or before `year`, in a table keyed by years as text.
pub fn rate_from_year(table: &std::collections::BTreeMap<String, i64>, year: i32) -> Option<i64> {
    table
        .iter()
        .filter_map(|(k, v)| Some((k.parse::<i32>().ok()?, *v)))
        .filter(|(y, _)| *y <= year)
        .max_by_key(|(y, _)| *y)
        .map(|(_, v)| v)
}

impl Default for Tariffs {
    fn default() -> Self {
        Tariffs {
            prisbasbelopp: [("2024", 57_300), ("2025", 58_800), ("2026", 59_200)]
                .into_iter()
                .map(|(y, v)| (y.to_string(), v))
                .collect(),
            fee_categories: vec![[10, 35], [20, 45], [30, 55]],
            expense_levels: vec![10, 25, 40],
            rounding: Default::default(),
            kontaktfamilj: Default::default(),
            tiers: Default::default(),
            mileage: Default::default(),
        }
    }
}

impl PayrollRules {
    /// The löneart of a kind of pay.
    pub fn wage_type(&self, kind: super::payline::LineKind) -> &str {
        use super::payline::LineKind;
        match kind {
            LineKind::Fee | LineKind::Correction => &self.fee_wage_type,
            LineKind::Expense => &self.expense_wage_type,
            LineKind::Mileage => &self.mileage_wage_type,
            LineKind::MileageTaxable => &self.mileage_taxable_wage_type,
            LineKind::Travel => &self.travel_wage_type,
            LineKind::Receipt => &self.receipt_wage_type,
        }
    }
}

impl Tariffs {
    /// The prisbasbelopp of `year` in öre, or None when the configuration lacks the year.
    pub fn pbb_ore(&self, year: i32) -> Option<i64> {
        // The keys are years as text (TOML's keys are strings); a few of them, compared without
        // formatting `year` for each lookup.
        self.prisbasbelopp
            .iter()
            .find(|(k, _)| k.parse::<i32>().ok() == Some(year))
            .and_then(|(_, kr)| kr.checked_mul(100))
    }
}

/// The weights of the soft matching components, in points (integers, so scores are exact).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MatchingRules {
    /// Points for each interest the two share...
    pub interest: i64,
    /// ...counting at most this many.
    pub max_interests: u32,
    /// Points when they live in the same area.
    pub same_area: i64,
    /// Points for each time of the week (weekday-day, weekday-evening, weekend) both can meet.
    pub availability: i64,
    /// Points when the volunteer's age is within the client's wish, one less for each year outside.
    pub age: i64,
    /// Points for each full month the client has waited since the grant...
    pub waiting_per_month: i64,
    /// ...counting at most this many months.
    pub max_waiting_months: u32,
    /// Points for a client whose kontaktperson stopped while her decision runs on (avbrott):
    /// she comes before those still waiting for their first (`rules::ending`).
    pub interrupted: i64,
}

impl Default for MatchingRules {
    fn default() -> Self {
        MatchingRules {
            interest: 10,
            max_interests: 3,
            same_area: 20,
            availability: 5,
            age: 15,
            waiting_per_month: 2,
            max_waiting_months: 24,
            interrupted: 30,
        }
    }
}

/// What retention (gallring) may cull and what it keeps (`rules::retention`). The defaults keep
/// whatever the rules do not clearly allow to be culled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetentionRules {
    /// A client's file is culled this many years after its last entry (old SoL 12 kap. 1 §).
    pub years: u32,
    /// Files of people born on these days of a month are kept for research
    /// (socialtjänstförordningen 7 kap. 2 §).
    pub research_days: Vec<u32>,
    /// Nothing is culled: the municipality is one whose files are all kept.
    pub keep_all: bool,
    /// LSS files: `keep` (archived, never culled: the default) or `cull` like SoL files.
    pub lss: LssFiles,
    /// A volunteer's file (screening, references, register checks) is culled this many years
    /// after its last entry; absent, volunteers' files are kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volunteer_years: Option<u32>,
    /// A child's file is kept at least until the person is this old (prop. 2025/26:12 proposes
    /// 30 for some documents); absent, only `years` counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_until_age: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LssFiles {
    #[default]
    Keep,
    Cull,
}

impl Default for RetentionRules {
    fn default() -> Self {
        RetentionRules {
            years: 5,
            research_days: vec![5, 15, 25],
            keep_all: false,
            lss: LssFiles::Keep,
            volunteer_years: None,
            child_until_age: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GitSettings {
    /// Commit the files each command writes (as `--commit` does), with a message naming no person.
    pub commit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct VolunteerRules {
    /// Minimum age of a volunteer on the day of approval (some municipalities prefer 20).
    pub min_age: u32,
    /// How many references must be `ok` before approval.
    pub references_required: u32,
    /// The police-register extract's maximum age in months (lag 2010:479: one year for LSS children).
    pub police_extract_max_months: u32,
    /// `due` lists a volunteer with an assignment in force and no support contact for this many
    /// days...
    pub support_days: u32,
    /// ...or this many in her first year as a kontaktperson.
    pub support_days_first_year: u32,
    /// Registers checked for every adult of a kontaktfamilj's household besides the police and
    /// social registers, where the municipality asks for them: `kronofogden`,
    /// `forsakringskassan` (SKR's guidance leaves these to the municipality).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub family_registers: Vec<FamilyRegister>,
}

/// A register some municipalities also check for a kontaktfamilj: Kronofogden (debts) and
/// Försäkringskassan (benefits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FamilyRegister {
    Kronofogden,
    Forsakringskassan,
}

impl Default for VolunteerRules {
    fn default() -> Self {
        VolunteerRules {
            min_age: 18,
            references_required: 2,
            police_extract_max_months: 12,
            support_days: 90,
            support_days_first_year: 30,
            family_registers: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClientRules {
    /// Below this age the guardians' consent is needed for a grant.
    pub consent_age: u32,
    /// The longest a granted decision may run before a new one (months); follow-ups are due at 6.
    pub follow_up_months: u32,
    /// No longer used: `due` warned this many days after a grant; it now follows the law's three
    /// months (`rules::ivo_delay`, docs/legal.md). Still read, so older files stay valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_limit_days: Option<u32>,
    /// An appeal is forwarded to the administrative court within this many days of its
    /// receipt ("without delay", Förvaltningslagen § 45); `due` lists it after.
    pub appeal_forward_days: u32,
}

impl Default for ClientRules {
    fn default() -> Self {
        ClientRules {
            consent_age: 15,
            follow_up_months: 6,
            waiting_limit_days: None,
            appeal_forward_days: 7,
        }
    }
}

impl Config {
    pub fn new(municipality: &str) -> Config {
        Config {
            schema: super::SCHEMA,
            municipality: municipality.to_string(),
            volunteers: VolunteerRules::default(),
            clients: ClientRules::default(),
            matching: MatchingRules::default(),
            compensation: Tariffs::default(),
            payroll: PayrollRules::default(),
            retention: RetentionRules::default(),
            git: GitSettings::default(),
        }
    }
}

/// What `kontakt init` writes: every setting with its default, explained, so a coordinator can
/// change the municipality's rules without reading code.
pub fn template(municipality: &str) -> String {
    let name = toml_edit::Value::from(municipality).to_string();
    format!(
        r#"# kontakt configuration: the rules of this municipality's kontaktperson service.
# Every value below is the default; change what differs here. Documented in docs/configuration.md.
schema = 1
municipality = {name}

[volunteers]
# Minimum age of a volunteer when approved (some municipalities prefer 20).
min_age = 18
# References (reference calls) that must be `ok` before a volunteer can be approved.
references_required = 2
# The police-register extract (utdrag ur belastningsregistret) may be at most this many months old.
police_extract_max_months = 12
# Support (handledning, group meetings, check-ins): `due` lists a volunteer in an assignment with no
# contact for this many days, or this many in her first year.
support_days = 90
support_days_first_year = 30
# Every adult of a kontaktfamilj's household is checked in the police and social registers, and the
# home visited. Registers some municipalities also check, for every adult:
# family_registers = ["kronofogden", "forsakringskassan"]

[clients]
# Below this age a grant needs the guardians' (vårdnadshavare) consent.
consent_age = 15
# Decisions are followed up at least this often (months).
follow_up_months = 6
# An appeal goes to the administrative court "without delay": due lists it after this many days.
appeal_forward_days = 7

[matching]
# Soft components of a match score, in points. Hard rules (approved volunteer, police extract
# young enough, free capacity, gender wish, a shared language, not declined before) always hold.
# Points for each shared interest, counting at most max_interests of them.
interest = 10
max_interests = 3
# Points when client and volunteer live in the same area.
same_area = 20
# Points for each time of the week both can meet (weekday-day, weekday-evening, weekend).
availability = 5
# Points when the volunteer's age is within the client's wish; one less for each year outside.
age = 15
# Points for each full month waited since the grant (at most max_waiting_months), so that
# those who waited longest come first when scores are close.
waiting_per_month = 2
max_waiting_months = 24
# Points for a client whose kontaktperson stopped while her decision runs on (avbrott), so
# that she comes before those waiting for their first; her months count from the interruption.
interrupted = 30

[compensation]
# SKR's model: a month's amount = per cent x prisbasbelopp / 12, rounded by `rounding`.
# Prisbasbelopp per year, in kronor; add each new year when it is decided.
prisbasbelopp = {{ "2024" = 57300, "2025" = 58800, "2026" = 59200 }}
# Fee (arvode) categories 1, 2, 3 as [lowest, highest] per cent of the prisbasbelopp per year.
# An agreement outside its category's range needs a stated reason.
fee_categories = [[10, 35], [20, 45], [30, 55]]
# Expense allowance (omkostnadsersättning) levels 1, 2, 3, per cent of the prisbasbelopp per year.
expense_levels = [10, 25, 40]
# krona-half-up (to whole kronor, half up) or ore-half-up.
rounding = "krona-half-up"

# Kontaktfamilj (agree --paid-per dygn): per year, by the child's age band 0-12, 13-17, adults,
# the arvode per dygn in kronor (doubled on Saturdays, Sundays and public holidays within a
# stay's first 14 days) and the omkostnad per dygn as per cent of the prisbasbelopp / 365.
# SKR's 2023 recommendation:
# [compensation.kontaktfamilj.2026]
# fee_per_dygn = [225, 292, 359]
# expense_percent = [105, 120, 120]

# Meeting tariffs (agree --paid-per meetings --tiers lss): the level the month's meetings reach,
# per cent of the prisbasbelopp a year in hundredths. Värnamo's LSS tariff:
# [[compensation.tiers.lss]]
# min_meetings = 2
# fee_percent_hundredths = 750
# expense_percent_hundredths = 1500
# [[compensation.tiers.lss]]
# min_meetings = 4
# fee_percent_hundredths = 1500
# expense_percent_hundredths = 2000

[compensation.mileage]
# Mileage per mil in öre, each rate from its year: Skatteverket's tax-free rate for one's own
# car, and what the municipality pays (the excess is taxable pay on its own wage type).
tax_free_per_mil_ore = {{ "2023" = 2500 }}
paid_per_mil_ore = {{ "2023" = 2500 }}

[payroll]
# Löneart (wage type code) for the fee and for the expense allowance, as the payroll system knows them.
fee_wage_type = "7310"
expense_wage_type = "7320"
# Lönearter for mileage (tax-free, and the taxable excess), a flat travel allowance and receipts.
mileage_wage_type = "7330"
mileage_taxable_wage_type = "7331"
travel_wage_type = "7332"
receipt_wage_type = "7340"
# Approved reports of at most this many earlier months are paid in a month's run.
retroactive_months = 3
# Pay a month whose report lists no meetings.
pay_without_meetings = false
# Refuse to pay volunteers without an employee number (anställningsnummer).
require_employee_number = false
# How each pay line is rounded: krona-half-up or ore-half-up.
rounding = "krona-half-up"
# The payroll file: csv or paxml (PAXml 2.0).
format = "csv"

[payroll.csv]
# Columns, in order: period_from, period_to, employee_number, pnr, name, wage_type, description,
# quantity, unit_price, amount, cost_center, assignment, volunteer, period, kind.
columns = ["period_from", "period_to", "employee_number", "pnr", "name", "wage_type", "description", "quantity", "unit_price", "amount", "cost_center", "assignment"]
# Header names where the payroll system wants others than the Swedish defaults, e.g. {{ amount = "Belopp kr" }}.
headers = {{}}
delimiter = ";"
decimal_separator = ","
# A UTF-8 byte order mark, so that Excel reads å, ä and ö right.
bom = false
header_row = true

[payroll.paxml]
# utf-8, or iso-8859-1 for payroll systems that expect it.
encoding = "utf-8"
# The result-unit dimension (resenhet dim) the cost centre is booked on.
cost_center_dim = 1
# Write the personnummer (persnr) on each transaction as well as the employee number.
persnr = true

[retention]
# Gallring (`kontakt gallra`). A client's file is culled this many years after its last entry.
years = 5
# Files of people born on these days of a month are kept for research (SoF 7 kap. 2 §).
research_days = [5, 15, 25]
# true where every file is kept (a municipality exempt from culling).
keep_all = false
# LSS files: "keep" (archived, never culled) or "cull" like SoL files.
lss = "keep"
# Volunteers' files are kept unless a number of years is given here.
# volunteer_years = 5
# A child's file kept until this age (prop. 2025/26:12 proposes 30 for some documents).
# child_until_age = 30

[git]
# Commit the files each command writes, as `--commit` does (messages name ids, never people).
commit = false
"#
    )
}

/// The same as `template`, its comments in Swedish (`kontakt --lang sv init`): the settings
/// themselves keep their English names and values, as the code and the docs read them.
pub fn template_sv(municipality: &str) -> String {
    let name = toml_edit::Value::from(municipality).to_string();
    include_str!("config_template_sv.toml").replacen(
        "municipality = \"KOMMUN\"",
        &format!("municipality = {name}"),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_to_the_defaults() {
        let parsed: Config = toml::from_str(&template("Demo \"kommun\"")).unwrap();
        assert_eq!(parsed, Config::new("Demo \"kommun\""));
        let parsed: Config = toml::from_str(&template_sv("Demo \"kommun\"")).unwrap();
        assert_eq!(parsed, Config::new("Demo \"kommun\""));
    }

    /// The Swedish template is the English one with its comments translated: every setting,
    /// commented-out example and section the same and in the same order, so the two cannot
    /// drift apart when a setting is added to one.
    #[test]
    fn the_swedish_template_holds_the_same_settings_as_the_english() {
        let settings = |t: &str| -> Vec<String> {
            // A section, or `key = value`, commented out or not.
            t.lines()
                .map(|l| l.trim_start_matches("# "))
                .filter(|l| {
                    let key = l.split_once(" = ").map_or("", |(k, _)| k);
                    let is_key = !key.is_empty()
                        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    l.starts_with('[') || is_key
                })
                .map(str::to_string)
                .collect()
        };
        let en = settings(&template("X"));
        let sv = settings(&template_sv("X"));
        assert!(en.len() > 60, "{en:?}");
        assert_eq!(sv, en);
    }
}
