//! Is an agreement (uppdragsavtal) sound: its dates in order, and each of its terms paying a fee
//! (arvode) and an expense allowance (omkostnadsersättning) the municipality's model allows?
//!
//! SKR's model sets the fee as a per cent of the prisbasbelopp within a category's range, and
//! the allowance as a level's fixed per cent. Anything else (a per cent outside the range, a
//! plain amount) is allowed only with a reason written in the terms, as `agree --reason` does.
//! `agree` judges the terms it is about to write with this, `check` every agreement on file,
//! and `pay` every agreement it pays.

use crate::model::Assignment;
use crate::model::Money;
use crate::model::assignment::{Compensation, PaidPer, Terms};
use crate::model::config::Tariffs;
use crate::tr;

use super::bounds::{self, MAX_PERCENT_HUNDREDTHS};
use super::{Flaw, Key, Problem};

/// Which of the two amounts a [`Compensation`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Fee,
    Expense,
}

impl Part {
    fn key(self) -> &'static str {
        match self {
            Part::Fee => "fee",
            Part::Expense => "expense",
        }
    }
}

fn percent(p: u32) -> String {
    let whole = p / 100;
    match p % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

fn no_such_level(part: Part, level: u8, at: Vec<Key>, tariffs: &Tariffs) -> Problem {
    let message = match part {
        Part::Fee => tr!(
            "there is no fee category {level} in kontakt.toml (1 to {})",
            "det finns ingen arvodeskategori {level} i kontakt.toml (1 till {})",
            tariffs.fee_categories.len()
        ),
        Part::Expense => tr!(
            "there is no expense level {level} in kontakt.toml (1 to {})",
            "det finns ingen omkostnadsnivå {level} i kontakt.toml (1 till {})",
            tariffs.expense_levels.len()
        ),
    };
    Problem {
        flaw: Flaw::BadValue,
        at,
        message,
    }
}

/// Problems with one amount of a terms entry; `at` is the path to the entry.
pub fn compensation_problems(
    c: &Compensation,
    part: Part,
    has_reason: bool,
    tariffs: &Tariffs,
    at: &[Key],
) -> Vec<Problem> {
    let mut out = Vec::new();
    let field = |f: &str| {
        let mut v = at.to_vec();
        v.push(Key::name(part.key()));
        v.push(Key::name(f));
        v
    };
    let bad = |at: Vec<Key>, message: String| Problem {
        flaw: Flaw::BadValue,
        at,
        message,
    };
    let (level, p) = match *c {
        // Asked of terms that must state the amount (`terms_problems`).
        Compensation::Unstated => {
            let mut whole = at.to_vec();
            whole.push(Key::name(part.key()));
            out.push(bad(
                whole,
                tr!(
                    "neither a per cent (`level` and `percent_hundredths`) nor a plain amount (`monthly_ore`)",
                    "varken en procentsats (`level` och `percent_hundredths`) eller ett fast belopp (`monthly_ore`)"
                ),
            ));
            return out;
        }
        Compensation::Amount(m) => {
            if !bounds::amount_ok(m) {
                out.push(bad(
                    field("monthly_ore"),
                    tr!(
                        "a monthly amount is from 0 to {}, found {} kr",
                        "ett månadsbelopp är från 0 till {}, {} kr hittades",
                        bounds::max_amount_text(),
                        m.swedish()
                    ),
                ));
            }
            if !has_reason {
                out.push(bad(
                    field("monthly_ore"),
                    match part {
                        Part::Fee => tr!(
                            "a plain fee amount instead of a category needs --reason (or `reason` in the terms)",
                            "ett fast arvode i stället för en kategori behöver --reason (eller `reason` i villkoren)"
                        ),
                        Part::Expense => tr!(
                            "a plain expense amount instead of a level needs --reason (or `reason` in the terms)",
                            "en fast omkostnadsersättning i stället för en nivå behöver --reason (eller `reason` i villkoren)"
                        ),
                    },
                ));
            }
            return out;
        }
        Compensation::Percent { level, hundredths } => (level, hundredths),
    };
    if p > MAX_PERCENT_HUNDREDTHS {
        out.push(bad(
            field("percent_hundredths"),
            tr!(
                "at most {MAX_PERCENT_HUNDREDTHS} (100 % of the prisbasbelopp a year), found {p}",
                "högst {MAX_PERCENT_HUNDREDTHS} (100 % av prisbasbeloppet per år), {p} hittades"
            ),
        ));
        return out;
    }
    let Some(level) = level else {
        if !has_reason {
            out.push(bad(
                field("percent_hundredths"),
                tr!(
                    "a per cent without a category or level needs a reason",
                    "en procentsats utan kategori eller nivå behöver ett skäl"
                ),
            ));
        }
        return out;
    };
    let index = usize::from(level).checked_sub(1);
    match part {
        Part::Fee => match index.and_then(|i| tariffs.fee_categories.get(i)) {
            None => out.push(no_such_level(part, level, field("level"), tariffs)),
            Some([lo, hi]) => {
                // In u64: kontakt.toml's figures are checked elsewhere (`check` still runs
                // this on a file it found out of range), and a product must not overflow.
                let range = u64::from(*lo) * 100..=u64::from(*hi) * 100;
                if !range.contains(&u64::from(p)) && !has_reason {
                    out.push(bad(
                        field("percent_hundredths"),
                        tr!(
                            "{}% is outside fee category {level} ({lo}-{hi}%): give --reason (or `reason` in the terms)",
                            "{} % ligger utanför arvodeskategori {level} ({lo}–{hi} %): ange --reason (eller `reason` i villkoren)",
                            percent(p)
                        ),
                    ));
                }
            }
        },
        Part::Expense => match index.and_then(|i| tariffs.expense_levels.get(i)) {
            None => out.push(no_such_level(part, level, field("level"), tariffs)),
            Some(pct) => {
                if u64::from(p) != u64::from(*pct) * 100 && !has_reason {
                    out.push(bad(
                        field("percent_hundredths"),
                        tr!(
                            "expense level {level} is {pct}%, found {}%: give a reason (`reason` in the terms)",
                            "omkostnadsnivå {level} är {pct} %, {} % hittades: ange ett skäl (`reason` i villkoren)",
                            percent(p)
                        ),
                    ));
                }
            }
        },
    }
    out
}

/// The per cent, in hundredths, of SKR's expense level `level` (1-based) in kontakt.toml;
/// `None` for a level it lacks (or a figure beyond range). `agree --expense-level` records
/// this and the terms check compares a stored per cent with it.
pub fn expense_level_hundredths(tariffs: &Tariffs, level: u8) -> Option<u32> {
    usize::from(level)
        .checked_sub(1)
        .and_then(|i| tariffs.expense_levels.get(i))
        .and_then(|p| p.checked_mul(100))
}

/// Whether terms paid one way state a part of their pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The terms must state it.
    Required,
    /// The terms may state it (an allowance beside an hourly fee).
    Optional,
    /// Another source gives it (kontakt.toml's tariffs): the terms must not state it.
    Absent,
}

