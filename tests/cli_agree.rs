//! The middle of the lifecycle end to end: agreement, terms over time, reports, approval, end, due.
mod common;

use common::Kit;

/// A proposal for a fresh pair, made on 2026-03-01.
fn proposal(kit: &mut Kit) -> String {
    kit.today = "2026-03-01".into();
    let (c, v) = kit.ready_pair(0);
    kit.run(&["match", "propose", &c, &v]).id()
}

#[test]
fn an_agreement_is_refused_until_its_rules_hold_then_becomes_active_when_signed() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    // Before the decision's start; outside category 1's range; plain amount without a reason.
    kit.cmd(&format!("agree {a} --start 2026-01-15 --meetings 1/week --fee-category 1 --fee-percent 40 --expense-level 1"))
    .refused(1, "does not cover 2026-01-15");
    let r = kit.cmd(&format!("agree {a} --start 2026-03-01 --meetings 1/week --fee-category 1 --fee-percent 40 --expense 300"));
    let r = r.refused(1, "outside fee category 1 (10-35%)");
    assert!(r.stderr.contains("needs --reason"), "{}", r.stderr);
    kit.run(&["agree", &a, "--start", "2026-03-01", "--meetings", "1/week"])
        .refused(2, "--fee");
    let out = kit
        .run(&[
            "agree",
            &a,
            "--start",
            "2026-03-01",
            "--meetings",
            "1/week",
            "--fee-category",
            "1",
            "--fee-percent",
            "20",
            "--expense-level",
            "1",
            "--cost-center",
            "4711",
        ])
        .ok();
    assert!(out.stdout.contains("unsigned"), "{}", out.stdout);
    let out = kit
        .run(&[
            "agree",
            &a,
            "--signed",
            "2026-03-02",
            "--confidentiality-signed",
            "2026-03-02",
        ])
        .ok();
    assert!(out.stdout.contains("active"), "{}", out.stdout);
    kit.run(&["agree", &a, "--meetings", "2/week"])
        .refused(2, "--change-from");
    // 20 % and 10 % of 2026's prisbasbelopp 59 200 kr, a twelfth each, to whole kronor.
    let shown = kit.run(&["show", &a]).ok().stdout;
    assert!(
        shown.contains("987.00") && shown.contains("493.00"),
        "{shown}"
    );
}

#[test]
fn terms_change_from_a_date_and_nothing_earlier_is_rewritten() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-06-10".into();
    kit.cmd(&format!(
        "agree {a} --change-from 2026-02-01 --fee-category 2 --fee-percent 30"
    ))
    .refused(1, "must be after");
    kit.cmd(&format!(
        "agree {a} --change-from 2026-07-01 --fee-category 2 --fee-percent 30"
    ))
    .ok();
    let j = kit.json(&["show", &a]);
    let terms = j["agreement"]["terms"].as_array().unwrap();
    assert_eq!(terms.len(), 2);
    assert_eq!(terms[0]["fee"]["percent_hundredths"], 2000);
    assert_eq!(terms[1]["fee"]["percent_hundredths"], 3000);
    assert_eq!(terms[1]["meetings"], "1/week", "unchanged terms carry over");
}

