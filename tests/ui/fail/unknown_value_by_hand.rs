// An open enum's unknown value can only come from reading text no variant spells, so
// `Unknown` can never hold a value a variant names.
use fabric_rest::models::NodeStatus;
use fabric_rest::runtime::UnknownValue;

fn main() {
    let _ = NodeStatus::Unknown(UnknownValue { text: "Up".into(), of: std::marker::PhantomData });
}
