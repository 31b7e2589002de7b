//! One payroll transaction: a volunteer, an assignment, a period, a wage type, an amount. A
//! record (pay runs store their lines), so it lives in the model; `payroll` computes and writes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Id, Money, Month};

/// What a line pays for. Corrections pay the difference when a paid report was corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// Arvode: the fee, taxable income from employment.
    Fee,
    /// Omkostnadsersättning: the expense allowance.
    Expense,
    Correction,
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
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl PayLine {
    /// The text on the payslip (benämning), in Swedish as payroll staff read it.
    pub fn description(&self) -> String {
        let what = match (self.kind, self.corrects) {
            (LineKind::Fee, _) => "Arvode kontaktperson",
            (LineKind::Expense, _) => "Omkostnadsersättning kontaktperson",
            (LineKind::Correction, Some(LineKind::Fee)) => "Rättelse arvode kontaktperson",
            (LineKind::Correction, Some(LineKind::Expense)) => {
                "Rättelse omkostnadsersättning kontaktperson"
            }
            (LineKind::Correction, _) => "Rättelse kontaktperson",
        };
        let days = self.period.days();
        if self.days == days {
            format!("{what} {}", self.period)
        } else {
            format!("{what} {} ({}/{days} dagar)", self.period, self.days)
        }
    }
}
