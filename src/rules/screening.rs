//! When a volunteer may be approved: interview done, enough good references (each referee
//! counted once, by the latest call), no referee's concern left unanswered (a concern voiced
//! at any call stands until staff approve with the reason it is answered), a police-register
//! extract young enough, the social register checked, and old enough; and what staff should be
//! told as it happens, though it stops nothing.

use crate::tr;
use chrono::{Months, NaiveDate};

use crate::model::config::VolunteerRules;
use crate::model::{Id, Reference, Verdict, Volunteer};

use super::{Flaw, Key, Problem};

/// Why `n` cannot be a volunteer's employee number (anställningsnummer) in the payroll system,
/// if it cannot: it goes into the payroll file as it is, so it is 1 to 20 letters, digits or
/// dashes. `screen volunteer --employee-number` and `check` (for one typed into the file) judge
/// by this.
pub fn employee_number_problem(n: &str) -> Option<String> {
    let ok = !n.is_empty()
        && n.chars().count() <= 20
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (!ok).then(|| {
        tr!(
            "expected up to 20 letters, digits or dashes",
            "högst 20 bokstäver, siffror eller bindestreck väntades"
        )
    })
}

/// A step of a screening that moves it to its outcome: an approval asked for, a rejection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepProblem {
    /// She was rejected: the screening is closed, and no step is recorded.
    Closed,
    /// She is approved, and an approval is not turned into a rejection (a screening is approved
    /// or rejected, never both): she stops serving by leaving, which ends her assignments too.
    ApprovalStands,
    /// She is approved already.
    AlreadyApproved,
}

impl StepProblem {
    /// What is wrong, naming the volunteer `id`.
    pub fn message(self, id: Id) -> String {
        match self {
            StepProblem::Closed => tr!(
                "{id} was rejected; screening is closed",
                "{id} har fått avslag; utredningen är avslutad"
            ),
            StepProblem::ApprovalStands => tr!(
                "{id} is approved, and an approval is not turned into a rejection",
                "{id} är godkänd, och ett godkännande görs inte om till ett avslag"
            ),
            StepProblem::AlreadyApproved => {
                tr!("{id} is already approved", "{id} är redan godkänd")
            }
        }
    }
}

/// Why screening steps (`approve`, `reject`) cannot be recorded for `v` as her screening
/// stands; empty when they may. A rejected screening is closed to every step; an approved one
/// is neither rejected nor approved again. `screen volunteer` refuses by this; `check` names a
/// screening both approved and rejected ([`record_problems`]).
pub fn step_problems(v: &Volunteer, approve: bool, reject: bool) -> Vec<StepProblem> {
    use super::status::{VolunteerStatus, volunteer_status};
    match volunteer_status(v) {
        VolunteerStatus::Rejected => vec![StepProblem::Closed],
        VolunteerStatus::Approved if reject => vec![StepProblem::ApprovalStands],
        VolunteerStatus::Approved if approve => vec![StepProblem::AlreadyApproved],
        _ => Vec::new(),
    }
}

/// The reason an approval despite a concern keeps (`approved_despite`): the one `given`, not
/// blank, and only when a referee's concern is on file; none otherwise.
pub fn despite_kept(v: &Volunteer, given: Option<&str>) -> Option<String> {
    if concerns(v).is_empty() {
        return None;
    }
    given
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
}

