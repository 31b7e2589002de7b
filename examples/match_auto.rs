//! Times `match auto` on a generated waiting list: 2 000 clients and 3 000 volunteers by
//! default (`cargo run --release --example match_auto -- [CLIENTS] [VOLUNTEERS] [SEED]`).
//! People get Skatteverket's test personnummer, read from ../shared at run time.
use std::time::Instant;

use chrono::NaiveDate;
use kontakt::matching::Pool;
use kontakt::matching::auto::{Objective, auto};
use kontakt::model::client::Decision;
use kontakt::model::common::{Basis, GenderWish};
use kontakt::model::{Client, Config, Id, Kind, Pnr, SCHEMA, Screening, Volunteer};
use rand::{RngExt, SeedableRng};

mod shared;
use shared::{AREAS, INTERESTS, TIMES};

fn main() {
    let arg = |n: usize, d: usize| {
        std::env::args()
            .nth(n)
            .and_then(|s| s.parse().ok())
            .unwrap_or(d)
    };
    let (n_clients, n_vols, seed) = (arg(1, 2000), arg(2, 3000), arg(3, 1) as u64);
    let list = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reference/personnummer/skatteverket-testpersonnummer.txt"
    ))
    .expect("../shared beside the checkout");
    let pnrs: Vec<Pnr> = list
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| Pnr::from_canonical(l).ok())
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let pick = |rng: &mut rand::rngs::StdRng, from: &[&str], k: usize| -> Vec<String> {
        (0..k)
            .map(|_| from[rng.random_range(0..from.len())].to_string())
            .collect()
    };
    let clients: Vec<Client> = (0..n_clients)
        .map(|i| {
            let applied = today - chrono::Duration::days(rng.random_range(10..700));
            Client {
                schema: SCHEMA,
                id: Id::from_rng(Kind::Client, &mut rng),
                name: format!("Klient {i}"),
                pnr: pnrs[i % pnrs.len()].clone(),
                applied: applied.into(),
                basis: Basis::Sol,
                area: Some(AREAS[rng.random_range(0..AREAS.len())].into()),
                interests: pick(&mut rng, &INTERESTS, 3),
                languages: if rng.random_bool(0.8) {
                    vec!["sv".into()]
                } else {
                    vec!["sv".into(), "ar".into()]
                },
                wants_gender: [
                    GenderWish::Any,
                    GenderWish::Any,
                    GenderWish::Female,
                    GenderWish::Male,
                ][rng.random_range(0..4)],
                wants_age: None,
                availability: vec![TIMES[rng.random_range(0..3)]],
                note: None,
                applied_insats: Default::default(),
                applied_meetings: None,
                handler: None,
                guardians: Vec::new(),
                ivo_code: None,
                decisions: vec![Decision {
                    decided_by: None,
                    insats: None,
                    notified: None,
                    appeal: None,
                    decided: applied,
                    ruling: kontakt::model::client::Ruling::Granted {
                        from: applied,
                        to: today + chrono::Duration::days(200),
                    },
                    basis: None,
                    meetings: None,
                    guardian_consent: None,
                    reason: None,
                    followed_up: vec![],
                    follow_ups: Vec::new(),
                    delay_reasons: vec![],
                    closed: None,
                }],
                history: vec![],
            }
        })
        .collect();
    let volunteers: Vec<Volunteer> = (0..n_vols)
        .map(|i| Volunteer {
            schema: SCHEMA,
            id: Id::from_rng(Kind::Volunteer, &mut rng),
            name: format!("Volontär {i}"),
            pnr: pnrs[(n_clients + i) % pnrs.len()].clone(),
            applied: (today - chrono::Duration::days(300)).into(),
            email: None,
            phone: None,
            area: Some(AREAS[rng.random_range(0..AREAS.len())].into()),
            interests: pick(&mut rng, &INTERESTS, 3),
            languages: vec!["sv".into()],
            availability: vec![TIMES[rng.random_range(0..3)], TIMES[rng.random_range(0..3)]],
            capacity: rng.random_range(1..=2),
            employee_number: None,
            screening: Screening {
                interview: Some((today - chrono::Duration::days(60)).into()),
                police_extract: Some((today - chrono::Duration::days(60)).into()),
                social_register: Some((today - chrono::Duration::days(60)).into()),
                approved: Some((today - chrono::Duration::days(50)).into()),
                ..Default::default()
            },
            pauses: vec![],
            leaving: None,
            support: vec![],
            offers: vec![kontakt::model::common::Insats::Kontaktperson],
            household: None,
            history: vec![],
        })
        .collect();
    let config = Config::new("Benchstad");
    let t = Instant::now();
    let pool = Pool::new(&config, today, clients, volunteers, &[]);
    let plan = auto(&pool, Objective::Participation).expect("plan");
    let secs = t.elapsed().as_secs_f64();
    println!(
        "clients={n_clients} volunteers={n_vols} matched={} unmatched={} total_score={} seconds={secs:.3}",
        plan.pairs.len(),
        plan.unmatched.len(),
        plan.total_score
    );
}
