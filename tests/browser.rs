//! The pages people open and print, in a real browser: Debian's headless Chromium renders them
//! (no console errors, the charts drawn) and prints them to PDF, read back with poppler's
//! `pdfinfo` and `pdftotext`. `.ci/run` installs both (`apt-get install chromium poppler-utils`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Kit;

fn tool(name: &str) -> Command {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{name} is not installed: `apt-get install chromium poppler-utils` (.ci/run does)"
    );
    Command::new(name)
}

/// Chromium headless with `args` on `page`; (stdout, stderr).
fn chromium(page: &Path, args: &[&str]) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = tool("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The page's DOM after loading, and the messages it wrote to the console.
fn load(page: &Path) -> (String, Vec<String>) {
    let (dom, log) = chromium(page, &["--dump-dom"]);
    let console = log
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (dom, console)
}

/// Prints `page` to PDF; (page count, page size line, text of each page).
fn print(page: &Path) -> (usize, String, Vec<String>) {
    let pdf = page.with_extension("pdf");
    chromium(
        page,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let info = tool("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let field = |k: &str| {
        info.lines()
            .find(|l| l.starts_with(k))
            .map(|l| l[k.len()..].trim().to_string())
            .unwrap_or_default()
    };
    let pages: usize = field("Pages:").parse().unwrap();
    let texts = (1..=pages)
        .map(|p| {
            let out = tool("pdftotext")
                .args(["-f", &p.to_string(), "-l", &p.to_string(), "-layout"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        })
        .collect();
    (pages, field("Page size:"), texts)
}

fn page_in(kit: &Kit, name: &str) -> PathBuf {
    kit.dir.parent().unwrap().join(name)
}

#[test]
fn console_errors_are_seen() {
    // The check below must be able to fail: a page with a script error is caught.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("broken.html");
    std::fs::write(&page, "<p>x</p><script>no_such_function();</script>").unwrap();
    let (_, console) = load(&page);
    assert!(
        console.iter().any(|l| l.contains("no_such_function")),
        "{console:?}"
    );
}

#[test]
fn the_stats_page_renders_its_charts_and_prints() {
    let kit = Kit::demo();
    for lang in ["sv", "en"] {
        let page = page_in(&kit, &format!("stats-{lang}.html"));
        kit.cmd(&format!("--lang {lang} stats --html {}", page.display()))
            .ok();
        let (dom, console) = load(&page);
        assert_eq!(console, Vec::<String>::new(), "no console messages");
        assert_eq!(dom.matches("<svg class=\"chart\"").count(), 4);
        assert!(dom.matches("class=\"bar\"").count() >= 20, "bars drawn");
        assert!(dom.matches("class=\"point\"").count() >= 10, "points drawn");

        let (pages, size, text) = print(&page);
        assert!(size.contains("A4"), "{size}");
        assert!((1..=4).contains(&pages), "{pages} pages");
        let all = text.concat();
        let (legend, heading) = match lang {
            "sv" => ("arbetsgivaravgifter", "Väntelistan vid varje månads slut"),
            _ => (
                "employer's contributions",
                "Waiting list at the end of each month",
            ),
        };
        // Text inside the SVG (a legend, an axis month) reached the paper: the charts drew.
        assert!(all.contains(legend) && all.contains(heading), "{all}");
        assert!(all.contains("Demostad"), "{all}");
    }
}

/// Issue 17: the summary of decisions not put into effect for the council and the auditors is
/// one A4 page, and names nobody: no client id, no IVO code, no birth date.
#[test]
fn the_councils_summary_of_decisions_not_put_into_effect_prints_on_one_a4_page() {
    let kit = Kit::demo();
    let rows = kit.json(&["ivo", "--quarter", "2026Q4"])["rows"].clone();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 2, "the demo holds cases: {rows:?}");
    for lang in ["sv", "en"] {
        let page = page_in(&kit, &format!("ivo-{lang}.html"));
        kit.cmd(&format!(
            "--lang {lang} ivo --quarter 2026Q4 --council --html {}",
            page.display()
        ))
        .ok();
        let (_, console) = load(&page);
        assert_eq!(console, Vec::<String>::new(), "no console messages");
        let (pages, size, text) = print(&page);
        assert!(size.contains("A4"), "{size}");
        assert_eq!(pages, 1, "{text:?}");
        let all = text.concat();
        let (heading, prelim) = match lang {
            "sv" => ("ej verkställda beslut", "Preliminär"),
            _ => ("decisions not put into effect", "Preliminary"),
        };
        assert!(all.contains("Demostad") && all.contains(heading), "{all}");
        assert!(
            all.contains(prelim),
            "the quarter runs until 31 December: {all}"
        );
        assert!(all.contains("9 § 4 LSS"), "{all}");
        for r in rows {
            let code = r["code"].as_str().unwrap();
            let client = r["client"].as_str().unwrap();
            assert!(
                !all.contains(code) && !all.contains(client) && !all.contains(&code[..8]),
                "{code} {client} in {all}"
            );
        }
    }
}

#[test]
fn the_agreement_and_the_pay_run_summary_print_on_a4() {
    let kit = Kit::demo();
    let listed = kit.json(&["list", "assignments", "--status", "active"]);
    let a = listed[0]["id"].as_str().unwrap().to_string();
    let page = page_in(&kit, "agreement.html");
    kit.cmd(&format!(
        "--lang sv agree {a} --print --format html --official Lena --out {}",
        page.display()
    ))
    .ok();
    let (pages, size, text) = print(&page);
    assert!(size.contains("A4"), "{size}");
    assert!((1..=3).contains(&pages), "{pages} pages");
    let all = text.concat();
    for needle in ["Uppdragsavtal", "Tystnadsplikt", "Lena", &a] {
        assert!(all.contains(needle), "{needle} not in {all}");
    }
    assert!(
        text.last().unwrap().contains("Ort och datum"),
        "signature lines on the last page"
    );

    let runs = kit.json(&["list", "payruns"]);
    let run = runs[0]["id"].as_str().unwrap().to_string();
    let total = kit.json(&["show", &run])["total_ore"].as_i64().unwrap();
    let page = page_in(&kit, "run.html");
    kit.cmd(&format!(
        "--lang sv show {run} --format html --out {}",
        page.display()
    ))
    .ok();
    let (pages, size, text) = print(&page);
    assert!(size.contains("A4"), "{size}");
    assert_eq!(pages, 1);
    let kr = kontakt::model::Money(total).localized(kontakt::lang::Lang::Sv);
    let all = text.concat().replace('\u{a0}', " ");
    assert!(
        all.contains(&kr.replace('\u{a0}', " ")),
        "{kr} not in {all}"
    );
    assert!(all.contains("Attesterad av") && all.contains(&run));
}

#[test]
fn a_long_pay_run_repeats_its_table_header_on_every_page() {
    use kontakt::model::{Id, Kind, Money, Month, PayRun};
    use kontakt::payroll::{LineKind, PayLine};
    let month: Month = "2026-10".parse().unwrap();
    let mut rng = rand::rng();
    let lines: Vec<PayLine> = (0..300)
        .map(|i| PayLine {
            assignment: Id::from_rng(Kind::Assignment, &mut rng),
            volunteer: Id::from_rng(Kind::Volunteer, &mut rng),
            period: month,
            from: month.first_day(),
            to: month.last_day(),
            days: 31,
            kind: if i % 2 == 0 {
                LineKind::Fee
            } else {
                LineKind::Expense
            },
            corrects: None,
            wage_type: "7310".into(),
            amount: Money(98_700),
            cost_center: Some("4510".into()),
            revision: 0,
            quantity: None,
        })
        .collect();
    let run = PayRun {
        schema: 1,
        id: Id::from_rng(Kind::PayRun, &mut rng),
        month,
        created: month.last_day().and_hms_opt(9, 0, 0).unwrap(),
        seq: 1,
        user: "lon".into(),
        format: "csv".into(),
        file: "payruns/2026-10/x.csv".into(),
        sha256: "0".repeat(64),
        total_ore: Money(300 * 98_700),
        lines,
        window_from: None,
        owed: Vec::new(),
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("long.html");
    let html = kontakt::documents::payrun::html(
        &run,
        &Default::default(),
        "Demostad",
        kontakt::lang::Lang::En,
    )
    .unwrap();
    std::fs::write(&page, html).unwrap();
    let (pages, _, text) = print(&page);
    assert!(pages >= 4, "{pages} pages");
    let mut with_lines = 0;
    for (i, t) in text.iter().enumerate().skip(1) {
        if t.contains("987.00 kr") {
            with_lines += 1;
            assert!(
                t.contains("Wage type"),
                "page {} lacks the header:\n{t}",
                i + 1
            );
        }
    }
    assert!(with_lines >= 3, "{with_lines} later pages with lines");
    assert!(text.last().unwrap().contains("Attested by"));
}

#[test]
fn the_written_decision_prints_on_a4_with_how_to_appeal() {
    let kit = Kit::demo();
    let clients = kit.json(&["find", "Moa", "--json"]);
    let c = clients[0]["id"].as_str().unwrap().to_string();
    let page = page_in(&kit, "decision.html");
    kit.cmd(&format!(
        "screen client {c} --print decision --format html --out {}",
        page.display()
    ))
    .ok();
    let (pages, size, text) = print(&page);
    assert!(size.contains("A4"), "{size}");
    assert_eq!(pages, 1, "{text:?}");
    let all = text.concat();
    for needle in [
        "Beslut om kontaktperson",
        "beviljas delvis",
        "Hur man överklagar",
        "senast 2026-10-26",
        "Beslutsfattare",
    ] {
        assert!(all.contains(needle), "{needle} not in {all}");
    }
}

#[test]
fn the_confidentiality_undertaking_prints_on_one_a4_page() {
    let kit = Kit::demo();
    let listed = kit.json(&["list", "assignments", "--status", "active"]);
    let a = listed[0]["id"].as_str().unwrap().to_string();
    let page = page_in(&kit, "confidentiality.html");
    kit.cmd(&format!(
        "agree {a} --print confidentiality --format html --out {}",
        page.display()
    ))
    .ok();
    let (pages, size, text) = print(&page);
    assert!(size.contains("A4"), "{size}");
    assert_eq!(pages, 1);
    let all = text.concat();
    for needle in ["Sekretessförbindelse", "26 kap. 1 §", "Ort och datum", &a] {
        assert!(all.contains(needle), "{needle} not in {all}");
    }
}

#[test]
fn the_plan_the_appointment_and_the_amendment_print_on_a4() {
    let kit = Kit::demo();
    let elsa = kit.json(&["find", "Elsa", "--json"]);
    let a = elsa[0]["with"][0]["assignment"]
        .as_str()
        .unwrap()
        .to_string();
    for (what, cmd, needles) in [
        (
            "plan",
            format!("plan {a} --print --format html"),
            vec!["Genomförandeplan", "Mål (från beslutet)", "varannan lördag"],
        ),
        (
            "appointment",
            format!("agree {a} --print appointment --format html --official Lena"),
            vec!["Förordnande", "förordnar", "Lena"],
        ),
        (
            "amendment",
            format!("--lang sv agree {a} --print amendment --format html"),
            vec!["Ändring av uppdragsavtal", "Skäl till ändringen"],
        ),
    ] {
        let page = page_in(&kit, &format!("{what}.html"));
        kit.cmd(&format!("{cmd} --out {}", page.display())).ok();
        let (pages, size, text) = print(&page);
        assert!(size.contains("A4"), "{what}: {size}");
        assert_eq!(pages, 1, "{what}");
        let all = text.concat();
        for needle in needles {
            assert!(all.contains(needle), "{what}: {needle} not in {all}");
        }
    }
}
