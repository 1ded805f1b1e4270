use fabric_rest::ServerTimeout;

const NEVER: ServerTimeout = ServerTimeout::seconds::<0>();

fn main() {
    let _ = NEVER;
}