/// What is wrong in a volunteer's stored screening and payroll details: approved and rejected
/// both, rejected without a reason, approved before she applied, an employee number payroll cannot take.
pub fn record_problems(v: &Volunteer) -> Vec<Problem> {
    let mut out = Vec::new();
    let s = &v.screening;
    let at = |k: &str| vec![Key::name("screening"), Key::name(k)];
    if s.approved.is_some() && s.rejected.is_some() {
        out.push(Problem::new(
            Flaw::ImpossibleDates,
            &at("rejected"),
            tr!("both approved and rejected", "både godkänd och avslagen"),
        ));
    }
    if s.rejected.is_some() && !reason_given(s.rejection_reason.as_deref()) {
        out.push(Problem::new(
            Flaw::BadValue,
            &at("rejection_reason"),
            rejection_reason_needed(),
        ));
    }
    if s.approved.is_some_and(|a| a < v.applied) {
        out.push(Problem::new(
            Flaw::ImpossibleDates,
            &at("approved"),
            tr!("approved before the application", "godkänd före ansökan"),
        ));
    }
    if let Some(p) = v
        .employee_number
        .as_deref()
        .and_then(employee_number_problem)
    {
        out.push(Problem::new(
            Flaw::BadValue,
            &[Key::name("employee_number")],
            p,
        ));
    }
    out
}

/// Is a rejection's reason given (not empty, nor only spaces)? A rejection says why, whether
/// `screen volunteer --reject` records it or a person types it into the file.
pub fn reason_given(reason: Option<&str>) -> bool {
    reason.is_some_and(|r| !r.trim().is_empty())
}

/// Why a rejection without its reason is refused.
pub fn rejection_reason_needed() -> String {
    tr!("a rejection needs a reason", "ett avslag behöver ett skäl")
}

/// A referee's name as it is compared: trimmed, in lower case (`Anna Berg` is `anna berg`).
pub fn referee_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Each referee once, with her latest call (references are kept in the order taken): the
/// same referee twice counts once.
pub fn latest_per_referee(refs: &[Reference]) -> Vec<&Reference> {
    let mut out: Vec<&Reference> = Vec::new();
    for r in refs {
        match out
            .iter_mut()
            .find(|o| referee_key(&o.name) == referee_key(&r.name))
        {
            Some(o) => *o = r,
            None => out.push(r),
        }
    }
    out
}

/// The referees who voiced a concern at any call, each once (her first such call). A concern
/// is answered by staff approving with the reason (`--despite-concern`), not by the same
/// referee called again and recorded `ok`: that would let a second entry erase the first.
pub fn concerns(v: &Volunteer) -> Vec<&Reference> {
    let mut out: Vec<&Reference> = Vec::new();
    for r in v
        .screening
        .references
        .iter()
        .filter(|r| r.verdict == Verdict::Concern)
    {
        if !out
            .iter()
            .any(|o| referee_key(&o.name) == referee_key(&r.name))
        {
            out.push(r);
        }
    }
    out
}

/// Is the police-register extract taken on `extract` still young enough on `day`?
pub fn extract_valid_on(extract: NaiveDate, day: NaiveDate, rules: &VolunteerRules) -> bool {
    extract <= day
        && extract
            .checked_add_months(Months::new(rules.police_extract_max_months))
            .is_some_and(|limit| day <= limit)
}

/// The last day the volunteer's police extract is young enough, if there is one.
pub fn extract_expires(v: &Volunteer, rules: &VolunteerRules) -> Option<NaiveDate> {
    extract_last_day(v.screening.police_extract?.get(), rules)
}

/// The last day an extract taken on `extract` is young enough.
pub fn extract_last_day(extract: NaiveDate, rules: &VolunteerRules) -> Option<NaiveDate> {
    extract.checked_add_months(Months::new(rules.police_extract_max_months))
}

