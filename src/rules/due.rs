//! What needs attention and when (`kontakt due`): decisions that expire or need their
//! follow-up (`decision`), decisions not put into effect on the IVO clock (`ivo_delay`), police
//! extracts that expire (`screening`), volunteers back from a break (`pause`), agreements not
//! signed, attendance reports missing or waiting for approval. Each item is dated; earlier than today is overdue.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{appeal, decision, household, in_force, ivo_delay, pause, screening, status, support};
use crate::lang::Lang;
use crate::model::{Assignment, AssignmentStatus, Client, Config, Id, Month, Report, Volunteer};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Due {
    /// The day it falls due (earlier than today: overdue).
    pub date: NaiveDate,
    pub what: &'static str,
    pub id: Id,
    pub detail: String,
}

/// The records `due` reads.
pub struct Records<'a> {
    pub clients: &'a [Client],
    pub volunteers: &'a [Volunteer],
    pub assignments: &'a [Assignment],
    pub reports: &'a [Report],
}

/// The last day `within` days from `today` looks at; a horizon beyond the calendar is the end
/// of the calendar (`--within 100000000` asks for everything, not for a date chrono cannot hold).
pub fn horizon(today: NaiveDate, within: u32) -> NaiveDate {
    today
        .checked_add_days(chrono::Days::new(u64::from(within)))
        .unwrap_or(NaiveDate::MAX)
}

/// Pay owed for `assignment`'s `period` that kontakt may no longer pay (`payroll::owed`, older
/// than the retroactive limit): due from the end of the period it is owed for, so always
/// overdue, and listed until it is settled outside kontakt. `reason` is the recorded English
/// sentence, shown in `lang`.
pub fn pay_owed(assignment: Id, period: Month, reason: &str, lang: Lang) -> Due {
    Due {
        date: period.last_day(),
        what: "pay owed",
        id: assignment,
        detail: format!("{period}: {}", lang.phrases(reason)),
    }
}

