//! Is an agreement (uppdragsavtal) sound: its dates in order, and each of its terms paying a fee
//! (arvode) and an expense allowance (omkostnadsersättning) the municipality's model allows?
//!
//! SKR's model sets the fee as a per cent of the prisbasbelopp within a category's range, and
//! the allowance as a level's fixed per cent. Anything else (a per cent outside the range, a
//! plain amount) is allowed only with a reason written in the terms, as `agree --reason` does.
//! `agree` judges the terms it is about to write with this, `check` every agreement on file,
//! and `pay` every agreement it pays.

use crate::model::Assignment;
#[cfg(test)]
use crate::model::Money;
use crate::model::assignment::{Compensation, Terms};
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

fn t_len(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
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
    let whole = {
        let mut v = at.to_vec();
        v.push(Key::name(part.key()));
        v
    };
    let bad = |at: Vec<Key>, message: String| Problem {
        flaw: Flaw::BadValue,
        at,
        message,
    };
    if let Some(m) = c.monthly_ore {
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
        if c.percent_hundredths.is_some() {
            out.push(bad(
                field("percent_hundredths"),
                tr!(
                    "both a plain amount and a per cent: keep one",
                    "både ett fast belopp och en procentsats: behåll ett"
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
    let levels = match part {
        Part::Fee => t_len(tariffs.fee_categories.len()),
        Part::Expense => t_len(tariffs.expense_levels.len()),
    };
    let Some(p) = c.percent_hundredths else {
        if let Some(level) = c.level.filter(|l| !(1..=levels).contains(l)) {
            out.push(no_such_level(part, level, field("level"), tariffs));
            return out;
        }
        out.push(bad(
            whole,
            tr!(
                "neither a per cent (`level` and `percent_hundredths`) nor a plain amount (`monthly_ore`)",
                "varken en procentsats (`level` och `percent_hundredths`) eller ett fast belopp (`monthly_ore`)"
            ),
        ));
        return out;
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
    let Some(level) = c.level else {
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
                if !(lo * 100..=hi * 100).contains(&p) && !has_reason {
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
                if p != pct * 100 && !has_reason {
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

/// Problems with one terms entry (at `at`).
pub fn terms_problems(t: &Terms, tariffs: &Tariffs, at: &[Key]) -> Vec<Problem> {
    let has_reason = t.reason.as_deref().is_some_and(|r| !r.trim().is_empty());
    let mut out = compensation_problems(&t.fee, Part::Fee, has_reason, tariffs, at);
    out.extend(compensation_problems(
        &t.expense,
        Part::Expense,
        has_reason,
        tariffs,
        at,
    ));
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
        Compensation {
            level: Some(level),
            percent_hundredths: Some(p),
            monthly_ore: None,
        }
    }

    fn plain(ore: i64) -> Compensation {
        Compensation {
            level: None,
            percent_hundredths: None,
            monthly_ore: Some(Money(ore)),
        }
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
}
