use fabric_rest::{server_timeout, ServerTimeout};

// Refused under `cargo check` too, at this line.
const NEVER: ServerTimeout = server_timeout!(0);

fn main() {
    let _ = NEVER;
}
