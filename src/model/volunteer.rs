//! A volunteer (uppdragstagare): a person who applies to become a kontaktperson, and the screening.

use crate::model::date::Date;
use serde::{Deserialize, Serialize};

use super::common::{Availability, ChildAges, Event, Insats};
use super::id::Id;
use super::pnr::Pnr;

/// A volunteer's file. The assignment is a förtroendeuppdrag (an assignment of trust), not
/// employment, but the fee goes through payroll, which may need an employee number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Volunteer {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    pub id: Id,
    pub name: String,
    pub pnr: Pnr,
    pub applied: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Availability>,
    /// How many clients the volunteer can take at once (1 to [`MAX_CAPACITY`]).
    #[serde(default = "one", deserialize_with = "capacity")]
    pub capacity: u32,
    /// Anställningsnummer: the number HR gives the volunteer in the payroll system, where used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_number: Option<String>,
    #[serde(default)]
    pub screening: Screening,
    /// What she offers to be: a kontaktperson, a kontaktfamilj (her household takes a child
    /// into its home), or both. A kontaktfamilj is screened as a household (`rules::household`)
    /// and matched only with clients granted one (`rules::insats_fit`).
    #[serde(
        default = "kontaktperson",
        deserialize_with = "offers",
        skip_serializing_if = "only_kontaktperson"
    )]
    pub offers: Vec<Insats>,
    /// A kontaktfamilj's household (hushåll): the home visit, the other adults who live in the
    /// home, each screened as she is, and the children's ages the family takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<Household>,
    /// Breaks (uppehåll) the volunteer takes: a new job, parental leave. Not suggested or
    /// matched while one runs (`rules::pause`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    /// The volunteer has said she is leaving (slutar): never matched again; her assignments
    /// end on her last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaving: Option<Leaving>,
    /// Support given to the volunteer (handledning, group meetings, phone check-ins), in the
    /// order given: `due` lists a volunteer without contact for too long (`rules::support`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<Support>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

/// A break from the first day `from` to the day before `until` (the day she is back), or
/// open-ended until she resumes (`kontakt resume`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    pub from: Date,
    /// The first day she is back; `None` until it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    pub reason: String,
}

/// One contact of support with the volunteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub date: Date,
    pub kind: SupportKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The kinds of support: handledning (individual supervision), a group meeting with other
/// volunteers, a phone call, a visit, or another contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SupportKind {
    Handledning,
    Group,
    Phone,
    Visit,
    Other,
}

/// The volunteer is leaving: her last day, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leaving {
    pub date: Date,
    pub reason: String,
}

/// A kontaktfamilj's household, screened with the applicant: every adult who lives in the home
/// is checked in the registers, and staff visit the home (hembesök) before approval.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// The home visit (hembesök) made during the screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_visit: Option<Date>,
    /// The children's ages the family takes (`0-12`); any age when not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takes_ages: Option<ChildAges>,
    /// The other adults in the home, by name, with their own register checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adults: Vec<Adult>,
}

/// Another adult of a kontaktfamilj's household and the registers checked for them: the police
/// register (an extract from belastningsregistret), the social services' own register, and
/// where the municipality asks for them (`[volunteers] family_registers`) Kronofogden's and
/// Försäkringskassan's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adult {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub police_extract: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_register: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kronofogden: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forsakringskassan: Option<Date>,
}

fn kontaktperson() -> Vec<Insats> {
    vec![Insats::Kontaktperson]
}

fn only_kontaktperson(offers: &[Insats]) -> bool {
    offers == [Insats::Kontaktperson]
}

fn offers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Insats>, D::Error> {
    let mut v = Vec::<Insats>::deserialize(d)?;
    if v.is_empty() {
        return Err(serde::de::Error::custom(
            "expected at least one of kontaktperson, kontaktfamilj",
        ));
    }
    tidy_offers(&mut v);
    Ok(v)
}

/// Offers in one order, each once, however they were typed or written.
pub fn tidy_offers(offers: &mut Vec<Insats>) {
    offers.sort_by_key(|i| *i as u8);
    offers.dedup();
}

/// The most clients one volunteer may take at once; a guard against typos like `100`.
pub const MAX_CAPACITY: u32 = 10;

fn one() -> u32 {
    1
}

fn capacity<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = u32::deserialize(d)?;
    if (1..=MAX_CAPACITY).contains(&n) {
        Ok(n)
    } else {
        Err(serde::de::Error::custom(format!(
            "expected a capacity from 1 to {MAX_CAPACITY} places, found {n}"
        )))
    }
}

/// The screening (utredning av kontaktperson): interview, references, a check in the social
/// services' own register (socialregistret) and an extract from the police register
/// (utdrag ur belastningsregistret), then approval or rejection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub police_extract: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_register: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Date>,
    /// Kronofogden's register, where the municipality asks for it of a kontaktfamilj.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kronofogden: Option<Date>,
    /// Försäkringskassan's, likewise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forsakringskassan: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    /// Approved although a referee voiced a concern: why the concern is answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_despite: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

impl Screening {
    pub fn is_empty(&self) -> bool {
        *self == Screening::default()
    }
}

/// A reference call: whom staff spoke to and what they heard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub name: String,
    pub verdict: Verdict,
    pub date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Concern,
}
