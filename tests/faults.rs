//! The faults group's models against bodies as real gateways write them: states and kinds
//! no spec lists, instance ids as numbers above 2^53 and as strings, fields no spec lists.
#![cfg(feature = "faults")]

use std::time::Duration;

use fabric_rest::models::{
    FaultDuration, Int64, NodeTransitionProgress, OperationId, OperationState, OperationStatus, OperationType,
    PartitionDataLossProgress,
};
use serde_json::{Value, json};

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(body: &Value) -> T {
    let read: T = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&read).unwrap(), body);
    read
}

#[test]
fn progress_of_a_newer_gateway_is_kept_whole() {
    let body = json!({
        "NodeTransitionResult": {
            "NodeResult": {"NodeInstanceId": 9_007_199_254_740_993_i64, "NodeName": "N1", "Domain": "fd:/1"},
            "ErrorCode": -2_147_017_731_i64
        },
        "State": "Pausing",
        "Elapsed": "PT1M"
    });
    let progress: NodeTransitionProgress = round_trip(&body);
    let state = progress.state.as_ref().unwrap();
    assert!(matches!(state, OperationState::Unknown(value) if value.as_str() == "Pausing"));
    assert!(!state.is_final(), "an unknown state is not taken as final");
    let result = progress.node_transition_result.as_ref().unwrap();
    assert_eq!(result.error_code, Some(-2_147_017_731));
    let node = result.node_result.as_ref().unwrap();
    assert_eq!(node.node_instance_id, Some(Int64::number(9_007_199_254_740_993)));
    assert_eq!(node.unknown_fields["Domain"], "fd:/1");
    assert_eq!(progress.unknown_fields["Elapsed"], "PT1M");

    let running: PartitionDataLossProgress = round_trip(&json!({"State": "RollingBack"}));
    assert_eq!(running.state, Some(OperationState::RollingBack));
    assert!(!OperationState::RollingBack.is_final());
    for state in [
        OperationState::Completed,
        OperationState::Faulted,
        OperationState::Cancelled,
        OperationState::ForceCancelled,
    ] {
        assert!(state.is_final(), "{state}");
    }
    assert!(!OperationState::Invalid.is_final());
}

#[test]
fn operations_of_an_unknown_type_are_kept() {
    let body = json!([
        {"Type": "NodeRestart", "State": "Completed", "OperationId": "88EF90F9-0B94-46B0-B817-A6EA20C07F8A"},
    ]);
    let read: Vec<OperationStatus> = serde_json::from_value(body).unwrap();
    assert!(matches!(&read[0].operation_type, Some(OperationType::Unknown(kind)) if kind.as_str() == "NodeRestart"));
    let id = read[0].operation_id.unwrap();
    assert_eq!(
        id,
        "88ef90f9-0b94-46b0-b817-a6ea20c07f8a".parse::<OperationId>().unwrap()
    );
    // Written back in the gateway's lowercase form.
    assert_eq!(
        serde_json::to_value(&read).unwrap()[0]["OperationId"],
        "88ef90f9-0b94-46b0-b817-a6ea20c07f8a"
    );
    let error = serde_json::from_value::<OperationStatus>(json!({"OperationId": "not-a-guid"})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"not-a-guid\" is not a GUID such as \"7216486c-1ee9-4b00-99b2-92b26fcb07f5\""
    );
}

#[test]
fn fault_durations_stay_within_the_gateways_32_bits() {
    assert_eq!(FaultDuration::MAX.as_secs(), 2_147_483_647);
    assert_eq!(FaultDuration::from_secs(2_147_483_647), Ok(FaultDuration::MAX));
    let error = FaultDuration::try_from(Duration::from_secs(2_147_483_648)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a fault lasts at most 2147483647 seconds; 2147483648 seconds is too long"
    );
    assert!(FaultDuration::from_secs(u64::MAX).is_err());
    assert_eq!(Duration::from(FaultDuration::seconds::<90>()), Duration::from_secs(90));
}