/// What terms paid each way state: by the month both amounts; by meeting level the tariff's
/// name (its amounts are in kontakt.toml); by the hour the rate, with an allowance if agreed;
/// per dygn nothing (the year's rates). `agree` asks for what is required, `check` finds what
/// is missing or should not be there, by this one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    pub fee: Need,
    pub expense: Need,
    pub tiers: Need,
    pub hourly: Need,
}

/// What terms paid `paid_per` state ([`Stated`]).
pub fn stated(paid_per: PaidPer) -> Stated {
    use Need::*;
    match paid_per {
        PaidPer::Month => Stated {
            fee: Required,
            expense: Required,
            tiers: Absent,
            hourly: Absent,
        },
        PaidPer::Meetings => Stated {
            fee: Absent,
            expense: Absent,
            tiers: Required,
            hourly: Absent,
        },
        PaidPer::Hour => Stated {
            fee: Absent,
            expense: Optional,
            tiers: Absent,
            hourly: Required,
        },
        PaidPer::Dygn => Stated {
            fee: Absent,
            expense: Absent,
            tiers: Absent,
            hourly: Absent,
        },
    }
}

/// `t` without the parts its way of paying does not state ([`stated`]): terms changed to
/// another way of paying do not carry the old way's amounts into it.
pub fn only_what_it_states(mut t: Terms) -> Terms {
    let needs = stated(t.paid_per);
    if needs.fee == Need::Absent {
        t.fee = Compensation::default();
    }
    if needs.expense == Need::Absent {
        t.expense = Compensation::default();
    }
    if needs.tiers == Need::Absent {
        t.tiers = None;
    }
    if needs.hourly == Need::Absent {
        t.hourly_ore = None;
    }
    t
}

