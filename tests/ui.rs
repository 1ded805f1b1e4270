//! Compile-time checks of `#[fabric_endpoint]`: every mistake a user can make is an error
//! at the offending tokens, and every accepted shape compiles.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
