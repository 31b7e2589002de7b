//! The assignment agreement (uppdragsavtal) as a document to print and sign, in Swedish (the
//! document staff file) or English (for a volunteer who reads English better): the parties, what
//! the assignment includes, meetings, fee and expense allowance in kronor for the year,
//! insurance, the confidentiality undertaking, notice and signature lines.

use chrono::NaiveDate;
use serde::Serialize;

use super::Format;
use super::page::{Block, html, markdown};
use crate::lang::Lang;
use crate::model::common::{Basis, Per};
use crate::model::{Frequency, Id, Money};

/// What the document says, gathered from the records by `ops::agree::document`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementDoc {
    pub municipality: String,
    pub assignment: Id,
    pub volunteer: String,
    /// The volunteer's personnummer as shown: masked unless asked for.
    pub volunteer_pnr: String,
    /// For a child: the guardians (vårdnadshavare) on file, who sign too. `None` for an adult.
    pub guardians: Option<Vec<String>>,
    /// The client's initials only: the document is handed around before it is filed.
    pub client_initials: String,
    pub basis: Basis,
    pub official: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub cost_center: Option<String>,
    /// The year whose prisbasbelopp the amounts below use.
    pub year: i32,
    /// The terms in force during `year`, in order.
    pub terms: Vec<TermsLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermsLine {
    pub from: NaiveDate,
    pub meetings: Frequency,
    /// Arvode per month in `year`.
    pub fee: Money,
    /// Omkostnadsersättning per month in `year`.
    pub expense: Money,
    /// How each amount is set: SKR's model, or a plain amount with its reason (never
    /// described as following SKR or the prisbasbelopp).
    pub fee_rule: Rule,
    pub expense_rule: Rule,
    /// Why the terms depart from the model, as recorded.
    pub reason: Option<String>,
    /// How the terms are paid when not by the month: what the document says instead.
    pub way: Way,
    /// Mileage a mil for one's own car, when the terms pay it.
    pub mileage_per_mil: Option<Money>,
    /// A flat monthly travel allowance.
    pub travel_monthly: Option<Money>,
}

/// How a month is paid, as the agreement states it (`model::assignment::PaidPer`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "paid_per")]
pub enum Way {
    /// The monthly amounts above.
    Month,
    /// The level the month's meetings reach: per level, from how many meetings, and the
    /// monthly amounts in `year`.
    Meetings { levels: Vec<(u32, Money, Money)> },
    /// A fee per hour reported.
    Hour { rate: Money },
    /// A kontaktfamilj: per dygn of stay, at the child's age band's rates in `year`.
    Dygn {
        band: String,
        fee_per_dygn: Money,
        expense_per_dygn: Money,
    },
}

/// Are all the terms paid by the month (so the document may say "paid monthly")?
fn monthly(d: &AgreementDoc) -> bool {
    d.terms.iter().all(|t| matches!(t.way, Way::Month))
}

/// Is this a kontaktfamilj's agreement (stays, not meetings, are reported)?
fn stays(d: &AgreementDoc) -> bool {
    d.terms.iter().any(|t| matches!(t.way, Way::Dygn { .. }))
}

/// What the document says of terms paid by delivery (none for terms paid by the month).
fn delivery_items(d: &AgreementDoc, lang: Lang) -> Vec<String> {
    delivery_items_of(d.terms.iter(), lang)
}

