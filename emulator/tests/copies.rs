//! The emulator's embedded copies stay byte-for-byte those the library's tests check.

#[test]
fn the_spec_digest_is_the_conformance_tests() {
    assert!(
        include_str!("../src/spec/operations.json") == include_str!("../../tests/fixtures/spec_operations.json"),
        "emulator/src/spec/operations.json differs from tests/fixtures/spec_operations.json; run scripts/gen_spec_fixture.py"
    );
}

#[test]
fn the_examples_are_the_spec_example_tests() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for entry in std::fs::read_dir(root.join("src/examples")).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_name().expect("name");
        let fixture = root.join("../tests/fixtures/examples").join(name);
        let embedded = std::fs::read(&path).expect("embedded example");
        let original = std::fs::read(&fixture).unwrap_or_else(|e| panic!("{}: {e}", fixture.display()));
        assert!(
            embedded == original,
            "{} differs from {}",
            path.display(),
            fixture.display()
        );
        compared += 1;
    }
    assert!(compared > 0, "no example found");
}
