//! `kontakt.toml`: the municipality's rules that vary between municipalities, as data.

use serde::{Deserialize, Serialize};

/// The configuration at the top of a records directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub schema: u32,
    pub municipality: String,
    #[serde(default)]
    pub volunteers: VolunteerRules,
    #[serde(default)]
    pub clients: ClientRules,
    #[serde(default)]
    pub matching: MatchingRules,
    #[serde(default)]
    pub git: GitSettings,
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
}

impl Default for VolunteerRules {
    fn default() -> Self {
        VolunteerRules {
            min_age: 18,
            references_required: 2,
            police_extract_max_months: 12,
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
}

impl Default for ClientRules {
    fn default() -> Self {
        ClientRules {
            consent_age: 15,
            follow_up_months: 6,
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

[clients]
# Below this age a grant needs the guardians' (vårdnadshavare) consent.
consent_age = 15
# Decisions are followed up at least this often (months).
follow_up_months = 6

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

[git]
# Commit the files each command writes, as `--commit` does (messages name ids, never people).
commit = false
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_to_the_defaults() {
        let parsed: Config = toml::from_str(&template("Demo \"kommun\"")).unwrap();
        assert_eq!(parsed, Config::new("Demo \"kommun\""));
    }
}