/// Everything still missing before `v` can be approved on `today`; empty when approval may go ahead.
pub fn missing_for_approval(
    v: &Volunteer,
    rules: &VolunteerRules,
    today: NaiveDate,
) -> Vec<String> {
    let s = &v.screening;
    let mut missing = Vec::new();
    if s.rejected.is_some() {
        missing.push(tr!(
            "the volunteer was rejected",
            "kontaktpersonen har fått avslag"
        ));
    }
    if s.interview.is_none() {
        missing.push(tr!(
            "no interview recorded (--interview DATE)",
            "ingen intervju registrerad (--interview DATUM)"
        ));
    }
    let referees = latest_per_referee(&s.references);
    let ok = referees.iter().filter(|r| r.verdict == Verdict::Ok).count() as u32;
    if ok < rules.references_required {
        missing.push(tr!(
            "{ok} of {} references are ok (--reference \"NAME:ok\")",
            "{ok} av {} referenser är bra (--reference \"NAMN:bra\")",
            rules.references_required
        ));
    }
    let worried = concerns(v);
    if !worried.is_empty()
        && s.approved_despite
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        let names: Vec<&str> = worried.iter().map(|r| r.name.as_str()).collect();
        missing.push(tr!(
            "a referee voiced a concern ({}): approve only with the reason it is answered (--despite-concern REASON)",
            "en referens uttryckte oro ({}): godkänn bara med skälet till att den är besvarad (--despite-concern SKÄL)",
            names.join(", ")
        ));
    }
    match s.police_extract {
        None => missing.push(tr!(
            "no police-register extract recorded (--police-extract DATE)",
            "inget utdrag ur belastningsregistret registrerat (--police-extract DATUM)"
        )),
        Some(d) if !extract_valid_on(d.get(), today, rules) => missing.push(tr!(
            "the police-register extract of {d} is older than {} months",
            "utdraget ur belastningsregistret från {d} är äldre än {} månader",
            rules.police_extract_max_months
        )),
        Some(_) => {}
    }
    if s.social_register.is_none() {
        missing.push(tr!(
            "the social register check is not recorded (--social-register DATE)",
            "kontrollen i socialregistret är inte registrerad (--social-register DATUM)"
        ));
    }
    let age = v.pnr.age_on(today);
    if age < rules.min_age {
        missing.push(tr!(
            "the volunteer is {age}, under the minimum age of {}",
            "kontaktpersonen är {age} år, under lägsta åldern {}",
            rules.min_age
        ));
    }
    missing.extend(crate::rules::household::missing_for_approval(
        v, rules, today,
    ));
    missing
}

/// What staff should know about a volunteer's application or screening as it is recorded,
/// though none of it stops the step: too young to be approved yet, an interview dated before
/// the application.
pub fn warnings(v: &Volunteer, rules: &VolunteerRules, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let age = v.pnr.age_on(v.applied.get().min(today));
    if age < rules.min_age && v.screening.approved.is_none() {
        out.push(tr!(
            "{} is {age}, under the minimum age of {}: approval must wait until then",
            "{} är {age} år, under lägsta åldern {}: godkännandet får vänta tills dess",
            v.id,
            rules.min_age
        ));
    }
    out.extend(interview_before_application(v));
    out
}

/// An interview dated before the application: a typing slip, most likely.
pub fn interview_before_application(v: &Volunteer) -> Option<String> {
    let i = v.screening.interview.filter(|i| *i < v.applied)?;
    Some(tr!(
        "the interview ({i}) is dated before the application ({})",
        "intervjun ({i}) är daterad före ansökan ({})",
        v.applied
    ))
}

/// What staff are told when a referee on file is recorded again: the latest call is what
/// counts towards the references needed, and a concern voiced before still stands.
pub fn referee_again(before: &Reference) -> String {
    tr!(
        "{} was recorded as a referee before ({}, {}): the latest call counts once, and a concern voiced stands until approval with --despite-concern",
        "{} är redan registrerad som referens ({}, {}): det senaste samtalet räknas en gång, och en oro som framförts står kvar tills godkännande med --despite-concern",
        before.name,
        before.date,
        crate::lang::current().word(&crate::model::common::word(&before.verdict))
    )
}

/// A police extract recorded for the first time after an assignment of hers had started: she
/// met a client before the register was checked.
pub fn extract_after_start(extract: NaiveDate, started: &[(Id, NaiveDate)]) -> Option<String> {
    let (a, start) = started
        .iter()
        .filter(|(_, s)| *s < extract)
        .min_by_key(|(_, s)| *s)?;
    Some(tr!(
        "the police-register extract ({extract}) is dated after {a} started ({start}): the register is to be checked before the volunteer meets a client",
        "utdraget ur belastningsregistret ({extract}) är daterat efter att {a} började ({start}): registret ska kontrolleras innan kontaktpersonen träffar en klient"
    ))
}