#[test]
fn reports_are_checked_replaced_until_approved_and_then_locked() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-10", false).ok();
    kit.today = "2026-04-05".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-12"])
        .refused(1, "not an active day");
    kit.run(&[
        "agree",
        &a,
        "--signed",
        "2026-03-09",
        "--confidentiality-signed",
        "2026-03-09",
    ])
    .ok();
    let before = kit.snapshot();
    let r = kit.cmd(&format!(
        "report {a} 2026-03 --meeting 2026-03-05 --meeting 2026-04-02"
    ));
    let r = r.refused(1, "2026-03-05 is not an active day");
    assert!(
        r.stderr.contains("2026-04-02 is not in 2026-03"),
        "{}",
        r.stderr
    );
    assert_eq!(kit.snapshot(), before);
    kit.cmd(&format!(
        "report {a} 2026-03 --meeting 2026-03-12 --hours two"
    ))
    .refused(2, "--hours");
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-12"])
        .ok();
    kit.cmd(&format!(
        "report {a} 2026-03 --meeting 2026-03-12 --meeting 2026-03-19 --hours 3,5"
    ))
    .ok();
    let reps = kit.json(&["list", "reports", "--month", "2026-03"]);
    assert_eq!(
        reps[0]["meetings"].as_array().unwrap().len(),
        2,
        "replaced: {reps}"
    );
    assert_eq!(reps[0]["hours_tenths"], 35);
    let due = kit.json(&["due"]);
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .any(|d| d["what"] == "report to approve"),
        "{due}"
    );
    // Every report of a month is attested only when asked for in so many words; a month typed
    // without --all, or where the assignment stands, is refused with how to say it.
    let before = kit.snapshot();
    kit.run(&["report", "approve", "--month", "2026-03", "--by", "Eva"])
        .refused(2, "only with --all");
    kit.run(&["report", "approve", "2026-03", "--by", "Eva"])
        .refused(2, "2026-03 is a month");
    kit.run(&["report", "approve", "--by", "Eva"])
        .refused(2, "name the assignment and the month");
    kit.run(&[
        "report", "approve", &a, "--month", "2026-03", "--all", "--by", "Eva",
    ])
    .refused(2, "names no assignment");
    assert_eq!(kit.snapshot(), before, "nothing approved");
    kit.run(&["report", "approve", "--all", "2026-03", "--by", "Eva"])
        .ok();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-12"])
        .refused(1, "already approved");
    kit.run(&["report", "approve", &a, "2026-03"])
        .refused(1, "already approved");
    kit.run(&["check"]).ok();
}

#[test]
fn ending_frees_the_place_and_the_client_waits_again() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-05-01".into();
    let waiting = kit.json(&["match", "auto", "--dry-run"]);
    assert_eq!(waiting["pairs"].as_array().unwrap().len(), 0, "{waiting}");
    kit.run(&["end", &a, "--date", "2026-02-01", "--reason", "moved"])
        .refused(1, "before the start");
    kit.run(&["end", &a, "--date", "2026-04-30", "--reason", "sometime"])
        .refused(2, "--reason");
    // The client asked to stop; her decision runs on: an interruption.
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-04-30",
        "--reason",
        "client_request",
    ])
    .ok();
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-04-30",
        "--reason",
        "client_request",
    ])
    .refused(1, "already ended");
    let st = kit.json(&["list", "assignments", "--status", "ended"]);
    assert_eq!(st.as_array().unwrap().len(), 1);
    // She waits again, but not for the volunteer she stopped with: the pair is parted
    // (`rules::ending::parts_the_pair`) until staff say why it may work now.
    let again = kit.json(&["match", "auto", "--dry-run"]);
    assert_eq!(again["pairs"].as_array().unwrap().len(), 0, "{again}");
    assert_eq!(
        again["unmatched"].as_array().unwrap().len(),
        1,
        "the client waits again: {again}"
    );
    let shown = kit.json(&["show", &a]);
    let (c, v) = (
        shown["client"].as_str().unwrap().to_string(),
        shown["volunteer"].as_str().unwrap().to_string(),
    );
    kit.run(&["match", "propose", &c, &v])
        .refused(1, "--again REASON");
    let b = kit
        .run(&[
            "match",
            "propose",
            &c,
            &v,
            "--again",
            "They want to try again",
        ])
        .id();
    assert!(
        kit.read(&format!("assignments/{b}.toml"))
            .contains("proposed again after an interruption"),
    );
    // Months with active days but no report are due.
    let due = kit.json(&["due"]);
    let missing = due
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["what"] == "report missing")
        .count();
    assert_eq!(missing, 2, "March and April: {due}");
}

#[test]
fn check_follows_assignments_and_reports_to_what_they_name() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-04-05".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-12"])
        .ok();
    kit.run(&["check"]).ok();
    let rep = kit.dir.join(format!("reports/2026-03/{a}.toml"));
    let text = std::fs::read_to_string(&rep).unwrap();
    std::fs::write(&rep, text.replace("2026-03-12", "2026-02-12")).unwrap();
    let asg = kit.dir.join(format!("assignments/{a}.toml"));
    let text = std::fs::read_to_string(&asg).unwrap();
    let client = text
        .lines()
        .find(|l| l.starts_with("client = "))
        .unwrap()
        .to_string();
    std::fs::write(&asg, text.replace(&client, "client = \"C-ZZZZZZ\"")).unwrap();
    let r = kit.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(": E008 field `client`: no client C-ZZZZZZ"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("meeting 2026-02-12 is not in 2026-03"),
        "{}",
        r.stdout
    );
}

