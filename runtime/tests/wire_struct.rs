//! `wire_struct!` and `kind_enum!` against exact JSON text: what is read, what is written
//! back, and what is refused.

use std::collections::BTreeMap;
use std::time::Duration;

use fabric_rest_runtime::wire::{Decimal, Int64, Iso8601, UnknownFields};
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};
use serde_json::{Value, json};

open_enum! {
    /// A node's status.
    pub enum Status {
        Up = "Up",
        Down = "Down",
    }
}

wire_struct! {
    /// Where a node is.
    pub struct Place {
        /// The fault domain.
        "FaultDomain" fault_domain: Option<String>,
    }
}

wire_struct! {
    /// A node, as a response gives it.
    pub struct Node {
        /// The name.
        "Name" name: Option<String>,
        /// The status.
        "NodeStatus" status: Option<Status>,
        /// The instance id.
        "InstanceId" instance_id: Option<Int64>,
        /// Written under the first name, read under both.
        "MinNodeLoadId" | "MinNodeLoadNodeId" min_node_load_id: Option<String>,
        /// A nested object.
        "Place" place: Option<Place>,
        /// A list of nested objects.
        "Places" places: Option<Vec<Place>>,
        /// A load.
        "Load" load: Option<Decimal>,
    }
}

wire_struct! {
    /// A request with required fields.
    pub struct Restart {
        /// Required.
        "NodeInstanceId" node_instance_id: Int64,
        /// Required, with a codec.
        "Wait" wait: Duration as Iso8601,
        /// Optional, with a codec.
        "Timeout" timeout: Option<Duration> as Iso8601,
        /// Absent reads as empty; always written.
        "Tags" tags: Vec<String> = default,
        /// Absent reads as `false`; always written.
        "Force" force: bool = default,
    }
}

wire_struct! {
    /// Every field may be absent, so it has a `Default`.
    pub struct Counts {
        /// Always written.
        "Total" total: u64 = default,
        /// Optional.
        "Ok" ok: Option<u64>,
        /// A map, with the default codec.
        "ByKind" by_kind: Option<BTreeMap<String, u64>>,
    }
}

wire_struct! {
    /// A shape with no fields of its own.
    pub struct Empty {}
}