/// [`delivery_items`] of some of the terms (an amendment states the two it changes between).
fn delivery_items_of<'a>(terms: impl Iterator<Item = &'a TermsLine>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for t in terms {
        let from = t.from;
        let kr = |m: Money| m.localized(lang);
        match (&t.way, lang) {
            (Way::Month, _) => {}
            (Way::Meetings { levels }, Lang::Sv) => out.push(format!(
                "Från {from} betalas ersättningen efter antalet träffar i månaden: {}. En månad med färre träffar än den lägsta nivån ger ingen ersättning.",
                levels
                    .iter()
                    .enumerate()
                    .map(|(i, (n, f, e))| format!("nivå {} från {n} träffar, arvode {} och omkostnadsersättning {} per månad", i + 1, kr(*f), kr(*e)))
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            (Way::Meetings { levels }, Lang::En) => out.push(format!(
                "From {from} compensation follows the number of meetings in the month: {}. A month with fewer meetings than the lowest level pays nothing.",
                levels
                    .iter()
                    .enumerate()
                    .map(|(i, (n, f, e))| format!("level {} from {n} meetings, fee {} and expense allowance {} a month", i + 1, kr(*f), kr(*e)))
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            (Way::Hour { rate }, Lang::Sv) => out.push(format!(
                "Från {from} betalas arvodet per timme som rapporteras: {} per timme.",
                kr(*rate)
            )),
            (Way::Hour { rate }, Lang::En) => out.push(format!(
                "From {from} the fee is paid per hour reported: {} an hour.",
                kr(*rate)
            )),
            (Way::Dygn { band, fee_per_dygn, expense_per_dygn }, Lang::Sv) => out.push(format!(
                "Från {from} betalas ersättningen per dygn som den enskilde vistas i familjen. \
                 Ankomstdagen räknas som ett halvt dygn och varje följande dag som ett helt; en vistelse \
                 fredag till söndag är 2½ dygn. För åldern {band} år är arvodet {} per dygn, dubbelt på \
                 lördagar, söndagar och helgdagar under en vistelses första 14 dygn, och \
                 omkostnadsersättningen {} per dygn. Vistelserna rapporteras i den månad de börjar.",
                kr(*fee_per_dygn),
                kr(*expense_per_dygn)
            )),
            (Way::Dygn { band, fee_per_dygn, expense_per_dygn }, Lang::En) => out.push(format!(
                "From {from} compensation is paid per dygn (day and night) the individual stays with \
                 the family. The day of arrival counts as half a dygn and each later day as a whole \
                 one; a stay from Friday to Sunday is 2½ dygn. For ages {band} the fee is {} a dygn, \
                 doubled on Saturdays, Sundays and public holidays within a stay's first 14 dygn, and \
                 the expense allowance {} a dygn. Stays are reported in the month they begin.",
                kr(*fee_per_dygn),
                kr(*expense_per_dygn)
            )),
        }
        if let Some(m) = t.mileage_per_mil {
            out.push(match lang {
                Lang::Sv => format!(
                    "Resor med egen bil i uppdraget ersätts med {} per mil enligt körjournal i närvarorapporten; den del som överstiger Skatteverkets skattefria belopp är skattepliktig.",
                    kr(m)
                ),
                Lang::En => format!(
                    "Trips in one's own car for the assignment are paid {} a mil as logged in the attendance report; the part above Skatteverket's tax-free rate is taxable.",
                    kr(m)
                ),
            });
        }
        if let Some(m) = t.travel_monthly {
            out.push(match lang {
                Lang::Sv => format!(
                    "Reseersättning betalas med {} för varje månad som ger ersättning.",
                    kr(m)
                ),
                Lang::En => format!(
                    "A travel allowance of {} is paid for each month that earns compensation.",
                    kr(m)
                ),
            });
        }
    }
    out
}

/// How an amount is set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Rule {
    /// SKR's model: a category or level, a per cent of the prisbasbelopp a year.
    Skr {
        level: Option<u8>,
        percent_hundredths: u32,
    },
    /// A plain monthly amount the agreement states.
    Plain,
    /// No monthly amount: the terms are paid by delivery (`Way`).
    None,
}

impl Rule {
    /// `fee`: a fee's place in SKR's model is a category (arvodeskategori), an expense
    /// allowance's a level.
    fn describe(&self, reason: Option<&str>, fee: bool, lang: Lang) -> String {
        match self {
            Rule::Skr {
                level,
                percent_hundredths,
            } => {
                let pct = format!(
                    "{}{}{:02}",
                    percent_hundredths / 100,
                    lang.pick(".", ","),
                    percent_hundredths % 100
                );
                let pct = pct
                    .trim_end_matches('0')
                    .trim_end_matches(['.', ','])
                    .to_string();
                let step = match (fee, lang) {
                    (true, Lang::Sv) => "kategori",
                    (true, Lang::En) => "category",
                    (false, Lang::Sv) => "nivå",
                    (false, Lang::En) => "level",
                };
                match (level, lang) {
                    (Some(l), Lang::Sv) => format!("{step} {l}, {pct} % av prisbasbeloppet"),
                    (Some(l), Lang::En) => format!("{step} {l}, {pct} % of the price base amount"),
                    (None, Lang::Sv) => format!("{pct} % av prisbasbeloppet"),
                    (None, Lang::En) => format!("{pct} % of the price base amount"),
                }
            }
            Rule::None => lang.pick("see below", "se nedan").to_string(),
            Rule::Plain => match (reason, lang) {
                (Some(r), Lang::Sv) => format!("fast belopp ({r})"),
                (Some(r), Lang::En) => format!("a fixed amount ({r})"),
                (None, Lang::Sv) => "fast belopp".into(),
                (None, Lang::En) => "a fixed amount".into(),
            },
        }
    }
}

/// `1 gång per vecka`, `2 times a week`.
fn meetings(f: Frequency, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            let times = if f.times == 1 { "gång" } else { "gånger" };
            let per = match f.per {
                Per::Week => "vecka",
                Per::Month => "månad",
            };
            format!("{} {times} per {per}", f.times)
        }
        Lang::En => {
            let times = if f.times == 1 { "time" } else { "times" };
            let per = match f.per {
                Per::Week => "week",
                Per::Month => "month",
            };
            format!("{} {times} a {per}", f.times)
        }
    }
}

