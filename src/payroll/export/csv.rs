//! CSV for payroll import. Payroll systems differ, so columns, header names, delimiter, decimal
//! separator and BOM all come from `[payroll.csv]` in kontakt.toml.

use super::{Row, decimal};
use crate::error::IoOp;
use crate::error::{Error, Result};
use crate::model::layout::{Column, CsvLayout};

/// The header a column gets: the configured name, else its default.
fn header(layout: &CsvLayout, c: Column) -> String {
    let key = crate::model::common::word(&c);
    layout
        .headers
        .get(&key)
        .cloned()
        .unwrap_or_else(|| c.default_header().to_string())
}

/// The CSV bytes for `rows`, one line per row.
pub fn write(rows: &[Row], layout: &CsvLayout) -> Result<Vec<u8>> {
    let problems = crate::rules::configuration::csv_layout(layout);
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
            IoOp::WriteCsv,
            std::io::Error::other(e.to_string()),
        )
    };
    if layout.header_row {
        w.write_record(layout.columns.iter().map(|c| header(layout, *c)))
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
            IoOp::WriteCsv,
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
