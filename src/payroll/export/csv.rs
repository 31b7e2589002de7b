//! CSV for payroll import. Payroll systems differ, so columns, header names, delimiter, decimal
//! separator and BOM all come from `[payroll.csv]` in kontakt.toml.

use serde::{Deserialize, Serialize};

use super::{Row, decimal};
use crate::error::{Error, Result};

/// A column the CSV can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    PeriodFrom,
    PeriodTo,
    EmployeeNumber,
    Pnr,
    Name,
    WageType,
    Description,
    Quantity,
    UnitPrice,
    Amount,
    CostCenter,
    Assignment,
    Volunteer,
    Period,
    Kind,
}

impl Column {
    /// The header written when the configuration names none: Swedish, as payroll staff read it.
    pub fn default_header(self) -> &'static str {
        match self {
            Column::PeriodFrom => "Från och med",
            Column::PeriodTo => "Till och med",
            Column::EmployeeNumber => "Anställningsnummer",
            Column::Pnr => "Personnummer",
            Column::Name => "Namn",
            Column::WageType => "Löneart",
            Column::Description => "Benämning",
            Column::Quantity => "Antal",
            Column::UnitPrice => "À-pris",
            Column::Amount => "Belopp",
            Column::CostCenter => "Kostnadsställe",
            Column::Assignment => "Uppdrag",
            Column::Volunteer => "Uppdragstagare",
            Column::Period => "Period",
            Column::Kind => "Typ",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CsvLayout {
    pub columns: Vec<Column>,
    /// Header names by column, where they differ from the default.
    pub headers: std::collections::BTreeMap<String, String>,
    pub delimiter: String,
    pub decimal_separator: String,
    /// Start the file with a UTF-8 byte order mark, so that Excel reads å, ä, ö right.
    pub bom: bool,
    pub header_row: bool,
}

impl Default for CsvLayout {
    fn default() -> Self {
        use Column::*;
        CsvLayout {
            columns: vec![
                PeriodFrom,
                PeriodTo,
                EmployeeNumber,
                Pnr,
                Name,
                WageType,
                Description,
                Quantity,
                UnitPrice,
                Amount,
                CostCenter,
                Assignment,
            ],
            headers: Default::default(),
            delimiter: ";".into(),
            decimal_separator: ",".into(),
            bom: false,
            header_row: true,
        }
    }
}

impl CsvLayout {
    /// Problems with the layout, for `check` and before any file is written.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.delimiter.chars().count() != 1 || !self.delimiter.is_ascii() {
            p.push("payroll.csv.delimiter: expected one ASCII character, like \";\"".into());
        }
        if !matches!(self.decimal_separator.as_str(), "," | ".") {
            p.push("payroll.csv.decimal_separator: expected \",\" or \".\"".into());
        }
        if self.delimiter == self.decimal_separator {
            p.push("payroll.csv: the delimiter and the decimal separator must differ".into());
        }
        if self.columns.is_empty() {
            p.push("payroll.csv.columns: expected at least one column".into());
        }
        for k in self.headers.keys() {
            if crate::model::common::parse_word::<Column>(k).is_err() {
                p.push(format!("payroll.csv.headers: `{k}` is not a column"));
            }
        }
        p
    }

    fn header(&self, c: Column) -> String {
        let key = crate::model::common::word(&c);
        self.headers
            .get(&key)
            .cloned()
            .unwrap_or_else(|| c.default_header().to_string())
    }
}

/// The CSV bytes for `rows`, one line per row.
pub fn write(rows: &[Row], layout: &CsvLayout) -> Result<Vec<u8>> {
    let problems = layout.problems();
    if !problems.is_empty() {
        return Err(Error::arg(
            "kontakt.toml [payroll.csv]",
            problems.join("; "),
        ));
    }
    let sep = layout.decimal_separator.chars().next().unwrap_or(',');
    let mut out = Vec::new();
    if layout.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(layout.delimiter.as_bytes()[0])
        .from_writer(out);
    let io = |e: ::csv::Error| {
        Error::io(
            "payroll file",
            "cannot write CSV",
            std::io::Error::other(e.to_string()),
        )
    };
    if layout.header_row {
        w.write_record(layout.columns.iter().map(|c| layout.header(*c)))
            .map_err(io)?;
    }
    for (line, payee) in rows {
        let fields = layout.columns.iter().map(|c| {
            let cell = cell(*c, line, payee, sep);
            // Every cell: names, employee numbers and cost centres come from people's files.
            // Amounts pass unchanged, since a plain negative number is not a formula.
            crate::spreadsheet::neutralise(&cell).into_owned()
        });
        w.write_record(fields).map_err(io)?;
    }
    w.into_inner().map_err(|e| {
        Error::io(
            "payroll file",
            "cannot write CSV",
            std::io::Error::other(e.to_string()),
        )
    })
}

/// Column `c`'s text for one line.
fn cell(c: Column, line: &crate::payroll::PayLine, payee: &super::Payee, sep: char) -> String {
    match c {
        Column::PeriodFrom => line.from.to_string(),
        Column::PeriodTo => line.to.to_string(),
        Column::EmployeeNumber => payee.employee_number.clone().unwrap_or_default(),
        Column::Pnr => payee.pnr.canonical().to_string(),
        Column::Name => payee.name.clone(),
        Column::WageType => line.wage_type.clone(),
        Column::Description => line.description(),
        Column::Quantity => "1".to_string(),
        Column::UnitPrice | Column::Amount => decimal(line.amount.ore(), sep),
        Column::CostCenter => line.cost_center.clone().unwrap_or_default(),
        Column::Assignment => line.assignment.to_string(),
        Column::Volunteer => line.volunteer.to_string(),
        Column::Period => line.period.to_string(),
        Column::Kind => crate::model::common::word(&line.kind),
    }
}
