//! `kontakt stats`: figures worked out by hand for a small service, in both languages.

mod common;

use common::Kit;
use serde_json::Value;

fn month<'a>(st: &'a Value, m: &str) -> &'a Value {
    st["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["month"] == m)
        .unwrap_or_else(|| panic!("no {m} in {st}"))
}

/// Three granted clients: one agreed from 1 March (paid for March), one waiting with no
/// proposal, one whose proposal was declined.
fn service() -> (Kit, String) {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c0, v0) = kit.ready_pair(0);
    let a = kit.run(&["match", "propose", &c0, &v0]).id();
    kit.agree(&a, "2026-03-01", true).ok();
    kit.ready_pair(1);
    let (c2, v2) = kit.ready_pair(2);
    let declined = kit.run(&["match", "propose", &c2, &v2]).id();
    kit.cmd(&format!(
        "match decline {declined} --by client --reason tider"
    ))
    .ok();
    kit.today = "2026-04-08".into();
    kit.cmd(&format!(
        "report {a} 2026-03 --meeting 2026-03-05 --meeting 2026-03-12 --meeting 2026-03-19 --meeting 2026-03-26"
    ))
    .ok();
    kit.run(&["report", "approve", &a, "2026-03"]).ok();
    kit.run(&["pay", "2026-03"]).ok();
    kit.today = "2026-04-20".into();
    (kit, a)
}

#[test]
fn the_figures_are_those_worked_out_by_hand() {
    let (kit, _) = service();
    let st = kit.json(&["stats", "--from", "2026-01", "--to", "2026-06"]);
    assert_eq!(st["waiting_now"], 2, "{st:#}");
    // Applied 2026-01-10, agreement from 2026-03-01: 50 days.
    assert_eq!(st["waiting_time"]["count"], 1);
    assert_eq!(st["waiting_time"]["median_days"], 50);
    assert_eq!(st["waiting_time"]["p90_days"], 50);
    assert_eq!(st["matches"]["proposed"], 2);
    assert_eq!(st["matches"]["declined"], 1);
    assert_eq!(st["matches"]["agreed"], 1);
    assert_eq!(st["volunteers_in_assignments"], 1);
    // The grants were decided on 1 March: nobody waited in January or February.
    assert_eq!(month(&st, "2026-02")["waiting"], 0);
    assert_eq!(month(&st, "2026-03")["waiting"], 2);
    assert_eq!(month(&st, "2026-05")["waiting"], Value::Null, "not yet");

    let march = month(&st, "2026-03");
    assert_eq!(march["active"], 1);
    assert_eq!(march["meetings_reported"], 4);
    // 1/week over 31 days: 4.43 meetings, 44 tenths; 4 of 4.4 is 90.9 %.
    assert_eq!(march["meetings_agreed_tenths"], 44);
    assert_eq!(march["fulfilment_permille"], 909);
    assert_eq!(march["fee_ore"], 98_700);
    assert_eq!(march["expense_ore"], 49_300);
    // 31.42 % of 987 kr: the volunteer's year passes the 1 000 kr threshold.
    assert_eq!(march["contributions_ore"], 31_012);
    assert_eq!(march["forecast"], false);
    // After the last month paid: the agreement in force, a forecast.
    let april = month(&st, "2026-04");
    assert_eq!(april["forecast"], true);
    assert_eq!(april["fee_ore"], 98_700);
    assert_eq!(
        april["fulfilment_permille"],
        Value::Null,
        "the month is not over"
    );
    // The year: March paid, April to December (the grant runs to January) forecast.
    assert_eq!(st["year"]["paid_ore"], 98_700 + 49_300 + 31_012);
    assert_eq!(st["year"]["forecast_ore"], 9 * (98_700 + 49_300 + 31_012));
    let centres = st["cost_centres"].as_array().unwrap();
    let total: i64 = centres
        .iter()
        .map(|c| c["total_ore"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 4 * (98_700 + 49_300 + 31_012), "March to June");
}

#[test]
fn tables_and_the_page_come_in_swedish_or_english() {
    let (kit, _) = service();
    let en = kit
        .cmd("--lang en stats --from 2026-01 --to 2026-06")
        .ok()
        .stdout;
    assert!(
        en.contains("waiting now") && en.contains("987.00 kr"),
        "{en}"
    );
    assert!(en.contains("employer's contributions") && en.contains("310.12 kr"));
    let sv = kit
        .cmd("--lang sv stats --from 2026-01 --to 2026-06")
        .ok()
        .stdout;
    assert!(sv.contains("väntar nu") && sv.contains("987,00 kr"), "{sv}");
    assert!(sv.contains("arbetsgivaravgifter") && sv.contains("310,12 kr"));
    // The locale chooses when --lang does not.
    let by_locale = {
        let out = assert_cmd::Command::cargo_bin("kontakt")
            .unwrap()
            .env("LANG", "sv_SE.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args([
                "--records",
                kit.dir.to_str().unwrap(),
                "--today",
                &kit.today,
            ])
            .args(["stats", "--from", "2026-01", "--to", "2026-06"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(by_locale, sv);

    let page = kit.dir.join("../stats.html");
    let r = kit
        .cmd(&format!("--lang sv stats --html {}", page.display()))
        .ok();
    assert!(r.stderr.contains("stats.html"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<html lang=\"sv\">") && html.contains("Väntelistan"));
    assert_eq!(html.matches("<svg class=\"chart\"").count(), 4);
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "nothing from the network"
    );
    assert!(!html.contains("<script"), "no script");

    kit.cmd("stats --from 2026-06 --to 2026-01")
        .refused(2, "is before --from");
}

#[test]
fn a_broken_record_is_left_out_of_stats_naming_its_file_and_line() {
    let (kit, a) = service();
    let report = kit.dir.join(format!("reports/2026-03/{a}.toml"));
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replacen("meetings = [", "meetings = [\"x\", ", 1),
    )
    .unwrap();
    // The figures count the rest, and say which file they could not.
    let r = kit.cmd("stats");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(!r.stdout.is_empty(), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("reports/2026-03/{a}.toml:")) && r.stderr.contains("meetings"),
        "{}",
        r.stderr
    );
    std::fs::write(&report, text).unwrap();
    kit.cmd("stats").ok();
}