/// Everything in `r` falling due by `horizon`, overdue first, in `lang`.
pub fn due(
    r: &Records,
    cfg: &Config,
    today: NaiveDate,
    horizon: NaiveDate,
    lang: Lang,
) -> Vec<Due> {
    let sv = lang == Lang::Sv;
    let (clients, volunteers, assignments, reports) =
        (r.clients, r.volunteers, r.assignments, r.reports);
    let mut out = Vec::new();
    // Sets, not scans: a country has 50 000 assignments and 600 000 reports a year.
    let open: Vec<&Assignment> = assignments.iter().filter(|a| a.is_open(today)).collect();
    let client_by_id: HashMap<&Id, &Client> = clients.iter().map(|c| (&c.id, c)).collect();
    let open_volunteers: HashSet<&Id> = open.iter().map(|a| &a.volunteer).collect();
    let reported: HashSet<(&Id, Month)> =
        reports.iter().map(|r| (&r.assignment, r.month)).collect();
    // Appeals not forwarded to the court within the days kontakt.toml gives (whatever the
    // decision's outcome: a denial is what is usually appealed).
    for c in clients {
        let Some(d) = c.latest_decision() else {
            continue;
        };
        if let Some(by) =
            appeal::forward_by(d, cfg.clients.appeal_forward_days).filter(|b| *b <= horizon)
        {
            let (received, reconsidered) = d
                .appeal
                .as_ref()
                .map_or((by, None), |a| (a.received.get(), a.reconsidered));
            let detail = match (reconsidered, sv) {
                (Some(r), true) => format!(
                    "överklagandet inkom {received}, omprövat {r} utan ändring: lämnas utan dröjsmål till förvaltningsrätten (--appeal-forwarded DATUM)"
                ),
                (Some(r), false) => format!(
                    "the appeal came in {received}, reconsidered {r} and left unchanged: forward it to the administrative court without delay (--appeal-forwarded DATE)"
                ),
                (None, true) => format!(
                    "överklagandet inkom {received}: omprövas och lämnas utan dröjsmål till förvaltningsrätten (--appeal-forwarded DATUM)"
                ),
                (None, false) => format!(
                    "the appeal came in {received}: reconsider it and forward it to the administrative court without delay (--appeal-forwarded DATE)"
                ),
            };
            out.push(Due {
                date: by,
                what: "appeal to forward",
                id: c.id,
                detail,
            });
        }
    }
    for c in clients {
        if status::client_status(c, today) != status::ClientStatus::Granted {
            continue;
        }
        let Some(d) = c.latest_decision() else {
            continue;
        };
        // A decision closed early ends as staff decided: no new decision is asked for.
        if let Some(to) = d.last_day().filter(|t| *t <= horizon && d.closed.is_none()) {
            out.push(Due {
                date: to,
                what: "decision expires",
                id: c.id,
                detail: if sv {
                    format!("beviljat till {to}; ett nytt beslut behövs för att fortsätta")
                } else {
                    format!("granted until {to}; a new decision is needed to continue")
                },
            });
        }
        if let Some(f) = decision::follow_up_due(d, &cfg.clients)
            .filter(|f| *f <= horizon && d.to().is_none_or(|t| *f < t))
        {
            out.push(Due {
                date: f,
                what: "follow-up",
                id: c.id,
                detail: {
                    let (months, from) =
                        (cfg.clients.follow_up_months, d.from().unwrap_or(d.decided));
                    if sv {
                        format!("uppföljning efter {months} månader av beslutet från {from}")
                    } else {
                        format!("{months}-month follow-up of the decision from {from}")
                    }
                },
            });
        }
    }
    // Decisions not put into effect (or interrupted): warned a month before the three months,
    // flagged from then on, until an agreement puts them into effect (rules::ivo_delay).
    let mut by_client: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    for a in assignments {
        by_client.entry(&a.client).or_default().push(a);
    }
    for c in clients {
        let mine = by_client.get(&c.id).map(Vec::as_slice).unwrap_or(&[]);
        for k in ivo_delay::cases(c, mine, today) {
            // Listed like the rest when three months fall within the horizon, and in any case
            // from a month before them.
            if k.ended.is_some() || (k.reportable_from > horizon && k.warn_from() > today) {
                continue;
            }
            let since = match (k.began, sv) {
                (ivo_delay::Began::Decision, false) => format!("decided {}", k.decided),
                (ivo_delay::Began::Decision, true) => format!("beslutat {}", k.decided),
                (ivo_delay::Began::Interruption, false) => {
                    format!("interrupted from {} (decided {})", k.since, k.decided)
                }
                (ivo_delay::Began::Interruption, true) => {
                    format!("avbrott från {} (beslutat {})", k.since, k.decided)
                }
            };
            let partly = match (k.partly, k.granted, sv) {
                (Some(p), Some(g), false) => format!(", partly: {p} of {g}"),
                (Some(p), Some(g), true) => format!(", delvis: {p} av {g}"),
                _ => String::new(),
            };
            let (what, detail) = if k.reportable_from <= today {
                let q = crate::model::Quarter::of(today);
                (
                    "report to IVO",
                    if sv {
                        format!(
                            "inte verkställt, {since}{partly}: rapporteras till IVO varje kvartal tills det verkställs (kontakt ivo --quarter {q})"
                        )
                    } else {
                        format!(
                            "not put into effect, {since}{partly}: reported to IVO each quarter until it is (kontakt ivo --quarter {q})"
                        )
                    },
                )
            } else {
                (
                    "not in effect",
                    if sv {
                        format!(
                            "inte verkställt, {since}{partly}: rapporteras till IVO om det inte verkställs senast {}",
                            k.reportable_from
                        )
                    } else {
                        format!(
                            "not put into effect, {since}{partly}: reported to IVO unless it is by {}",
                            k.reportable_from
                        )
                    },
                )
            };
            out.push(Due {
                date: k.reportable_from,
                what,
                id: c.id,
                detail,
            });
        }
    }
    for v in volunteers {
        if !open_volunteers.contains(&v.id) {
            continue;
        }
        if let Some(e) = screening::extract_expires(v, &cfg.volunteers).filter(|e| *e <= horizon) {
            out.push(Due {
                date: e,
                what: "police extract expires",
                id: v.id,
                detail: lang
                    .pick(
                        "a new extract from the police register is needed",
                        "ett nytt utdrag ur belastningsregistret behövs",
                    )
                    .into(),
            });
        }
        // An adult who moved into a family's home unchecked, with a child placed there.
        let unchecked = household::unchecked_adults(v, &cfg.volunteers);
        if !unchecked.is_empty() {
            out.push(Due {
                date: today,
                what: "household not cleared",
                id: v.id,
                detail: match lang {
                    Lang::Sv => format!(
                        "{} i hushållet saknar registerkontroll (kontakt screen volunteer {} --adult NAMN --police-extract DATUM --social-register DATUM)",
                        unchecked.join(", "),
                        v.id
                    ),
                    Lang::En => format!(
                        "{} in the household lacks a register check (kontakt screen volunteer {} --adult NAME --police-extract DATE --social-register DATE)",
                        unchecked.join(", "),
                        v.id
                    ),
                },
            });
        }
        // A family's other adults need extracts young enough too (`household`).
        if let Some((name, e)) =
            household::first_extract_expiry(v, &cfg.volunteers).filter(|(_, e)| *e <= horizon)
        {
            out.push(Due {
                date: e,
                what: "police extract expires",
                id: v.id,
                detail: match lang {
                    Lang::Sv => {
                        format!("ett nytt utdrag ur belastningsregistret behövs för {name}")
                    }
                    Lang::En => {
                        format!("a new extract from the police register is needed for {name}")
                    }
                },
            });
        }
    }
    // Support: a volunteer in an assignment without a contact for too long (`support`).
    let mut by_volunteer: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    for a in assignments {
        by_volunteer.entry(&a.volunteer).or_default().push(a);
    }
    for v in volunteers {
        let hers = by_volunteer.get(&v.id).map(Vec::as_slice).unwrap_or(&[]);
        let Some(date) = support::contact_due(v, hers, &cfg.volunteers, today) else {
            continue;
        };
        if date > horizon {
            continue;
        }
        let last = v.support.iter().map(|s| s.date).max();
        out.push(Due {
            date,
            what: "support contact",
            id: v.id,
            detail: match (last, sv) {
                (Some(l), true) => format!(
                    "senaste stödkontakt {l}: handledning, gruppträff eller ett samtal (kontakt support {})",
                    v.id
                ),
                (Some(l), false) => format!(
                    "last support contact {l}: handledning, a group meeting or a call (kontakt support {})",
                    v.id
                ),
                (None, true) => format!(
                    "ingen stödkontakt registrerad sedan uppdraget började (kontakt support {})",
                    v.id
                ),
                (None, false) => format!(
                    "no support contact recorded since the assignment began (kontakt support {})",
                    v.id
                ),
            },
        });
    }
    // Breaks: the day a volunteer is back (to check in and match her again). An open-ended
    // break has no such day: it is listed as a call to make, the support interval after it
    // began (and after that overdue), so that no break is forgotten.
    for v in volunteers {
        if v.leaving.is_some() {
            continue;
        }
        let Some(i) = pause::current_or_next(v, today) else {
            continue;
        };
        let p = &v.pauses[i];
        let (date, what, detail) = match (p.until, sv) {
            (Some(u), false) => (
                u.get(),
                "pause ends",
                format!("back from a break ({})", p.reason),
            ),
            (Some(u), true) => (
                u.get(),
                "pause ends",
                format!("åter från uppehåll ({})", p.reason),
            ),
            (None, _) => {
                // From the latest contact with her (a call recorded with `kontakt support`)
                // once there is one since the break began.
                let since = v
                    .support
                    .iter()
                    .map(|s| s.date)
                    .filter(|d| *d >= p.from)
                    .max()
                    .unwrap_or(p.from);
                let call = since
                    .checked_add_days(chrono::Days::new(u64::from(cfg.volunteers.support_days)))
                    .unwrap_or(NaiveDate::MAX);
                let detail = if sv {
                    format!(
                        "uppehåll från {} tills vidare ({}): hör av dig till henne och se om hon är åter (registrera samtalet med kontakt support, hennes återkomst med kontakt resume)",
                        p.from, p.reason
                    )
                } else {
                    format!(
                        "on a break from {} until further notice ({}): call her and see whether she is back (record the call with kontakt support, her return with kontakt resume)",
                        p.from, p.reason
                    )
                };
                (call, "pause open-ended", detail)
            }
        };
        if date <= horizon {
            out.push(Due {
                date,
                what,
                id: v.id,
                detail,
            });
        }
    }
    for a in assignments {
        let st = a.status(today);
        if st == AssignmentStatus::Unsigned
            && let Some(ag) = &a.agreement
        {
            let missing: Vec<&str> = [
                (lang.pick("agreement", "uppdragsavtal"), ag.signed),
                (
                    lang.pick("confidentiality undertaking", "sekretessförbindelse"),
                    ag.confidentiality_signed,
                ),
            ]
            .into_iter()
            .filter(|(_, d)| d.is_none())
            .map(|(n, _)| n)
            .collect();
            out.push(Due {
                date: ag.start.get(),
                what: "unsigned",
                id: a.id,
                detail: format!(
                    "{}: {}",
                    lang.pick("not signed", "ej undertecknat"),
                    missing.join(", ")
                ),
            });
        }
        if matches!(st, AssignmentStatus::Active | AssignmentStatus::Ended) && a.agreement.is_some()
        {
            // Every past month with active days needs a report: days the agreement is in force
            // and the client's decision grants (the agreement ends with the decision; `pay`
            // pays no day the decision does not cover).
            let client = client_by_id.get(&a.client).copied();
            let delivers =
                |d: NaiveDate| in_force::in_force(a, d) && client.is_some_and(|c| c.granted_on(d));
            let mut m = Month::of(
                a.agreement
                    .as_ref()
                    .map_or(a.proposed.get(), |g| g.start.get()),
            );
            let this = Month::of(today);
            while m < this {
                let active = m.dates().any(delivers);
                if active && !reported.contains(&(&a.id, m)) {
                    out.push(Due {
                        date: m.next().first_day(),
                        what: "report missing",
                        id: a.id,
                        detail: if sv {
                            format!("ingen närvarorapport för {m}")
                        } else {
                            format!("no attendance report for {m}")
                        },
                    });
                }
                m = m.next();
            }
        }
    }
    for r in reports {
        if r.approved.is_none() {
            out.push(Due {
                date: r.reported.get(),
                what: "report to approve",
                id: r.assignment,
                detail: if sv {
                    format!("rapporten för {} väntar på attest", r.month)
                } else {
                    format!("the report for {} waits for approval", r.month)
                },
            });
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_horizon_stops_at_the_end_of_the_calendar() {
        let today: NaiveDate = "2026-11-05".parse().unwrap();
        assert_eq!(
            horizon(today, 30),
            "2026-12-05".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(horizon(today, 0), today);
        assert_eq!(horizon(today, u32::MAX), NaiveDate::MAX);
    }
}