#[test]
fn the_agreement_prints_in_swedish_with_initials_and_the_years_amounts() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.run(&["agree", &a, "--print"])
        .refused(1, "no agreement yet");
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-06-10".into();
    kit.cmd(&format!(
        "agree {a} --change-from 2026-07-01 --meetings 2/week --fee-category 2 --fee-percent 30"
    ))
    .ok();
    let md = kit
        .run(&[
            "--lang",
            "sv",
            "agree",
            &a,
            "--print",
            "--official",
            "Eva Handläggare",
        ])
        .ok()
        .stdout
        .replace(&a, "A-XXXXXX");
    assert!(!md.contains("Klient Test"), "only initials: {md}");
    insta::assert_snapshot!(md, @r"
    # Uppdragsavtal för kontaktperson

    Kommunen · uppdrag A-XXXXXX

    ## Parter

    - Uppdragsgivare: Kommunen, socialnämnden, genom ansvarig handläggare Eva Handläggare
    - Kontaktperson (uppdragstagare): Volontär Test, 19800102-****
    - Den enskilde: K T (insats beviljad enligt socialtjänstlagen (SoL))

    ## Uppdraget

    Kontaktpersonen är ett personligt stöd och en medmänniska för den enskilde: att bryta isolering, ge råd i vardagen och vara med på fritidsaktiviteter efter den enskildes önskemål och de mål som står i beslutet. Uppdraget är ett förtroendeuppdrag, inte en anställning. Kontaktpersonen får stöd och handledning av ansvarig handläggare.

    - Uppdraget gäller från och med 2026-03-01, tills vidare så länge beslutet om insatsen gäller.
    - Träffar: 1 gång per vecka, från 2026-07-01 2 gånger per vecka.
    - Kontaktpersonen lämnar en närvarorapport för varje månad, med de dagar de träffats; ersättning betalas när rapporten är attesterad.

    ## Ersättning 2026

    Ersättningen betalas per månad enligt SKR:s rekommendation, som del av prisbasbeloppet för 2026. Arvodet är skattepliktig inkomst och betalas via kommunens lönesystem. Omkostnadsersättningen täcker kostnader för träffarna, som fika, biljetter och resor. Påbörjas eller slutar uppdraget under en månad betalas de dagar uppdraget gäller. Beloppen räknas om när prisbasbeloppet ändras vid årsskiftet.

    | Från | Träffar | Arvode per månad | Omkostnadsersättning per månad |
    | --- | --- | --- | --- |
    | 2026-03-01 | 1 gång per vecka | 987,00 kr (kategori 1, 20 % av prisbasbeloppet) | 493,00 kr (nivå 1, 10 % av prisbasbeloppet) |
    | 2026-07-01 | 2 gånger per vecka | 1 480,00 kr (kategori 2, 30 % av prisbasbeloppet) | 493,00 kr (nivå 1, 10 % av prisbasbeloppet) |

    ## Försäkring

    Kontaktpersonen omfattas av kommunens olycksfalls- och ansvarsförsäkring under uppdraget.

    ## Tystnadsplikt

    Kontaktpersonen har tystnadsplikt enligt offentlighets- och sekretesslagen om allt som rör den enskildes personliga förhållanden. Tystnadsplikten gäller även sedan uppdraget upphört. Kontaktpersonen skriver under en särskild sekretessförbindelse samtidigt med detta avtal.

    ## Uppsägning

    Avtalet kan sägas upp av båda parter med en månads uppsägningstid. Uppdraget upphör utan uppsägning när beslutet om insatsen upphör.

    ## Underskrifter

    Detta avtal är upprättat i två exemplar, ett till vardera parten.

    ______________________________ ______________________________
    Ort och datum                  Ort och datum

    ______________________________ ______________________________
    Kontaktperson: Volontär Test   Ansvarig handläggare: Eva Handläggare
    ");
    // In English for a volunteer who reads it better; the same terms and amounts.
    let en = kit
        .run(&["--lang", "en", "agree", &a, "--print"])
        .ok()
        .stdout;
    for part in [
        "# Assignment agreement for a contact person",
        "| 2026-07-01 | 2 times a week | 1,480.00 kr (category 2, 30 % of the price base amount) | 493.00 kr (level 1, 10 % of the price base amount) |",
        "## Confidentiality",
        "Place and date",
    ] {
        assert!(en.contains(part), "{part} not in {en}");
    }
    assert!(!en.contains("Uppdragsavtal"), "{en}");
    kit.run(&["agree", &a, "--print", "--year", "2031"])
        .refused(1, "no prisbasbelopp for 2031");
    kit.run(&["agree", &a, "--print", "--year", "2025"])
        .refused(1, "not in force during 2025");
    kit.run(&["agree", &a, "--print", "--fee", "100"])
        .refused(2, "--fee");
}

