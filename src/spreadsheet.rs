//! CSV cells a spreadsheet would run as formulas, neutralised (OWASP's "CSV injection" rule).
//!
//! Staff open the payroll file and `--format csv` listings in Excel or LibreOffice, which treat a
//! cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula: a volunteer
//! named `=HYPERLINK(…)` or an employee number `-1-1` would run. Such a cell gets a leading `'`,
//! which the spreadsheet shows as text. A plain number (`-263,00`, `-1.5`) is left as it is: a
//! correction's negative amount must stay a number for the payroll import, and a number runs
//! nothing.

use std::borrow::Cow;

/// `cell` as a spreadsheet may open it safely.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `-` or `+` followed by digits with at most one decimal separator (`.` or `,`), nothing else.
fn is_plain_number(cell: &str) -> bool {
    let Some(rest) = cell.strip_prefix(['-', '+']) else {
        return false;
    };
    let mut separators = 0;
    let mut digits = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' | ',' => separators += 1,
            _ => return false,
        }
    }
    digits > 0 && separators <= 1 && !rest.starts_with(['.', ','])
}

#[cfg(test)]
mod tests {
    use super::neutralise;
    use proptest::prelude::*;

    #[test]
    fn formulas_become_text() {
        for (cell, safe) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("-1-1", "'-1-1"),
            ("+46 70 123", "'+46 70 123"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("-,5", "'-,5"),
            ("-1,2,3", "'-1,2,3"),
            ("-2+3", "'-2+3"),
        ] {
            assert_eq!(neutralise(cell), safe, "{cell:?}");
        }
    }

    #[test]
    fn numbers_and_text_stay() {
        for cell in [
            "-263,00",
            "-1.5",
            "+12",
            "1 480,00",
            "Anna Åberg",
            "",
            "4510",
            "A-4K2",
        ] {
            assert_eq!(neutralise(cell), cell);
        }
    }

    proptest! {
        /// Whatever the cell, what comes out never starts a formula unless it is a plain number,
        /// and it is the input with at most one `'` in front.
        #[test]
        fn never_a_formula(cell in "\\PC{0,12}") {
            let out = neutralise(&cell);
            let quoted = format!("'{}", cell);
            prop_assert!(out == cell || out == quoted);
            if let Some(first) = out.chars().next() {
                if matches!(first, '=' | '@' | '\t' | '\r') {
                    prop_assert!(false, "formula left: {out:?}");
                }
                if matches!(first, '+' | '-') {
                    let number: String = out.chars().skip(1).filter(|c| !matches!(c, '.' | ',')).collect();
                    prop_assert!(!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()));
                }
            }
        }
    }
}
