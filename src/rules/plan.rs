//! A **genomförandeplan** (the plan of how an assignment is carried out): the goals the
//! decision sets, the activities (what, who, when). It is made for an assignment agreed on,
//! and holds at least one goal. `plan` refuses otherwise and `check` (E004) names a plan typed
//! into a file without a goal or with an activity not said in full.

use crate::model::Assignment;
use crate::model::assignment::Plan;
use crate::tr;

use super::{Flaw, Key, Problem};

/// The goals as given, trimmed, the blank ones left out.
pub fn goals(given: Vec<String>) -> Vec<String> {
    given
        .into_iter()
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty())
        .collect()
}

/// Why a plan with these `goals` (as [`goals`] gives them) cannot be made.
pub fn goal_problem(goals: &[String]) -> Option<String> {
    goals.is_empty().then(|| {
        tr!(
            "a plan needs at least one goal from the decision",
            "en plan behöver minst ett mål från beslutet"
        )
    })
}

/// Why `a` cannot have a plan: one is made for an assignment agreed on, not a proposal nor
/// one declined.
pub fn assignment_problem(a: &Assignment) -> Option<String> {
    (a.agreement.is_none() || a.declined.is_some()).then(|| {
        tr!(
            "{} has no agreement: a plan is made for an assignment agreed on",
            "{} har inget avtal: en plan görs för ett avtalat uppdrag",
            a.id
        )
    })
}

/// A stored plan's problems: no goal, an activity without its what, who or when.
pub fn record_problems(p: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    if goals(p.goals.clone()).is_empty() {
        out.push(Problem::new(
            Flaw::BadValue,
            &[Key::name("plan"), Key::name("goals")],
            tr!(
                "a plan needs at least one goal from the decision",
                "en plan behöver minst ett mål från beslutet"
            ),
        ));
    }
    for (i, a) in p.activities.iter().enumerate() {
        for (field, value) in [("what", &a.what), ("who", &a.who), ("when", &a.when)] {
            if value.trim().is_empty() {
                out.push(Problem::new(
                    Flaw::BadValue,
                    &[
                        Key::name("plan"),
                        Key::name("activities"),
                        Key::Index(i),
                        Key::name(field),
                    ],
                    tr!(
                        "an activity says what, who and when",
                        "en aktivitet säger vad, vem och när"
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assignment::Activity;

    fn plan(goals: &[&str], activity: (&str, &str, &str)) -> Plan {
        Plan {
            made: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().into(),
            goals: goals.iter().map(|g| g.to_string()).collect(),
            activities: vec![Activity {
                what: activity.0.into(),
                who: activity.1.into(),
                when: activity.2.into(),
            }],
            by: None,
        }
    }

    #[test]
    fn a_plan_has_a_goal_and_each_activity_is_said_in_full() {
        assert_eq!(
            goals(vec![" Träffa jämnåriga ".into(), "  ".into()]),
            ["Träffa jämnåriga"]
        );
        assert!(goal_problem(&goals(vec![" ".into()])).is_some());
        assert!(goal_problem(&["Träffa jämnåriga".into()]).is_none());
        let sound = plan(
            &["Träffa jämnåriga"],
            ("fika", "kontaktpersonen", "torsdagar"),
        );
        assert!(record_problems(&sound).is_empty());
        let bad = plan(&[" "], ("fika", "", "torsdagar"));
        let fields: Vec<String> = record_problems(&bad).iter().map(Problem::field).collect();
        assert_eq!(fields, ["plan.goals", "plan.activities[0].who"]);
    }
}