#[test]
fn the_html_agreement_is_one_escaped_a4_page_written_privately() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-01", true).ok();
    let out = kit.dir.parent().unwrap().join("avtal.html");
    kit.run(&[
        "agree",
        &a,
        "--print",
        "--format",
        "html",
        "--official",
        "<Eva & Co>",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("size: A4"), "{html}");
    assert!(html.contains("&lt;Eva &amp; Co&gt;"), "{html}");
    assert!(
        html.contains(
            "<td class=\"amount\">987.00 kr (category 1, 20 % of the price base amount)</td>"
        ) && html.contains("<html lang=\"en\">"),
        "{html}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn report_import_is_all_or_nothing_names_bad_rows_and_a_rerun_changes_nothing() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    let (c2, v2) = kit.ready_pair(1);
    let b = kit.run(&["match", "propose", &c2, &v2]).id();
    kit.agree(&a, "2026-03-01", true).ok();
    kit.agree(&b, "2026-03-01", true).ok();
    kit.today = "2026-05-05".into();
    let file = kit.dir.parent().unwrap().join("e-tjanst.csv");
    std::fs::write(
        &file,
        format!(
            "\u{feff}assignment;date;hours;activity;expenses\n\
             {a};2026-03-05;2;fika;45,50\n\
             {a};2026-02-20;2;bio;\n\
             A-ZZZZZZ;2026-03-06;1;;\n\
             {b};2026-03-07;two;;\n\
             {a};2026-03-05;1;;\n"
        ),
    )
    .unwrap();
    let before = kit.snapshot();
    let r = kit.run(&["report", "import", file.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    for needle in [
        "4 problems; nothing was written",
        "line 3: 2026-02-20 is not an active day",
        "line 4: column `assignment`: no assignment",
        "line 5: column `hours`",
        "line 6: ",
    ] {
        assert!(r.stderr.contains(needle), "{needle}: {}", r.stderr);
    }
    assert!(r.stderr.contains("already on line 2"), "{}", r.stderr);
    assert_eq!(kit.snapshot(), before);

    std::fs::write(
        &file,
        format!(
            "assignment,date,hours,activity,expenses\n\
             {a},2026-03-05,2,fika,\"45,50\"\n\
             {a},2026-03-19,1.5,bio,100\n\
             {a},2026-04-02,2,promenad,\n\
             {b},2026-03-07,1,,\n"
        ),
    )
    .unwrap();
    let j = kit.json(&["report", "import", file.to_str().unwrap()]);
    assert_eq!(j["written"], 3, "{j}");
    let march = kit.read(&format!("reports/2026-03/{a}.toml"));
    assert!(march.contains("hours_tenths = 35"), "{march}");
    assert!(march.contains("expenses_ore = 14550"), "{march}");
    assert!(march.contains("activity = \"fika; bio\""), "{march}");
    // The obvious next step after any interruption, running it again, changes nothing.
    let before = kit.snapshot();
    let j = kit.json(&["report", "import", file.to_str().unwrap()]);
    assert_eq!(j["written"], 0, "{j}");
    assert_eq!(kit.snapshot(), before);
    // An approved month stays as approved: the same rows pass, different rows are refused.
    kit.run(&["report", "approve", &a, "2026-03"]).ok();
    kit.run(&["report", "import", file.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("2026-03-19,1.5", "2026-03-20,1.5")).unwrap();
    kit.run(&["report", "import", file.to_str().unwrap()])
        .refused(2, "lines 2, 3: the report of");
}

#[test]
fn a_recorded_follow_up_moves_the_next_one_six_months_on() {
    let mut kit = Kit::new();
    kit.today = "2026-01-25".into();
    let (c, _) = kit.ready_pair(0);
    kit.today = "2026-08-10".into();
    let follow_ups = |kit: &Kit| -> Vec<String> {
        kit.json(&["due", "--within", "400"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["what"] == "follow-up")
            .map(|d| d["date"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(follow_ups(&kit), ["2026-08-01"]);
    kit.run(&["screen", "client", &c, "--follow-up", "2026-08-20"])
        .refused(1, "has not happened yet");
    kit.run(&["screen", "client", &c, "--follow-up", "2026-01-20"])
        .refused(1, "outside the decision's period");
    let out = kit
        .run(&[
            "screen",
            "client",
            &c,
            "--follow-up",
            "2026-08-05",
            "--note",
            "Fungerar bra",
        ])
        .ok();
    assert!(out.stdout.contains("due 2027-02-05"), "{}", out.stdout);
    // The decision ends 2027-01-31, before the next follow-up: none is due, the expiry is.
    assert_eq!(follow_ups(&kit), Vec::<String>::new());
    kit.run(&["check"]).ok();
}

#[test]
fn gallra_culls_client_files_five_years_on_and_keeps_what_pay_needs() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-04-03".into();
    kit.run(&["report", &a, "2026-03", "--meeting", "2026-03-12"])
        .ok();
    kit.run(&["report", "approve", &a, "2026-03"]).ok();
    kit.run(&["pay", "2026-03"]).ok();
    kit.run(&[
        "end",
        &a,
        "--date",
        "2026-03-31",
        "--reason",
        "goal_reached",
    ])
    .ok();
    let client = kit.json(&["show", &a])["client"]
        .as_str()
        .unwrap()
        .to_string();
    // A second client who only applied, and was denied, in 2026.
    let (other, _) = kit.ready_pair(1);

    // The last entry is the ending, recorded 2026-04-03: five years from then.
    kit.today = "2031-04-02".into();
    let due = kit.json(&["gallra"]);
    assert!(
        !due["clients"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == client.as_str()),
        "{due}"
    );
    kit.today = "2031-04-03".into();
    let before = kit.snapshot();
    let due = kit.json(&["gallra", "--dry-run"]);
    assert_eq!(kit.snapshot(), before, "listing deletes nothing");
    let ours = due["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == client.as_str())
        .unwrap_or_else(|| panic!("{due}"))
        .clone();
    assert_eq!(ours["last_entry"], "2026-04-03");
    assert_eq!(ours["deadline"], "2032-12-31");
    assert!(
        due["clients"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == other.as_str())
    );
    // Derived data holds the client too: the parse cache (files old enough to cache) and the
    // personnummer index.
    let pnr = kit.json(&["--show-pnr", "show", &client])["pnr"]
        .as_str()
        .unwrap()
        .replace('-', "");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    kit.run(&["check"]).ok();
    let derived = || -> String {
        let mut all = String::new();
        let mut stack = vec![kit.dir.join(".kontakt")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    all.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
                }
            }
        }
        all
    };
    let before = derived();
    assert!(
        before.contains("Klient Test") && before.contains(&pnr),
        "the cache and the index hold the client before"
    );
    kit.run(&["gallra", "--confirm"]).ok();
    // Both clients were culled; ids may stay (assignments and culled.toml name them), their
    // names and numbers may not.
    let after = derived();
    assert!(
        !after.contains("Klient Test") && !after.contains(&pnr),
        "nothing personal of a culled client stays in .kontakt"
    );
    assert!(!kit.dir.join(format!("clients/{client}.toml")).exists());
    assert!(
        kit.dir.join(format!("assignments/{a}.toml")).exists(),
        "pay's basis is kept"
    );
    assert!(kit.dir.join(format!("reports/2026-03/{a}.toml")).exists());
    assert!(kit.read("culled.toml").contains(&client));
    kit.run(&["check"]).ok();
    kit.run(&["show", &client]).refused(2, "no client matches");
    // The run that paid her is still verified, by its file and total: her file is gone, so its
    // lines cannot be worked out again, and it says so.
    let run = kit.json(&["list", "payruns"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let verified = kit.run(&["pay", "--verify", &run]).ok();
    assert!(
        verified.stdout.contains("matches its SHA-256")
            && verified.stdout.contains(&format!("the files of {client}"))
            && verified.stdout.contains("were culled"),
        "{}",
        verified.stdout
    );
    let again = kit.run(&["gallra"]).ok();
    assert!(again.stdout.contains("no file is due"), "{}", again.stdout);
}

/// A report entered by hand is not silently replaced by an import that says otherwise: the
/// month is refused, nothing is written, until `--replace` asks for it.
#[test]
fn report_import_replaces_a_report_on_file_only_when_asked() {
    let mut kit = Kit::new();
    let a = proposal(&mut kit);
    kit.agree(&a, "2026-03-01", true).ok();
    kit.today = "2026-04-05".into();
    kit.run(&[
        "report",
        &a,
        "2026-03",
        "--meeting",
        "2026-03-10",
        "--meeting",
        "2026-03-17",
    ])
    .ok();
    let file = kit.dir.parent().unwrap().join("e-tjanst.csv");
    std::fs::write(&file, format!("assignment,date\n{a},2026-03-12\n")).unwrap();
    let before = kit.snapshot();
    kit.run(&["report", "import", file.to_str().unwrap()])
        .refused(2, "already has a report for 2026-03");
    assert_eq!(kit.snapshot(), before, "nothing written");
    let j = kit.json(&["report", "import", file.to_str().unwrap(), "--replace"]);
    assert_eq!(j["written"], 1, "{j}");
    assert_eq!(j["reports"][0]["replaced"], true, "{j}");
    let march = kit.read(&format!("reports/2026-03/{a}.toml"));
    assert!(
        march.contains("2026-03-12") && !march.contains("2026-03-10"),
        "{march}"
    );
    // A person is told which months' reports were replaced, not only written.
    std::fs::write(&file, format!("assignment,date\n{a},2026-03-19\n")).unwrap();
    let table = kit
        .run(&[
            "--lang",
            "sv",
            "report",
            "import",
            file.to_str().unwrap(),
            "--replace",
        ])
        .ok()
        .stdout;
    assert!(table.contains("ersatt"), "{table}");
}

/// Terms that give more meetings than the decision grants are recorded (the volunteer may have
/// agreed already) with a warning that they need a new decision.
#[test]
fn terms_beyond_the_decision_are_warned_of() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    let c = kit.json(&["show", &a])["client"]
        .as_str()
        .unwrap()
        .to_string();
    kit.today = "2026-03-10".into();
    kit.run(&[
        "screen",
        "client",
        &c,
        "--grant",
        "--from",
        "2026-03-10",
        "--to",
        "2027-01-31",
        "--meetings",
        "2/month",
        "--reason",
        "Två träffar i månaden räcker",
    ])
    .ok();
    let r = kit
        .run(&[
            "--lang",
            "sv",
            "agree",
            &a,
            "--change-from",
            "2026-04-01",
            "--meetings",
            "1/week",
        ])
        .ok();
    assert!(
        r.stderr.contains("varning: beslutet från 2026-03-10 beviljar 2/månad; villkor med 1/vecka ger mer: det kräver ett nytt beslut"),
        "{}",
        r.stderr
    );
    let within = kit
        .run(&[
            "agree",
            &a,
            "--change-from",
            "2026-05-01",
            "--meetings",
            "2/month",
        ])
        .ok();
    // April's terms still give more; May's are within.
    assert_eq!(
        within.stderr.matches("warning:").count(),
        1,
        "{}",
        within.stderr
    );
    assert!(
        within.stderr.contains("terms of 1/week"),
        "{}",
        within.stderr
    );
}

/// A second report for a month not yet attested replaces the first: said, not done silently.
#[test]
fn a_report_written_over_says_what_it_replaced() {
    let mut kit = Kit::new();
    let a = kit.agreed(1, "2026-03-01");
    kit.today = "2026-04-02".into();
    let first = kit
        .run(&[
            "report",
            &a,
            "2026-03",
            "--meeting",
            "2026-03-05",
            "--meeting",
            "2026-03-12",
            "--meeting",
            "2026-03-19",
        ])
        .ok();
    assert!(!first.stderr.contains("replaced"), "{}", first.stderr);
    let again = kit
        .run(&["report", &a, "2026-03", "--meeting", "2026-03-26"])
        .ok();
    assert!(
        again
            .stderr
            .contains("replaced the report on file for 2026-03 (3 meetings)"),
        "{}",
        again.stderr
    );
    // The same report again, on a later day, replaces nothing that differs.
    kit.today = "2026-04-03".into();
    let same = kit
        .run(&["report", &a, "2026-03", "--meeting", "2026-03-26"])
        .ok();
    assert!(!same.stderr.contains("replaced"), "{}", same.stderr);
}
