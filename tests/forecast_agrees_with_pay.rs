//! The `stats` forecast of a month is what `pay` pays for it when it goes as agreed: the same
//! proration and rounding (issue 15: the forecast once gave 763.87 kr where pay paid 764.00 kr).

mod common;

use common::Kit;

fn forecast_and_pay(start: &str, month: &str, meeting: &str, pay_day: &str) -> (i64, i64) {
    let mut kit = Kit::new();
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(0);
    let a = kit.run(&["match", "propose", &c, &v]).id();
    kit.agree(&a, start, true).ok();
    let st = kit.json(&["stats", "--from", month, "--to", month]);
    let m = &st["months"][0];
    assert_eq!(m["forecast"], true, "{st:#}");
    let forecast = m["fee_ore"].as_i64().unwrap() + m["expense_ore"].as_i64().unwrap();
    kit.today = pay_day.into();
    kit.run(&["report", &a, month, "--meeting", meeting]).ok();
    kit.run(&["report", "approve", &a, month]).ok();
    let plan = kit.json(&["pay", month, "--dry-run"]);
    let paid: i64 = plan["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["amount_ore"].as_i64().unwrap())
        .sum();
    (forecast, paid)
}

#[test]
fn a_partial_month_is_forecast_as_it_is_paid() {
    // 16 of March's 31 days, and 15 of April's 30 (whole months are exact either way).
    for (start, month, meeting, pay_day) in [
        ("2026-03-16", "2026-03", "2026-03-20", "2026-04-08"),
        ("2026-04-16", "2026-04", "2026-04-20", "2026-05-08"),
        ("2026-03-01", "2026-03", "2026-03-20", "2026-04-08"),
    ] {
        let (forecast, paid) = forecast_and_pay(start, month, meeting, pay_day);
        assert!(paid > 0);
        assert_eq!(
            forecast, paid,
            "from {start}: forecast {forecast} öre, paid {paid} öre"
        );
    }
}
