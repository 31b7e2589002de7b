//! How kontakt.toml says the payroll file is laid out and how amounts are rounded: values of the
//! configuration, so they live in the model; `payroll::export` writes by them and
//! `rules::configuration` judges them.

use serde::{Deserialize, Serialize};

/// The payroll file's format: CSV in the configured layout, or PAXml 2.0
/// (`[payroll] format`, or `pay --format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PayrollFormat {
    #[default]
    Csv,
    Paxml,
}

impl PayrollFormat {
    /// The payroll file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            PayrollFormat::Csv => "csv",
            PayrollFormat::Paxml => "xml",
        }
    }
}

/// `csv` or `paxml`, in any case (the command line's `--format`).
impl std::str::FromStr for PayrollFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_lowercase().as_str() {
            "csv" => Ok(PayrollFormat::Csv),
            "paxml" => Ok(PayrollFormat::Paxml),
            _ => Err(format!("expected csv or paxml, found `{s}`")),
        }
    }
}

/// How a line's amount is rounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// To whole kronor, half up (the usual payroll practice).
    #[default]
    KronaHalfUp,
    /// To whole öre, half up.
    OreHalfUp,
}

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PaxmlLayout {
    /// `utf-8`, or `iso-8859-1` for payroll systems that expect the standard's own sample encoding.
    pub encoding: String,
    /// The result-unit dimension (`resenhet dim`) the cost centre is booked on.
    pub cost_center_dim: u8,
    /// Write `persnr` on each transaction (the standard needs `anstid` or `persnr`).
    pub persnr: bool,
}

impl Default for PaxmlLayout {
    fn default() -> Self {
        PaxmlLayout {
            encoding: "utf-8".into(),
            cost_center_dim: 1,
            persnr: true,
        }
    }
}