/// The same person on file in the other role: a client who is also a volunteer (or the other
/// way round) is a case for care, never a reason to refuse.
pub fn both_roles(other: &[Id]) -> Option<String> {
    let (first, _) = other.split_first()?;
    Some(match first.kind() {
        crate::model::Kind::Client => tr!(
            "the same person is on file as a client ({})",
            "samma person finns som klient ({})",
            join(other)
        ),
        _ => tr!(
            "the same person is on file as a volunteer ({})",
            "samma person finns som kontaktperson ({})",
            join(other)
        ),
    })
}

fn join(ids: &[Id]) -> String {
    ids.iter().map(Id::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod rejection {
    use super::*;

    fn volunteer(screening: &str) -> Volunteer {
        toml::from_str(&format!(
            "schema = 1\nid = \"V-7Q2K9M\"\nname = \"X\"\npnr = \"198301012384\"\napplied = \"2026-01-01\"\n[screening]\n{screening}"
        ))
        .unwrap()
    }

    #[test]
    fn a_stored_rejection_needs_its_reason() {
        let fields = |v: &Volunteer| -> Vec<String> {
            record_problems(v).iter().map(|p| p.field()).collect()
        };
        let bare = volunteer("rejected = \"2026-02-01\"\n");
        assert_eq!(fields(&bare), vec!["screening.rejection_reason"]);
        let blank = volunteer("rejected = \"2026-02-01\"\nrejection_reason = \"  \"\n");
        assert_eq!(fields(&blank), vec!["screening.rejection_reason"]);
        let why = volunteer("rejected = \"2026-02-01\"\nrejection_reason = \"Olämplig\"\n");
        assert!(fields(&why).is_empty());
    }

    #[test]
    fn a_rejected_screening_is_closed_to_every_step() {
        let v = volunteer("rejected = \"2026-02-01\"\nrejection_reason = \"Olämplig\"\n");
        for (approve, reject) in [(false, false), (true, false), (false, true)] {
            assert_eq!(
                step_problems(&v, approve, reject),
                vec![StepProblem::Closed]
            );
        }
        assert!(
            StepProblem::Closed
                .message(v.id)
                .contains("was rejected; screening is closed")
        );
    }

    #[test]
    fn an_approval_is_never_turned_into_a_rejection_nor_approved_twice() {
        let v = volunteer("approved = \"2026-02-01\"\n");
        assert_eq!(
            step_problems(&v, false, true),
            vec![StepProblem::ApprovalStands]
        );
        assert_eq!(
            step_problems(&v, true, true),
            vec![StepProblem::ApprovalStands]
        );
        assert_eq!(
            step_problems(&v, true, false),
            vec![StepProblem::AlreadyApproved]
        );
        // Other steps (a reference, an extract) are recorded on an approved volunteer.
        assert!(step_problems(&v, false, false).is_empty());
        let under_way = volunteer("interview = \"2026-01-10\"\n");
        assert!(step_problems(&under_way, true, false).is_empty());
        assert!(step_problems(&under_way, false, true).is_empty());
    }

    #[test]
    fn approved_despite_is_kept_only_with_a_concern_on_file() {
        let concern = volunteer(
            "[[screening.references]]\nname = \"R\"\nverdict = \"concern\"\ndate = \"2026-01-05\"\n",
        );
        assert_eq!(
            despite_kept(&concern, Some("  Utrett  ")).as_deref(),
            Some("Utrett")
        );
        assert_eq!(despite_kept(&concern, Some("   ")), None);
        assert_eq!(despite_kept(&concern, None), None);
        let fine = volunteer(
            "[[screening.references]]\nname = \"R\"\nverdict = \"ok\"\ndate = \"2026-01-05\"\n",
        );
        assert_eq!(despite_kept(&fine, Some("Utrett")), None);
    }
}