/// "paid per {way}", in the reader's language.
fn way_word(p: PaidPer) -> String {
    match p {
        PaidPer::Month => tr!("month", "månad"),
        PaidPer::Meetings => tr!("meeting level", "träffnivå"),
        PaidPer::Hour => tr!("hour", "timme"),
        PaidPer::Dygn => tr!("dygn", "dygn"),
    }
}

/// Problems with one terms entry (at `at`): its amounts, and whether they fit its way of being
/// paid. By the month a fee and an allowance are stated; by meeting level the tariff named
/// exists (and gives both amounts); by the hour a rate is stated (and an allowance may be); per
/// dygn the year's rates come from kontakt.toml, so nothing is stated.
pub fn terms_problems(t: &Terms, tariffs: &Tariffs, at: &[Key]) -> Vec<Problem> {
    let has_reason = t.reason.as_deref().is_some_and(|r| !r.trim().is_empty());
    let mut out = Vec::new();
    let field = |f: &str| {
        let mut v = at.to_vec();
        v.push(Key::name(f));
        v
    };
    let bad = |f: &str, message: String| Problem {
        flaw: Flaw::BadValue,
        at: field(f),
        message,
    };
    let way = way_word(t.paid_per);
    let needs = stated(t.paid_per);
    let states_fee = needs.fee == Need::Required;
    let states_expense = match needs.expense {
        Need::Required => true,
        Need::Optional => !t.expense.is_none(),
        Need::Absent => false,
    };
    if states_fee {
        out.extend(compensation_problems(
            &t.fee,
            Part::Fee,
            has_reason,
            tariffs,
            at,
        ));
    } else if !t.fee.is_none() {
        out.push(bad(
            "fee",
            tr!(
                "terms paid per {way} take their fee from elsewhere: remove `fee`",
                "villkor som betalas per {way} tar arvodet från annat håll: ta bort `fee`"
            ),
        ));
    }
    if states_expense {
        out.extend(compensation_problems(
            &t.expense,
            Part::Expense,
            has_reason,
            tariffs,
            at,
        ));
    } else if !t.expense.is_none() {
        out.push(bad(
            "expense",
            tr!(
                "terms paid per {way} take their allowance from elsewhere: remove `expense`",
                "villkor som betalas per {way} tar omkostnadsersättningen från annat håll: ta bort `expense`"
            ),
        ));
    }
    match (&t.tiers, needs.tiers) {
        (None, Need::Required) => out.push(bad(
            "tiers",
            tr!(
                "terms paid by meeting level need the tariff's name (`tiers`, agree --tiers)",
                "villkor som betalas per träffnivå behöver taxans namn (`tiers`, agree --tiers)"
            ),
        )),
        (Some(name), Need::Required | Need::Optional) if !tariffs.tiers.contains_key(name) => {
            let known: Vec<&str> = tariffs.tiers.keys().map(String::as_str).collect();
            out.push(bad(
                "tiers",
                tr!(
                    "kontakt.toml has no meeting tariff `{name}` ([[compensation.tiers.{name}]]; known: {})",
                    "kontakt.toml har ingen träfftaxa `{name}` ([[compensation.tiers.{name}]]; kända: {})",
                    if known.is_empty() { "-".to_string() } else { known.join(", ") }
                ),
            ))
        }
        (Some(_), Need::Absent) => out.push(bad(
            "tiers",
            tr!(
                "a meeting tariff is only for terms paid by meeting level (paid_per = \"meetings\")",
                "en träfftaxa gäller bara villkor som betalas per träffnivå (paid_per = \"meetings\")"
            ),
        )),
        _ => {}
    }
    match (t.hourly_ore, needs.hourly) {
        (None, Need::Required) => out.push(bad(
            "hourly_ore",
            tr!(
                "terms paid by the hour need the rate (`hourly_ore`, agree --hourly)",
                "villkor som betalas per timme behöver timarvodet (`hourly_ore`, agree --hourly)"
            ),
        )),
        (Some(h), Need::Required | Need::Optional)
            if !(Money(1)..=bounds::MAX_HOURLY).contains(&h) =>
        {
            out.push(bad(
                "hourly_ore",
                tr!(
                    "an hourly rate is above 0 and at most {} kr, found {} kr",
                    "ett timarvode är över 0 och högst {} kr, {} kr hittades",
                    bounds::MAX_HOURLY.swedish(),
                    h.swedish()
                ),
            ))
        }
        (Some(_), Need::Absent) => out.push(bad(
            "hourly_ore",
            tr!(
                "an hourly rate is only for terms paid by the hour (paid_per = \"hour\")",
                "ett timarvode gäller bara villkor som betalas per timme (paid_per = \"hour\")"
            ),
        )),
        _ => {}
    }
    if let Some(m) = t
        .travel_monthly_ore
        .filter(|m| !(Money(1)..=bounds::MAX_AMOUNT).contains(m))
    {
        out.push(bad(
            "travel_monthly_ore",
            tr!(
                "a monthly travel allowance is above 0 and at most {}, found {} kr",
                "en månatlig reseersättning är över 0 och högst {}, {} kr hittades",
                bounds::max_amount_text(),
                m.swedish()
            ),
        ));
    }
    if t.individual_basis
        .as_deref()
        .is_some_and(|b| b.trim().is_empty())
    {
        out.push(bad(
            "individual_basis",
            tr!(
                "an individual basis names the inquiry it rests on; remove an empty one",
                "ett individuellt underlag anger utredningen det vilar på; ta bort ett tomt"
            ),
        ));
    }
    out
}