kind_enum! {
    /// A check, by `Kind`.
    pub enum Check by "Kind" {
        /// About a partition.
        Partition(Place) = "Partition",
        /// With no fields.
        Seed(Empty) = "Seed",
    }
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> (T, String) {
    let value: T = serde_json::from_str(text).unwrap();
    let written = serde_json::to_string(&value).unwrap();
    (value, written)
}

#[test]
fn unknown_fields_are_kept_at_the_top_and_written_after_the_known_ones() {
    let text = r#"{"Zeta":[1,{"a":null}],"Name":"n","IsNodeByNode":true,"InstanceId":"7"}"#;
    let (node, written): (Node, _) = round_trip(text);
    assert_eq!(node.name.as_deref(), Some("n"));
    assert_eq!(node.instance_id, Some(Int64::new(7)));
    assert_eq!(node.unknown_fields.len(), 2);
    assert_eq!(node.unknown_fields["IsNodeByNode"], json!(true));
    assert_eq!(node.unknown_fields["Zeta"], json!([1, {"a": null}]));
    assert_eq!(
        written,
        r#"{"Name":"n","InstanceId":"7","IsNodeByNode":true,"Zeta":[1,{"a":null}]}"#
    );
}

#[test]
fn unknown_fields_are_kept_in_nested_objects() {
    let text = r#"{"Place":{"FaultDomain":"fd:/0","Rack":"r1"},"Places":[{"Rack":"r2"},{"FaultDomain":"fd:/1"}]}"#;
    let (node, written): (Node, _) = round_trip(text);
    let place = node.place.as_ref().unwrap();
    assert_eq!(place.fault_domain.as_deref(), Some("fd:/0"));
    assert_eq!(place.unknown_fields["Rack"], json!("r1"));
    let places = node.places.as_ref().unwrap();
    assert_eq!(places[0].fault_domain, None);
    assert_eq!(places[0].unknown_fields["Rack"], json!("r2"));
    assert!(places[1].unknown_fields.is_empty());
    assert_eq!(written, text);
}

#[test]
fn unknown_fields_are_kept_in_a_kind_variant_without_the_discriminator() {
    let text = r#"{"Kind":"Partition","FaultDomain":"fd:/0","Phase":"Upgrading"}"#;
    let (check, written): (Check, _) = round_trip(text);
    let Check::Partition(place) = &check else {
        panic!("{check:?}")
    };
    assert_eq!(place.fault_domain.as_deref(), Some("fd:/0"));
    assert_eq!(place.unknown_fields.len(), 1);
    assert_eq!(place.unknown_fields["Phase"], json!("Upgrading"));
    assert_eq!(place.unknown_fields.get("Kind"), None);
    assert_eq!(written, text);

    // The discriminator after other fields: read the same, written first.
    let (late, written): (Check, _) = round_trip(r#"{"Phase":"Upgrading","FaultDomain":"fd:/0","Kind":"Partition"}"#);
    assert_eq!(late, check);
    assert_eq!(written, text);

    let (seed, written): (Check, _) = round_trip(r#"{"Extra":1,"Kind":"Seed"}"#);
    assert!(matches!(&seed, Check::Seed(empty) if empty.unknown_fields["Extra"] == json!(1)));
    assert_eq!(written, r#"{"Kind":"Seed","Extra":1}"#);
}

#[test]
fn an_unknown_kind_keeps_the_whole_object() {
    for (text, kind) in [
        (
            r#"{"Kind":"WaitForMoon","Phase":3,"Nested":{"x":[true]}}"#,
            "WaitForMoon",
        ),
        (r#"{"Phase":3,"Kind":"WaitForMoon"}"#, "WaitForMoon"),
        (r#"{"Kind":7,"Phase":3}"#, ""),
        (r#"{"Phase":3}"#, ""),
        ("{}", ""),
    ] {
        let (check, written): (Check, _) = round_trip(text);
        let Check::Unknown(object) = &check else {
            panic!("{text}: {check:?}")
        };
        assert_eq!(object, &serde_json::from_str::<Value>(text).unwrap(), "{text}");
        assert_eq!(check.kind(), kind, "{text}");
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), *object, "{text}");
    }
}

#[test]
fn numbers_and_strings_keep_their_form() {
    let (node, written): (Node, _) = round_trip(r#"{"InstanceId":"131","Load":6.0}"#);
    assert_eq!(node.instance_id.map(Int64::get), Some(131));
    assert!(node.instance_id.unwrap().is_quoted());
    assert_eq!(written, r#"{"InstanceId":"131","Load":6.0}"#);

    let (node, written): (Node, _) = round_trip(r#"{"InstanceId":131,"Load":"6.0"}"#);
    assert_eq!(node.instance_id.map(Int64::get), Some(131));
    assert!(!node.instance_id.unwrap().is_quoted());
    assert_eq!(node.load.as_ref().and_then(Decimal::to_f64), Some(6.0));
    assert_eq!(written, r#"{"InstanceId":131,"Load":"6.0"}"#);

    // Above 2^53, where going through f64 would give ...992.
    for text in [
        r#"{"InstanceId":9007199254740993}"#,
        r#"{"InstanceId":"9007199254740993"}"#,
    ] {
        let (node, written): (Node, _) = round_trip(text);
        assert_eq!(node.instance_id.map(Int64::get), Some(9_007_199_254_740_993));
        assert_eq!(written, text);
    }
    let (node, written): (Node, _) = round_trip(r#"{"Load":18446744073709551615}"#);
    assert_eq!(
        node.load.as_ref().and_then(|load| load.as_number()?.as_u64()),
        Some(u64::MAX)
    );
    assert_eq!(written, r#"{"Load":18446744073709551615}"#);
}

#[test]
fn null_reads_as_absent() {
    let (node, written): (Node, _) = round_trip(r#"{"Name":null,"InstanceId":null,"Place":null}"#);
    assert_eq!(node, Node::default());
    assert_eq!(written, "{}");
    let (counts, written): (Counts, _) = round_trip(r#"{"Total":null,"Ok":null}"#);
    assert_eq!(counts, Counts::default());
    assert_eq!(written, r#"{"Total":0}"#);
}

#[test]
fn a_missing_required_field_is_named_by_its_wire_name() {
    for (text, message) in [
        (
            r#"{"Wait":"PT1S"}"#,
            "missing field `NodeInstanceId` at line 1 column 15",
        ),
        (r#"{"NodeInstanceId":"0"}"#, "missing field `Wait` at line 1 column 22"),
        (
            r#"{"NodeInstanceId":null,"Wait":"PT1S"}"#,
            "missing field `NodeInstanceId` at line 1 column 37",
        ),
    ] {
        let err = serde_json::from_str::<Restart>(text).unwrap_err();
        assert_eq!(err.to_string(), message, "{text}");
    }
}

#[test]
fn required_default_and_codec_fields() {
    let (restart, written): (Restart, _) = round_trip(r#"{"Wait":"PT2M","NodeInstanceId":"0","Timeout":"2500"}"#);
    assert_eq!(restart.node_instance_id, Int64::new(0));
    assert_eq!(restart.wait, Duration::from_secs(120));
    assert_eq!(restart.timeout, Some(Duration::from_millis(2_500)));
    assert!(restart.tags.is_empty());
    assert!(!restart.force);
    assert_eq!(
        written,
        r#"{"NodeInstanceId":"0","Wait":"PT0H2M0S","Timeout":"PT0H0M2.5S","Tags":[],"Force":false}"#
    );
    let err = serde_json::from_str::<Restart>(r#"{"NodeInstanceId":"0","Wait":"P1D"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid ISO-8601 duration \"P1D\": the `T` time part is required (write `PT0S`, not `P0D`) at line 1 column 34"
    );
}

#[test]
fn field_order_is_declaration_order_whatever_the_input_order() {
    let (node, written): (Node, _) =
        round_trip(r#"{"Load":"1","Place":{},"MinNodeLoadNodeId":"m","InstanceId":2,"NodeStatus":"Up","Name":"n"}"#);
    assert_eq!(node.status, Some(Status::Up));
    assert_eq!(
        written,
        r#"{"Name":"n","NodeStatus":"Up","InstanceId":2,"MinNodeLoadId":"m","Place":{},"Load":"1"}"#
    );
}

#[test]
fn a_field_given_twice_is_refused() {
    for text in [
        r#"{"Name":"a","Name":"b"}"#,
        r#"{"MinNodeLoadId":"a","MinNodeLoadNodeId":"b"}"#,
    ] {
        let err = serde_json::from_str::<Node>(text).unwrap_err().to_string();
        assert!(err.starts_with("duplicate field `"), "{text}: {err}");
    }
    assert_eq!(
        serde_json::from_str::<Node>(r#"{"Name":"a","Name":"b"}"#)
            .unwrap_err()
            .to_string(),
        "duplicate field `Name` at line 1 column 23"
    );
}

#[test]
fn what_is_not_an_object_is_refused() {
    assert_eq!(
        serde_json::from_str::<Node>("[]").unwrap_err().to_string(),
        "invalid type: sequence, expected a Node object at line 1 column 0"
    );
    assert_eq!(
        serde_json::from_str::<Check>(r#""Partition""#).unwrap_err().to_string(),
        "invalid type: string \"Partition\", expected an object with a \"Kind\" field at line 1 column 11"
    );
    assert_eq!(
        serde_json::from_str::<Node>(r#"{"InstanceId":true}"#)
            .unwrap_err()
            .to_string(),
        "invalid type: boolean `true`, expected a 64-bit integer, as a number or a string at line 1 column 18"
    );
}

#[test]
fn values_built_in_code_write_only_what_was_set() {
    let node = Node {
        name: Some("n".into()),
        unknown_fields: UnknownFields::from(serde_json::Map::from_iter([("New".to_owned(), json!(1))])),
        ..Node::default()
    };
    assert_eq!(serde_json::to_string(&node).unwrap(), r#"{"Name":"n","New":1}"#);
    assert_eq!(serde_json::to_string(&Empty::default()).unwrap(), "{}");
    assert_eq!(
        serde_json::to_string(&Check::Seed(Empty::default())).unwrap(),
        r#"{"Kind":"Seed"}"#
    );
    let counts = Counts {
        total: 3,
        ok: None,
        by_kind: Some(BTreeMap::from([("Node".to_owned(), 2)])),
        unknown_fields: UnknownFields::new(),
    };
    assert_eq!(
        serde_json::to_string(&counts).unwrap(),
        r#"{"Total":3,"ByKind":{"Node":2}}"#
    );
}

#[test]
fn reading_from_a_value_and_from_a_reader_agree() {
    let text = r#"{"Phase":"x","Kind":"Partition","FaultDomain":"f"}"#;
    let from_text: Check = serde_json::from_str(text).unwrap();
    let from_value: Check = serde_json::from_value(serde_json::from_str(text).unwrap()).unwrap();
    let from_reader: Check = serde_json::from_reader(text.as_bytes()).unwrap();
    assert_eq!(from_text, from_value);
    assert_eq!(from_text, from_reader);
    let node_text = r#"{"Name":"\u006e","Extra":"\u0041"}"#;
    let node: Node = serde_json::from_str(node_text).unwrap();
    assert_eq!(serde_json::to_string(&node).unwrap(), r#"{"Name":"n","Extra":"A"}"#);
}
