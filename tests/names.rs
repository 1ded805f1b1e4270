//! The names group's models and operations against bodies as real gateways write them:
//! discriminators anywhere in an object, 64-bit numbers as numbers and as strings,
//! fields, values and kinds no spec lists, and "never" timestamps.
#![cfg(feature = "names")]

use fabric_rest::models::{
    Int64, PropertyBatchDescriptionList, PropertyBatchInfo, PropertyBatchOperation, PropertyInfo, PropertyValue,
    PropertyValueKind,
};
use fabric_rest::names::Properties;
use serde_json::{Value, json};

mod support;
use support::{lines, serve};

/// Reads `body` as `T`, writes it back, and checks that nothing changed.
fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(body: &Value) -> T {
    let read: T = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&read).unwrap(), body);
    read
}

#[test]
fn a_property_of_a_newer_gateway_is_kept_whole() {
    let body = json!({
        "Metadata": {
            "SequenceNumber": 9_007_199_254_740_993_i64,
            "TypeId": "Decimal128",
            "SizeInBytes": 16,
            "LastModifiedUtcTimestamp": "0001-01-01T00:00:00.000Z",
            "Replicated": true
        },
        "Value": {"Data": "1.5", "Precision": 34, "Kind": "Decimal128"},
        "Name": "Price",
        "Owner": "billing"
    });
    let property: PropertyInfo = round_trip(&body);
    assert_eq!(property.name, "Price");
    assert_eq!(property.unknown_fields["Owner"], "billing");
    let metadata = &property.metadata;
    assert_eq!(metadata.sequence_number.map(Int64::get), Some(9_007_199_254_740_993));
    assert!(matches!(&metadata.type_id, Some(PropertyValueKind::Unknown(kind)) if kind.as_str() == "Decimal128"));
    assert_eq!(metadata.unknown_fields["Replicated"], true);
    let never = metadata.last_modified_utc_timestamp.as_ref().unwrap();
    assert_eq!(never.to_system_time(), None);
    let value = property.value.as_ref().unwrap();
    assert_eq!(value.kind(), "Decimal128");
    assert!(matches!(value, PropertyValue::Unknown(object) if object["Precision"] == 34));
}

#[test]
fn sequence_numbers_keep_their_form_and_kinds_may_come_last() {
    let quoted = json!({"Name": "a", "Metadata": {"SequenceNumber": "9223372036854775807"},
        "Value": {"Data": "-9223372036854775808", "Kind": "Int64"}});
    let property: PropertyInfo = round_trip(&quoted);
    assert_eq!(property.metadata.sequence_number, Some(Int64::new(i64::MAX)));
    assert_eq!(property.value, Some(PropertyValue::int64(i64::MIN)));
    // The discriminator is written first, whatever its place on arrival.
    assert_eq!(
        serde_json::to_string(&property.value).unwrap(),
        r#"{"Kind":"Int64","Data":"-9223372036854775808"}"#
    );

    let number = json!({"Name": "a", "Metadata": {"SequenceNumber": 9_007_199_254_740_993_i64}});
    let property: PropertyInfo = round_trip(&number);
    let sequence = property.metadata.sequence_number.unwrap();
    assert_eq!((sequence.get(), sequence.is_quoted()), (9_007_199_254_740_993, false));
}

#[test]
fn batch_operations_and_answers_of_unknown_kinds_are_kept() {
    let batch = json!({"Operations": [
        {"PropertyName": "a", "Kind": "CheckExists", "Exists": false},
        {"Kind": "Rename", "PropertyName": "a", "NewName": "b"},
        {"SequenceNumber": 18_446_744_073_709_551_i64, "PropertyName": "a", "Kind": "CheckSequence"}
    ]});
    let read: PropertyBatchDescriptionList = round_trip(&batch);
    let operations = read.operations.as_deref().unwrap();
    assert_eq!(operations[0], PropertyBatchOperation::check_exists("a", false));
    assert!(matches!(&operations[1], PropertyBatchOperation::Unknown(object) if object["NewName"] == "b"));
    let PropertyBatchOperation::CheckSequence(check) = &operations[2] else {
        panic!("{:?}", operations[2])
    };
    assert_eq!(check.sequence_number, Int64::number(18_446_744_073_709_551));

    let answer = json!({"OperationIndex": 2, "Kind": "PartlyFailed", "Failures": [2]});
    let info: PropertyBatchInfo = round_trip(&answer);
    assert_eq!(info.kind(), "PartlyFailed");
    let failed = json!({"OperationIndex": 0, "ErrorMessage": "FABRIC_E_PROPERTY_DOES_NOT_EXIST", "Kind": "Failed"});
    let info: PropertyBatchInfo = round_trip(&failed);
    assert!(matches!(&info, PropertyBatchInfo::Failed(failure) if failure.operation_index == Some(0)));
}

#[test]
fn a_double_that_json_cannot_carry_is_refused() {
    assert!(PropertyValue::double(f64::INFINITY).is_none());
    assert!(PropertyValue::double(f64::NAN).is_none());
    let value = PropertyValue::double(-0.25).unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"Kind":"Double","Data":-0.25}"#
    );
}

/// A 409 whose body is not a batch answer (a proxy's page) is a decode error that names
/// the operation, not a success.
#[tokio::test]
async fn a_409_that_is_no_batch_answer_is_an_error() {
    fn answer(_: &str) -> (u16, String) {
        (409, "<html>conflict</html>".to_owned())
    }
    let (client, seen) = serve(answer).await;
    let error = client
        .submit_property_batch("samples/apps", &PropertyBatchDescriptionList::new([]), None)
        .await
        .unwrap_err();
    assert!(error.is_decode(), "{error}");
    assert_eq!(error.operation(), Some("SubmitPropertyBatch"));
    assert_eq!(
        lines(&seen),
        ["POST /Names/samples%2Fapps/$/GetProperties/$/SubmitBatch?api-version=6.0 HTTP/1.1"]
    );
    assert_eq!(seen.lock().unwrap()[0].1, br#"{"Operations":[]}"#);
}
