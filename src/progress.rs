//! A spinner on stderr for commands that take longer than a second (a national `check` or pay
//! run), so that a person at a terminal sees it working. Nothing at all when stderr is not a
//! terminal: pipes, scripts and tests see only the command's own output.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Shown until dropped.
pub struct Spinner {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Starts the spinner for `label`; it appears after a second (`KONTAKT_PROGRESS_AFTER_MS`
/// changes the wait, for tests).
pub fn start(label: &str) -> Spinner {
    let done = Arc::new(AtomicBool::new(false));
    if !std::io::stderr().is_terminal() {
        return Spinner { done, thread: None };
    }
    let wait = std::env::var("KONTAKT_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::from_secs(1), Duration::from_millis);
    let label = label.to_string();
    let flag = done.clone();
    let thread = std::thread::spawn(move || {
        let start = Instant::now();
        while start.elapsed() < wait {
            if flag.load(Ordering::Relaxed) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} kontakt {msg} ({elapsed})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_message(label);
        bar.enable_steady_tick(Duration::from_millis(100));
        while !flag.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(20));
        }
        bar.finish_and_clear();
    });
    Spinner {
        done,
        thread: Some(thread),
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