/// Every problem with an assignment's agreement: its dates and each terms entry.
pub fn agreement_problems(a: &Assignment, tariffs: &Tariffs) -> Vec<Problem> {
    let mut out = Vec::new();
    let Some(ag) = &a.agreement else {
        return out;
    };
    if ag.end.is_some_and(|e| e < ag.start) {
        out.push(Problem {
            flaw: Flaw::ImpossibleDates,
            at: super::keys(&["agreement", "end"]),
            message: tr!(
                "the agreement ends before it starts",
                "avtalet slutar innan det börjar"
            ),
        });
    }
    let froms: Vec<_> = ag.terms.iter().map(|t| t.from).collect();
    if froms.is_empty() || froms[0] != ag.start || froms.windows(2).any(|w| w[0] >= w[1]) {
        out.push(Problem {
            flaw: Flaw::ImpossibleDates,
            at: super::keys(&["agreement", "terms"]),
            message: tr!(
                "the terms must start on the agreement's start date and follow each other in date order",
                "villkoren ska börja på avtalets startdag och följa på varandra i datumordning"
            ),
        });
    }
    for (i, t) in ag.terms.iter().enumerate() {
        let at = [Key::name("agreement"), Key::name("terms"), Key::Index(i)];
        out.extend(terms_problems(t, tariffs, &at));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(level: u8, p: u32) -> Compensation {
        Compensation::Percent {
            level: Some(level),
            hundredths: p,
        }
    }

    fn plain(ore: i64) -> Compensation {
        Compensation::Amount(Money(ore))
    }

    /// What a file may not state at all: both a per cent and an amount, a level without its
    /// per cent, a level beside an amount. The record is refused as it is read, at the field.
    #[test]
    fn a_mix_of_a_per_cent_and_an_amount_is_not_read() {
        #[derive(Debug, serde::Deserialize)]
        struct T {
            #[allow(dead_code)]
            fee: Compensation,
        }
        for (text, want) in [
            (
                "fee = { level = 1, percent_hundredths = 2000, monthly_ore = 100 }",
                "both a plain amount",
            ),
            (
                "fee = { percent_hundredths = 2000, monthly_ore = 100 }",
                "both a plain amount",
            ),
            ("fee = { level = 1 }", "a `level` without its per cent"),
            ("fee = { level = 1, monthly_ore = 100 }", "has no `level`"),
        ] {
            let e = toml::from_str::<T>(text).expect_err(text);
            assert!(e.message().contains(want), "{text}: {}", e.message());
        }
        for (text, c) in [
            ("fee = {}", Compensation::Unstated),
            (
                "fee = { monthly_ore = 100 }",
                Compensation::Amount(Money(100)),
            ),
            (
                "fee = { percent_hundredths = 2000 }",
                Compensation::Percent {
                    level: None,
                    hundredths: 2000,
                },
            ),
            (
                "fee = { level = 2, percent_hundredths = 2000 }",
                pct(2, 2000),
            ),
        ] {
            assert_eq!(toml::from_str::<T>(text).expect(text).fee, c, "{text}");
        }
        // Written back the way it was read.
        let t = toml::to_string(&pct(2, 2000)).unwrap();
        assert_eq!(t, "level = 2\npercent_hundredths = 2000\n");
    }

    fn fields(c: &Compensation, part: Part, reason: bool) -> Vec<String> {
        compensation_problems(c, part, reason, &Tariffs::default(), &[])
            .iter()
            .map(Problem::field)
            .collect()
    }

    #[test]
    fn skr_terms_pass_and_slips_do_not() {
        assert!(fields(&pct(1, 2000), Part::Fee, false).is_empty());
        assert!(fields(&pct(1, 1000), Part::Expense, false).is_empty());
        // One zero too many, with or without a reason.
        assert_eq!(
            fields(&pct(1, 20_000), Part::Fee, true),
            ["fee.percent_hundredths"]
        );
        assert_eq!(
            fields(&pct(1, u32::MAX), Part::Fee, true),
            ["fee.percent_hundredths"]
        );
        // Outside the category: a reason makes it allowed.
        assert_eq!(
            fields(&pct(1, 5000), Part::Fee, false),
            ["fee.percent_hundredths"]
        );
        assert!(fields(&pct(1, 5000), Part::Fee, true).is_empty());
        assert_eq!(fields(&pct(9, 2000), Part::Fee, true), ["fee.level"]);
        assert_eq!(fields(&pct(0, 2000), Part::Fee, true), ["fee.level"]);
        assert_eq!(
            fields(&pct(4, 1000), Part::Expense, true),
            ["expense.level"]
        );
    }

    #[test]
    fn plain_amounts_need_a_reason_and_a_sane_size() {
        assert_eq!(
            fields(&plain(50_000), Part::Fee, false),
            ["fee.monthly_ore"]
        );
        assert!(fields(&plain(50_000), Part::Fee, true).is_empty());
        for ore in [-1, i64::MAX, i64::MIN, bounds::MAX_AMOUNT.ore() + 1] {
            assert_eq!(
                fields(&plain(ore), Part::Fee, true),
                ["fee.monthly_ore"],
                "{ore}"
            );
        }
    }

    fn terms(paid_per: PaidPer) -> Terms {
        let mut t = Terms::monthly(
            "2026-09-01".parse().unwrap(),
            "1/week".parse().unwrap(),
            pct(1, 2000),
            pct(1, 1000),
        );
        t.paid_per = paid_per;
        t
    }

    /// The compensation model with one meeting tariff, `lss`.
    fn lss_tariffs() -> Tariffs {
        let mut tariffs = Tariffs::default();
        tariffs.tiers.insert(
            "lss".into(),
            vec![crate::model::config::Tier {
                min_meetings: 2,
                fee_percent_hundredths: 750,
                expense_percent_hundredths: 1500,
            }],
        );
        tariffs
    }

    fn pay_fields(t: &Terms, tariffs: &Tariffs) -> Vec<String> {
        terms_problems(t, tariffs, &[])
            .iter()
            .map(Problem::field)
            .collect()
    }

    /// Each way of paying states what it uses and nothing it does not.
    #[test]
    fn the_way_of_paying_decides_what_is_stated() {
        let tariffs = lss_tariffs();
        assert!(pay_fields(&terms(PaidPer::Month), &tariffs).is_empty());
        let mut month = terms(PaidPer::Month);
        month.fee = Compensation::default();
        assert_eq!(pay_fields(&month, &tariffs), ["fee"]);

        // Meeting levels: the tariff named and known; no amounts of its own.
        assert_eq!(
            pay_fields(&terms(PaidPer::Meetings), &tariffs),
            ["fee", "expense", "tiers"]
        );
        let mut meetings = terms(PaidPer::Meetings);
        meetings.fee = Compensation::default();
        meetings.expense = Compensation::default();
        meetings.tiers = Some("lss".into());
        assert!(pay_fields(&meetings, &tariffs).is_empty());
        meetings.tiers = Some("värnamo".into());
        assert_eq!(pay_fields(&meetings, &tariffs), ["tiers"]);

        // By the hour: a rate within bounds; the allowance optional.
        let mut hour = terms(PaidPer::Hour);
        hour.fee = Compensation::default();
        assert_eq!(pay_fields(&hour, &tariffs), ["hourly_ore"]);
        hour.hourly_ore = Some(Money(25_000));
        assert!(pay_fields(&hour, &tariffs).is_empty());
        hour.expense = Compensation::default();
        assert!(pay_fields(&hour, &tariffs).is_empty());
        hour.hourly_ore = Some(Money(0));
        assert_eq!(pay_fields(&hour, &tariffs), ["hourly_ore"]);

        // Per dygn: nothing stated; a rate per hour or a tariff is out of place.
        let mut dygn = terms(PaidPer::Dygn);
        dygn.fee = Compensation::default();
        dygn.expense = Compensation::default();
        assert!(pay_fields(&dygn, &tariffs).is_empty());
        dygn.hourly_ore = Some(Money(25_000));
        dygn.tiers = Some("lss".into());
        dygn.travel_monthly_ore = Some(Money(-1));
        dygn.individual_basis = Some(" ".into());
        assert_eq!(
            pay_fields(&dygn, &tariffs),
            [
                "tiers",
                "hourly_ore",
                "travel_monthly_ore",
                "individual_basis"
            ]
        );
    }

    /// Terms changed to another way of paying keep only what it states, and then `check` finds
    /// nothing out of place in them (the one table, [`stated`], serves both).
    #[test]
    fn terms_changed_to_another_way_keep_only_what_it_states() {
        let tariffs = lss_tariffs();
        for way in [
            PaidPer::Month,
            PaidPer::Meetings,
            PaidPer::Hour,
            PaidPer::Dygn,
        ] {
            let mut full = terms(way);
            full.tiers = Some("lss".into());
            full.hourly_ore = Some(Money(25_000));
            let kept = only_what_it_states(full);
            let needs = stated(way);
            assert_eq!(kept.fee.is_none(), needs.fee == Need::Absent, "{way:?}");
            assert_eq!(
                kept.expense.is_none(),
                needs.expense == Need::Absent,
                "{way:?}"
            );
            assert_eq!(kept.tiers.is_none(), needs.tiers == Need::Absent, "{way:?}");
            assert_eq!(
                kept.hourly_ore.is_none(),
                needs.hourly == Need::Absent,
                "{way:?}"
            );
            assert!(
                pay_fields(&kept, &tariffs).is_empty(),
                "{way:?}: {:?}",
                pay_fields(&kept, &tariffs)
            );
        }
    }
}
