//! One payroll transaction: a volunteer, an assignment, a period, a wage type, an amount. A
//! record (pay runs store their lines), so it lives in the model; `payroll` computes and writes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Id, Money, Month};

/// What a line pays for. Corrections pay the difference when a paid report was corrected.
/// Each kind has its own löneart (`[payroll]` in kontakt.toml), since payroll taxes them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Arvode: the fee, taxable income from employment (and what is taxed as it: an expense
    /// allowance above SKR's highest level without an individual basis).
    Fee,
    /// Omkostnadsersättning: the expense allowance.
    Expense,
    Correction,
    /// Milersättning: mileage for trips in one's own car, up to Skatteverket's tax-free rate.
    Mileage,
    /// Mileage paid above the tax-free rate: taxable pay.
    MileageTaxable,
    /// Reseersättning: a flat monthly travel allowance (taxable: it is not tied to trips).
    Travel,
    /// Utlägg: outlays the volunteer paid and shows receipts for, paid back as they are.
    Receipt,
}

impl LineKind {
    /// The kinds a period can earn, in the order a run writes them.
    pub const EARNED: [LineKind; 6] = [
        LineKind::Fee,
        LineKind::Expense,
        LineKind::Mileage,
        LineKind::MileageTaxable,
        LineKind::Travel,
        LineKind::Receipt,
    ];

    /// Is this kind of pay taxable income (withheld tax, employer's contributions)? The fee, the
    /// mileage above the tax-free rate and a flat travel allowance are; the expense allowance
    /// within SKR's levels, tax-free mileage and outlays paid back are not.
    pub fn taxable(self) -> bool {
        matches!(
            self,
            LineKind::Fee | LineKind::MileageTaxable | LineKind::Travel
        )
    }

    /// Travel and outlays, shown apart from the fee and the allowance in a run's totals.
    pub fn is_travel(self) -> bool {
        matches!(
            self,
            LineKind::Mileage | LineKind::MileageTaxable | LineKind::Travel | LineKind::Receipt
        )
    }

    /// The payslip's word for it (benämning), in Swedish as payroll staff read it.
    fn benamning(self) -> &'static str {
        match self {
            LineKind::Fee => "arvode",
            LineKind::Expense => "omkostnadsersättning",
            LineKind::Correction => "",
            LineKind::Mileage => "milersättning skattefri",
            LineKind::MileageTaxable => "milersättning skattepliktig",
            LineKind::Travel => "reseersättning",
            LineKind::Receipt => "utlägg",
        }
    }
}

/// What a line counts, when it is not the days of a month: dygn of stay, meetings (and the
/// level they chose), hours, kilometres, receipts. The payslip's text and the pay table show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Quantity {
    /// Dygn (a day and night of stay, in halves: `5` is 2½ dygn).
    Dygn { halves: u32 },
    /// Meetings held, and the tariff's level (1-based) they chose.
    Meetings { count: u32, level: u8 },
    /// Hours, in tenths.
    Hours { tenths: u32 },
    /// Kilometres driven.
    Km { km: u32 },
    /// Receipts paid back.
    Receipts { count: u32 },
}

impl Quantity {
    /// `2,5 dygn`, `3 träffar, nivå 1`, `4,5 tim`, `86 km`, `2 kvitton`: Swedish, for the payslip.
    pub fn swedish(self) -> String {
        let tenths = |t: u32| match t % 10 {
            0 => (t / 10).to_string(),
            f => format!("{},{f}", t / 10),
        };
        match self {
            Quantity::Dygn { halves } => format!("{} dygn", tenths(halves * 5)),
            Quantity::Meetings { count, level } => format!(
                "{count} {}, nivå {level}",
                if count == 1 { "träff" } else { "träffar" }
            ),
            Quantity::Hours { tenths: t } => format!("{} tim", tenths(t)),
            Quantity::Km { km } => format!("{km} km"),
            Quantity::Receipts { count } => {
                format!("{count} {}", if count == 1 { "kvitto" } else { "kvitton" })
            }
        }
    }
}

/// A line of a pay run. Amounts are rounded per line, by the configured rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayLine {
    pub assignment: Id,
    pub volunteer: Id,
    /// The month the attendance report covers (earlier months are paid retroactively).
    pub period: Month,
    /// The first and last day paid within the period.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Days paid of the period's days.
    pub days: u32,
    pub kind: LineKind,
    /// For a correction: what it corrects (the fee or the expense allowance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<LineKind>,
    /// Löneart: the payroll system's wage type code for this kind of pay.
    pub wage_type: String,
    #[serde(rename = "amount_ore")]
    pub amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_center: Option<String>,
    /// The report's revision (its number of corrections) when this line was computed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// What the amount counts, when not days of the month (dygn, meetings, hours, km).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl PayLine {
    /// The text on the payslip (benämning), in Swedish as payroll staff read it.
    pub fn description(&self) -> String {
        // A stay is paid to a kontaktfamilj; everything else to a kontaktperson.
        let who = match self.quantity {
            Some(Quantity::Dygn { .. }) => "kontaktfamilj",
            _ => "kontaktperson",
        };
        let what = match (self.kind, self.corrects) {
            (LineKind::Correction, Some(k)) => format!("Rättelse {} {who}", k.benamning()),
            (LineKind::Correction, None) => format!("Rättelse {who}"),
            (k, _) => {
                let mut w = k.benamning().to_string();
                if let Some(first) = w.get(..1) {
                    w.replace_range(..1, &first.to_uppercase());
                }
                format!("{w} {who}")
            }
        };
        if let Some(q) = self.quantity {
            return format!("{what} {} ({})", self.period, q.swedish());
        }
        let days = self.period.days();
        // A flat travel allowance is the month's whole, whatever days the agreement ran.
        if self.days == days || self.kind == LineKind::Travel {
            format!("{what} {}", self.period)
        } else {
            format!("{what} {} ({}/{days} dagar)", self.period, self.days)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(kind: LineKind, days: u32) -> PayLine {
        PayLine {
            assignment: Id::parse("A-7Q2K9M").unwrap(),
            volunteer: Id::parse("V-7Q2K9M").unwrap(),
            period: "2026-02".parse().unwrap(),
            from: NaiveDate::from_ymd_opt(2026, 2, 9).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(),
            days,
            kind,
            corrects: None,
            wage_type: "7332".into(),
            amount: Money(15_000),
            cost_center: None,
            revision: 0,
            quantity: None,
        }
    }

    /// The payslip's text says the days paid where the amount is for them: a fee of part of a
    /// month, not a flat travel allowance paid whole.
    #[test]
    fn the_payslip_text_counts_days_only_where_they_were_paid() {
        assert_eq!(
            line(LineKind::Fee, 20).description(),
            "Arvode kontaktperson 2026-02 (20/28 dagar)"
        );
        assert_eq!(
            line(LineKind::Travel, 20).description(),
            "Reseersättning kontaktperson 2026-02"
        );
    }
}