/// `1 gång per vecka, från 2026-07-01 2 gånger per vecka`.
fn meetings_over_time(terms: &[TermsLine], lang: Lang) -> String {
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| match i {
            0 => meetings(t.meetings, lang),
            _ => format!(
                "{} {} {}",
                lang.pick("from", "från"),
                t.from,
                meetings(t.meetings, lang)
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn law(b: Basis, lang: Lang) -> &'static str {
    match b {
        Basis::Sol => lang.pick(
            "the Social Services Act (socialtjänstlagen, SoL)",
            "socialtjänstlagen (SoL)",
        ),
        Basis::Lss => lang.pick(
            "the Act concerning Support and Service for Persons with Certain Functional Impairments (LSS), section 9.4",
            "lagen om stöd och service till vissa funktionshindrade (LSS), 9 § 4",
        ),
    }
}

fn blocks(d: &AgreementDoc, lang: Lang) -> Vec<Block> {
    use Block::*;
    let sv = lang == Lang::Sv;
    let blank = "______________________________";
    let official = d.official.clone().unwrap_or_else(|| blank.to_string());
    let period = match (d.end, sv) {
        (Some(e), true) => format!("från och med {} till och med {e}", d.start),
        (Some(e), false) => format!("from {} to {e} inclusive", d.start),
        (None, true) => format!(
            "från och med {}, tills vidare så länge beslutet om insatsen gäller",
            d.start
        ),
        (None, false) => format!(
            "from {}, until further notice, as long as the decision on the service is in force",
            d.start
        ),
    };
    let mut terms_rows = Vec::new();
    for x in &d.terms {
        terms_rows.push(terms_row(x, lang));
    }
    if sv {
        return blocks_sv(d, &official, &period, terms_rows);
    }
    let mut out = vec![
        Para(format!("{} · assignment {}", d.municipality, d.assignment)),
        Heading("Parties".into()),
        Items(vec![
            format!(
                "Principal: {}, the social welfare committee, through the responsible officer {official}",
                d.municipality
            ),
            format!(
                "{}: {}, {}",
                if stays(d) {
                    "Contact family (kontaktfamilj)"
                } else {
                    "Contact person (kontaktperson)"
                },
                d.volunteer,
                d.volunteer_pnr
            ),
            format!(
                "The individual: {} (service granted under {})",
                d.client_initials,
                law(d.basis, lang)
            ),
        ]
        .into_iter()
        .chain(d.guardians.as_ref().map(|g| {
            format!(
                "Guardians (vårdnadshavare): {}",
                if g.is_empty() { "______________________________".to_string() } else { g.join(", ") }
            )
        }))
        .collect()),
        Heading("The assignment".into()),
        Para(if stays(d) {
            "The contact family takes the individual into its home for stays, as the decision \
             sets out: a support and a respite, and a place to grow. The assignment is a \
             position of trust, not employment. The family gets support and guidance from the \
             responsible officer."
                .into()
        } else {
            "The contact person is a personal support and a fellow human being for the individual: \
             to break isolation, give advice in everyday life and join leisure activities as the \
             individual wishes and as the decision sets out. The assignment is a position of \
             trust, not employment. The contact person gets support and guidance from the \
             responsible officer."
                .into()
        }),
        Items(vec![
            format!("The assignment runs {period}."),
            format!("Meetings: {}.", meetings_over_time(&d.terms, lang)),
            if stays(d) {
                "The family hands in an attendance report for every month, with each stay from \
                 the day of arrival to the day of leaving; pay follows when the report is approved."
                    .into()
            } else {
                "The contact person hands in an attendance report for every month, with the days \
                 they met; pay follows when the report is approved."
                    .into()
            },
        ]),
        Heading(format!("Compensation {}", d.year)),
        Para(if !monthly(d) {
            "Compensation is paid as the terms below and the text after them say, for what each \
             month's approved report shows. The fee (arvode) is taxable income paid through the \
             municipality's payroll; the expense allowance (omkostnadsersättning) covers the \
             costs of the assignment."
                .into()
        } else if all_skr(d) {
            format!(
                "Compensation is paid monthly as SKR recommends, as a share of the price base amount \
                 (prisbasbelopp) for {}. The fee (arvode) is taxable income paid through the \
                 municipality's payroll. The expense allowance (omkostnadsersättning) covers the \
                 costs of meeting, such as coffee, tickets and travel. An assignment that starts or \
                 ends during a month is paid for the days it runs. The amounts are recalculated when \
                 the price base amount changes at the turn of the year.",
                d.year
            )
        } else {
            "Compensation is paid monthly with the amounts below. Where a fixed amount is agreed \
             it is not set by SKR's recommendation and does not follow the price base amount; \
             the reason is given beside it. The fee (arvode) is taxable income paid through the \
             municipality's payroll. The expense allowance (omkostnadsersättning) covers the \
             costs of meeting. An assignment that starts or ends during a month is paid for the \
             days it runs."
                .into()
        }),
        Table(
            vec!["From", "Meetings", "Fee per month", "Expense allowance per month"],
            terms_rows,
        ),
    ];
    let delivered = delivery_items(d, Lang::En);
    if !delivered.is_empty() {
        out.push(Items(delivered));
    }
    if let Some(cc) = &d.cost_center {
        out.push(Para(format!("Cost centre: {cc}.")));
    }
    out.extend([
        Heading("Insurance".into()),
        Para(
            "The contact person is covered by the municipality's accident and liability \
             insurance during the assignment."
                .into(),
        ),
        Heading("Confidentiality".into()),
        Para(
            "The contact person is bound by confidentiality under the Public Access to \
             Information and Secrecy Act about everything concerning the individual's personal \
             circumstances, also after the assignment has ended. The contact person signs a \
             separate confidentiality undertaking (sekretessförbindelse) together with this \
             agreement."
                .into(),
        ),
        Heading("Notice".into()),
        Para(
            "Either party may end the agreement with one month's notice. The assignment ends \
             without notice when the decision on the service ends."
                .into(),
        ),
        Heading("Signatures".into()),
        Para("This agreement is drawn up in two copies, one for each party.".into()),
        Signatures(vec![
            ("Place and date".into(), "Place and date".into()),
            (
                format!("Contact person: {}", d.volunteer),
                format!("Responsible officer: {official}"),
            ),
        ]),
    ]);
    if d.guardians.is_some() {
        out.push(Signatures(vec![("Guardian".into(), "Guardian".into())]));
    }
    out
}

/// The Swedish document, as staff file it.
fn blocks_sv(
    d: &AgreementDoc,
    official: &str,
    period: &str,
    terms_rows: Vec<Vec<String>>,
) -> Vec<Block> {
    use Block::*;
    let lang = Lang::Sv;
    let mut out = vec![
        Para(format!("{} · uppdrag {}", d.municipality, d.assignment)),
        Heading("Parter".into()),
        Items(
            vec![
                format!(
                    "Uppdragsgivare: {}, socialnämnden, genom ansvarig handläggare {official}",
                    d.municipality
                ),
                format!(
                    "{} (uppdragstagare): {}, {}",
                    if stays(d) {
                        "Kontaktfamilj"
                    } else {
                        "Kontaktperson"
                    },
                    d.volunteer,
                    d.volunteer_pnr
                ),
                format!(
                    "Den enskilde: {} (insats beviljad enligt {})",
                    d.client_initials,
                    law(d.basis, lang)
                ),
            ]
            .into_iter()
            .chain(d.guardians.as_ref().map(|g| {
                format!(
                    "Vårdnadshavare: {}",
                    if g.is_empty() {
                        "______________________________".to_string()
                    } else {
                        g.join(", ")
                    }
                )
            }))
            .collect(),
        ),
        Heading("Uppdraget".into()),
        Para(if stays(d) {
            "Kontaktfamiljen tar emot den enskilde i sitt hem för vistelser, som beslutet anger: \
             ett stöd och en avlastning, och en miljö att växa i. Uppdraget är ett \
             förtroendeuppdrag, inte en anställning. Familjen får stöd och handledning av \
             ansvarig handläggare."
                .into()
        } else {
            "Kontaktpersonen är ett personligt stöd och en medmänniska för den enskilde: att bryta \
             isolering, ge råd i vardagen och vara med på fritidsaktiviteter efter den enskildes \
             önskemål och de mål som står i beslutet. Uppdraget är ett förtroendeuppdrag, inte en \
             anställning. Kontaktpersonen får stöd och handledning av ansvarig handläggare."
                .into()
        }),
        Items(vec![
            format!("Uppdraget gäller {period}."),
            format!("Träffar: {}.", meetings_over_time(&d.terms, lang)),
            if stays(d) {
                "Familjen lämnar en närvarorapport för varje månad, med varje vistelse från \
                 ankomstdag till avresedag; ersättning betalas när rapporten är attesterad."
                    .into()
            } else {
                "Kontaktpersonen lämnar en närvarorapport för varje månad, med de dagar de träffats; \
                 ersättning betalas när rapporten är attesterad."
                    .into()
            },
        ]),
        Heading(format!("Ersättning {}", d.year)),
        Para(if !monthly(d) {
            "Ersättningen betalas som villkoren nedan och texten efter dem anger, för det som \
             varje månads attesterade närvarorapport visar. Arvodet är skattepliktig inkomst och \
             betalas via kommunens lönesystem; omkostnadsersättningen täcker kostnader i uppdraget."
                .into()
        } else if all_skr(d) {
            format!(
                "Ersättningen betalas per månad enligt SKR:s rekommendation, som del av \
                 prisbasbeloppet för {}. Arvodet är skattepliktig inkomst och betalas via kommunens lönesystem. \
                 Omkostnadsersättningen täcker kostnader för träffarna, som fika, biljetter och resor. \
                 Påbörjas eller slutar uppdraget under en månad betalas de dagar uppdraget gäller. \
                 Beloppen räknas om när prisbasbeloppet ändras vid årsskiftet.",
                d.year
            )
        } else {
            "Ersättningen betalas per månad med beloppen nedan. Där ett fast belopp avtalats \
             följer det inte SKR:s rekommendation och inte prisbasbeloppet; skälet står intill. \
             Arvodet är skattepliktig inkomst och betalas via kommunens lönesystem. \
             Omkostnadsersättningen täcker kostnader för träffarna. Påbörjas eller slutar \
             uppdraget under en månad betalas de dagar uppdraget gäller."
                .into()
        }),
        Table(
            vec![
                "Från",
                "Träffar",
                "Arvode per månad",
                "Omkostnadsersättning per månad",
            ],
            terms_rows,
        ),
    ];
    let delivered = delivery_items(d, Lang::Sv);
    if !delivered.is_empty() {
        out.push(Items(delivered));
    }
    if let Some(cc) = &d.cost_center {
        out.push(Para(format!("Kostnadsställe: {cc}.")));
    }
    out.extend([
        Heading("Försäkring".into()),
        Para(
            "Kontaktpersonen omfattas av kommunens olycksfalls- och ansvarsförsäkring under \
             uppdraget."
                .into(),
        ),
        Heading("Tystnadsplikt".into()),
        Para(
            "Kontaktpersonen har tystnadsplikt enligt offentlighets- och sekretesslagen om allt \
             som rör den enskildes personliga förhållanden. Tystnadsplikten gäller även sedan \
             uppdraget upphört. Kontaktpersonen skriver under en särskild sekretessförbindelse \
             samtidigt med detta avtal."
                .into(),
        ),
        Heading("Uppsägning".into()),
        Para(
            "Avtalet kan sägas upp av båda parter med en månads uppsägningstid. Uppdraget upphör \
             utan uppsägning när beslutet om insatsen upphör."
                .into(),
        ),
        Heading("Underskrifter".into()),
        Para("Detta avtal är upprättat i två exemplar, ett till vardera parten.".into()),
        Signatures(vec![
            ("Ort och datum".into(), "Ort och datum".into()),
            (
                format!("Kontaktperson: {}", d.volunteer),
                format!("Ansvarig handläggare: {official}"),
            ),
        ]),
    ]);
    if d.guardians.is_some() {
        out.push(Signatures(vec![(
            "Vårdnadshavare".into(),
            "Vårdnadshavare".into(),
        )]));
    }
    out
}

/// One row of the terms table: from, meetings, and each amount with how it is set.
fn terms_row(t: &TermsLine, lang: Lang) -> Vec<String> {
    let below = || lang.pick("see below", "se nedan").to_string();
    match &t.way {
        Way::Month => {}
        Way::Hour { .. } if t.expense_rule != Rule::None => {
            return vec![
                t.from.to_string(),
                meetings(t.meetings, lang),
                below(),
                format!(
                    "{} ({})",
                    t.expense.localized(lang),
                    t.expense_rule.describe(t.reason.as_deref(), false, lang)
                ),
            ];
        }
        _ => {
            return vec![
                t.from.to_string(),
                meetings(t.meetings, lang),
                below(),
                below(),
            ];
        }
    }
    vec![
        t.from.to_string(),
        meetings(t.meetings, lang),
        format!(
            "{} ({})",
            t.fee.localized(lang),
            t.fee_rule.describe(t.reason.as_deref(), true, lang)
        ),
        format!(
            "{} ({})",
            t.expense.localized(lang),
            t.expense_rule.describe(t.reason.as_deref(), false, lang)
        ),
    ]
}

/// Does every amount follow SKR's model (so the document may say so)?
fn all_skr(d: &AgreementDoc) -> bool {
    d.terms.iter().all(|t| {
        matches!(t.fee_rule, Rule::Skr { .. } | Rule::None)
            && matches!(t.expense_rule, Rule::Skr { .. } | Rule::None)
    })
}

/// The latest change of terms as an amendment (ändring av uppdragsavtal): from when, what the
/// terms were and are, and why; signed like the agreement.
pub fn render_amendment(d: &AgreementDoc, format: Format, lang: Lang) -> Option<String> {
    use Block::*;
    let [.., before, after] = d.terms.as_slice() else {
        return None;
    };
    let sv = lang == Lang::Sv;
    let official = d
        .official
        .clone()
        .unwrap_or_else(|| "______________________________".into());
    let mut blocks = vec![
        Para(format!(
            "{} · {} {}",
            d.municipality,
            lang.pick("assignment", "uppdrag"),
            d.assignment
        )),
        Para(if sv {
            format!(
                "Uppdragsavtalet mellan {} och kontaktpersonen {} ({}) ändras från och med {}. Övriga villkor i avtalet gäller som tidigare.",
                d.municipality, d.volunteer, d.volunteer_pnr, after.from
            )
        } else {
            format!(
                "The assignment agreement between {} and the contact person {} ({}) changes from {}. Its other terms stay as they were.",
                d.municipality, d.volunteer, d.volunteer_pnr, after.from
            )
        }),
        Table(
            if sv {
                vec![
                    "Från",
                    "Träffar",
                    "Arvode per månad",
                    "Omkostnadsersättning per månad",
                ]
            } else {
                vec![
                    "From",
                    "Meetings",
                    "Fee per month",
                    "Expense allowance per month",
                ]
            },
            vec![terms_row(before, lang), terms_row(after, lang)],
        ),
        // What "see below" in the table points to: how terms paid by delivery pay.
        Items(delivery_items_of([before, after].into_iter(), lang)),
        Para(match (&after.reason, sv) {
            (Some(r), true) => format!("Skäl till ändringen: {r}"),
            (Some(r), false) => format!("Reason for the change: {r}"),
            (None, _) => String::new(),
        }),
        Signatures(vec![
            (
                lang.pick("Place and date", "Ort och datum").into(),
                lang.pick("Place and date", "Ort och datum").into(),
            ),
            (
                format!(
                    "{}: {}",
                    lang.pick("Contact person", "Kontaktperson"),
                    d.volunteer
                ),
                format!(
                    "{}: {official}",
                    lang.pick("Responsible officer", "Ansvarig handläggare")
                ),
            ),
        ]),
    ];
    // Terms paid by the month have nothing to say below the table.
    blocks.retain(|b| !matches!(b, Items(v) if v.is_empty()));
    let title = lang.pick(
        "Amendment to the assignment agreement",
        "Ändring av uppdragsavtal",
    );
    Some(match format {
        Format::Markdown => markdown(title, &blocks),
        Format::Html => html(title, &blocks, lang),
    })
}

/// The document as Markdown or as one self-contained HTML page with A4 print CSS.
pub fn render(d: &AgreementDoc, format: Format, lang: Lang) -> String {
    let title = if stays(d) {
        lang.pick(
            "Assignment agreement for a contact family",
            "Uppdragsavtal för kontaktfamilj",
        )
    } else {
        lang.pick(
            "Assignment agreement for a contact person",
            "Uppdragsavtal för kontaktperson",
        )
    };
    match format {
        Format::Markdown => markdown(title, &blocks(d, lang)),
        Format::Html => html(title, &blocks(d, lang), lang),
    }
}
