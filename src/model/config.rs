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
    pub git: GitSettings,
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
