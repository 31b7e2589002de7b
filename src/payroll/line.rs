//! Who a payroll line pays, as the payroll system identifies them.

use crate::model::Pnr;

/// Who is paid, as the payroll system identifies them.
#[derive(Debug, Clone)]
pub struct Payee {
    pub name: String,
    pub pnr: Pnr,
    /// Anställningsnummer, where HR has issued one.
    pub employee_number: Option<String>,
}
