//! The library's own models keep everything a gateway sends: fields they do not model, at
//! the top and nested, unknown kinds and enum values, and the form of every number.

use fabric_rest_models::{HealthInformation, Int64, NodeInfo, NodeStatus, SafetyCheck};
use serde_json::{Value, json};

/// A node as a gateway newer than the spec writes it: a field no spec lists at the top, one
/// in a nested object, a safety check of a kind no spec lists, the discriminator of a known
/// one last, a status no spec lists, and an instance id above 2^53 as a number.
const NEWER_NODE: &str = concat!(
    r#"{"Name":"_Node_0","NodeStatus":"Hibernating","InstanceId":9007199254740993,"#,
    r#""NodeUpTimeInSeconds":"698803","#,
    r#""NodeDeactivationInfo":{"NodeDeactivationStatus":"None","PendingSafetyChecks":["#,
    r#"{"SafetyCheck":{"Kind":"WaitForMoon","Phase":3}},"#,
    r#"{"SafetyCheck":{"PartitionId":"p1","Retries":2,"Kind":"EnsureAvailability"}}],"#,
    r#""DeactivationReason":"Repair"},"#,
    r#""IsNodeByNode":true}"#
);

#[test]
fn a_newer_gateways_node_is_read_and_written_back_whole() {
    let node: NodeInfo = serde_json::from_str(NEWER_NODE).unwrap();
    assert!(matches!(&node.node_status, Some(NodeStatus::Unknown(status)) if status.as_str() == "Hibernating"));
    assert_eq!(node.instance_id.map(Int64::get), Some(9_007_199_254_740_993));
    assert_eq!(node.node_up_time_in_seconds, Some(Int64::new(698_803)));
    assert_eq!(node.unknown_fields["IsNodeByNode"], json!(true));
    let deactivation = node.node_deactivation_info.as_ref().unwrap();
    assert_eq!(deactivation.unknown_fields["DeactivationReason"], json!("Repair"));
    let checks = deactivation.pending_safety_checks.as_ref().unwrap();
    assert!(matches!(&checks[0].safety_check, SafetyCheck::Unknown(object) if object["Phase"] == 3));
    assert_eq!(checks[0].safety_check.kind(), "WaitForMoon");
    let SafetyCheck::EnsureAvailability(partition) = &checks[1].safety_check else {
        panic!("a known kind: {:?}", checks[1].safety_check)
    };
    assert_eq!(partition.partition_id.as_deref(), Some("p1"));
    assert_eq!(partition.unknown_fields.len(), 1);
    assert_eq!(partition.unknown_fields["Retries"], json!(2));

    // Written back: every field that arrived, numbers as numbers and strings as strings;
    // known fields in declaration order, then the unknown ones; the discriminator first.
    let written = serde_json::to_string(&node).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&written).unwrap(),
        serde_json::from_str::<Value>(NEWER_NODE).unwrap()
    );
    assert!(written.contains(r#""InstanceId":9007199254740993"#), "{written}");
    assert!(written.contains(r#""NodeUpTimeInSeconds":"698803""#), "{written}");
    assert!(
        written.contains(r#"{"Kind":"EnsureAvailability","PartitionId":"p1","Retries":2}"#),
        "{written}"
    );
    assert!(written.ends_with(r#""IsNodeByNode":true}"#), "{written}");
}

#[test]
fn a_missing_required_field_is_named_by_its_wire_name() {
    let err = serde_json::from_str::<HealthInformation>(r#"{"SourceId":"W","HealthState":"Ok"}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `Property` at line 1 column 35");
    let err =
        serde_json::from_str::<HealthInformation>(r#"{"SourceId":"W","Property":"P","HealthState":null}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `HealthState` at line 1 column 50");
}
