//! Progress of any wait, for people: a bar on a terminal, one line per change otherwise.
//! Every example that waits for a workflow shares it; it takes what every waiter reports,
//! a [`Summary`] and the time since the wait began.

use std::io::IsTerminal;
use std::time::Duration;

use fabric_rest::wait::Summary;
use indicatif::{ProgressBar, ProgressStyle};

/// Shows the progress of one wait.
pub struct ProgressDisplay {
    bar: Option<ProgressBar>,
    last_line: String,
}

impl ProgressDisplay {
    /// A bar when standard error is a terminal, plain lines on standard output otherwise.
    pub fn new() -> ProgressDisplay {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(100);
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos:>3}% {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        ProgressDisplay {
            bar,
            last_line: String::new(),
        }
    }

    /// Shows `summary` if it differs from the last one shown.
    pub fn show(&mut self, summary: &Summary, elapsed: Duration) {
        if summary.text == self.last_line {
            return;
        }
        match &self.bar {
            Some(bar) => {
                if let Some(percent) = summary.percent {
                    bar.set_position(u64::from(percent));
                }
                bar.set_message(summary.text.clone());
            }
            None => println!("[{:>6.1}s] {}", elapsed.as_secs_f64(), summary.text),
        }
        self.last_line.clone_from(&summary.text);
    }

    /// Clears the bar, if there is one.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
