//! Each kind's listing is one column definition (`cli/listing.rs`): the JSON objects have a key
//! for every CSV column, the table shows a subset of them, in the same order as CSV.

mod common;

use common::Kit;

#[test]
fn json_csv_and_the_table_come_from_the_same_columns() {
    let kit = Kit::demo();
    for what in ["clients", "volunteers", "assignments", "reports", "payruns"] {
        let json = kit.json(&["list", what]);
        let first = json[0]
            .as_object()
            .unwrap_or_else(|| panic!("{what}: {json}"));
        let csv = kit.cmd(&format!("list {what} --format csv")).ok().stdout;
        let mut rdr = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(first.len(), header.len(), "{what}: {first:?} / {header:?}");
        let rows = rdr.records().count();
        assert_eq!(rows, json.as_array().unwrap().len(), "{what}");
        // The table's headers are CSV's, in CSV's order (a table leaves some out).
        let table = kit.cmd(&format!("list {what}")).ok().stdout;
        let head = table.lines().nth(1).unwrap();
        let shown: Vec<&str> = head
            .split(['│', '┆'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let mut at = header.iter();
        for h in &shown {
            assert!(
                at.any(|c| c == h),
                "{what}: table header {h} not in CSV order {header:?}"
            );
        }
    }
}
