//! The spec's examples of the property management operations (`/Names`), sent and decoded
//! through the declared methods against a loopback server: each request line and body the
//! server saw, and each answer written back unchanged.
#![cfg(feature = "names")]

use fabric_rest::models::{
    Int64, NameDescription, PagedPropertyInfoList, PropertyBatchDescriptionList, PropertyBatchInfo,
    PropertyBatchOperation, PropertyDescription, PropertyValue, PropertyValueKind,
};
use fabric_rest::names::{Names, Properties};
use fabric_rest::{ErrorKind, FabricErrorCode, StatusCode};
use futures_util::StreamExt;
use serde_json::json;

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{
    Example, assert_round_trip, bounded, read_back, sent_json, sent_text, serve_empty, serve_example, serve_json,
};
use support::{lines, serve};

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

#[tokio::test]
async fn create_name() {
    bounded(async {
        let example = example!("CreateName-1.json");
        assert_eq!(example.statuses(), ["201"]);
        let description = NameDescription::new("fabric:/samples/CalculatorApp/CalculatorService/Name-1");
        assert_eq!(
            read_back::<NameDescription>(example.param("NameDescription")),
            description
        );
        let (client, seen) = serve_empty(201).await;
        client.create_name(&description, None).await.unwrap();
        assert_eq!(lines(&seen), ["POST /Names/$/Create?api-version=6.0 HTTP/1.1"]);
        assert_eq!(&sent_json(&seen, 0), example.param("NameDescription"));

        // 201 is the only success: a 200 is an answer this operation does not give.
        let (client, _) = serve_empty(200).await;
        let error = client.create_name(&description, None).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Status);
        assert_eq!(error.status(), Some(StatusCode::OK));
    })
    .await;
}

#[tokio::test]
async fn get_name_exists_info_and_name_exists() {
    bounded(async {
        let example = example!("GetNameExistsInfo.json");
        let name = example.param_str("nameId");
        let (client, seen) = serve_empty(200).await;
        client.get_name_exists_info(name, None).await.unwrap();
        assert!(client.name_exists(name, None).await.unwrap());
        assert_eq!(
            lines(&seen),
            [
                "GET /Names/someAPp?api-version=6.0 HTTP/1.1",
                "GET /Names/someAPp?api-version=6.0 HTTP/1.1"
            ]
        );

        fn missing(_: &str) -> (u16, String) {
            let body = r#"{"Error":{"Code":"FABRIC_E_NAME_DOES_NOT_EXIST","Message":"Name does not exist."}}"#;
            (404, body.to_owned())
        }
        let (client, _) = serve(missing).await;
        assert!(!client.name_exists("samples/gone", None).await.unwrap());
        let error = client.get_name_exists_info("samples/gone", None).await.unwrap_err();
        assert_eq!(error.code(), Some(&FabricErrorCode::FABRIC_E_NAME_DOES_NOT_EXIST));

        // Any other failure stays an error.
        fn denied(_: &str) -> (u16, String) {
            (
                403,
                r#"{"Error":{"Code":"E_ACCESSDENIED","Message":"Access denied."}}"#.to_owned(),
            )
        }
        let (client, _) = serve(denied).await;
        let error = client.name_exists("samples/apps", None).await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
        assert_eq!(error.code(), Some(&FabricErrorCode::E_ACCESSDENIED));
    })
    .await;
}

#[tokio::test]
async fn delete_name_and_delete_property() {
    bounded(async {
        let name = example!("DeleteName.json");
        let property = example!("DeleteProperty.json");
        let (client, seen) = serve_empty(200).await;
        client.delete_name(name.param_str("nameId"), None).await.unwrap();
        client
            .delete_property(property.param_str("nameId"), property.param_str("PropertyName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [
                "DELETE /Names/someApp?api-version=6.0 HTTP/1.1",
                "DELETE /Names/someApp/$/GetProperty?api-version=6.0&PropertyName=someProperty HTTP/1.1",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn get_sub_name_info_list() {
    bounded(async {
        for (file, recursive, token, line) in [
            (
                example!("GetSubNameInfoList-1.json"),
                None,
                None,
                "GET /Names/samples/$/GetSubNames?api-version=6.0 HTTP/1.1",
            ),
            (
                example!("GetSubNameInfoList-2.json"),
                Some(true),
                None,
                "GET /Names/samples/$/GetSubNames?api-version=6.0&Recursive=true HTTP/1.1",
            ),
            (
                example!("GetSubNameInfoList-3.json"),
                Some(true),
                Some("fabric:/samples/apps/PersistentQueueApp$131439231986491349"),
                "GET /Names/samples/$/GetSubNames?api-version=6.0&Recursive=true&ContinuationToken=fabric%3A%2Fsamples%2Fapps%2FPersistentQueueApp%24131439231986491349 HTTP/1.1",
            ),
        ] {
            assert_eq!(file.json["parameters"].get("Recursive").and_then(|r| r.as_bool()), recursive);
            assert_eq!(
                file.json["parameters"].get("ContinuationToken").and_then(|t| t.as_str()),
                token
            );
            let (client, seen) = serve_example(&file).await;
            let page = client
                .get_sub_name_info_list(file.param_str("nameId"), recursive, token, None)
                .await
                .unwrap();
            assert_eq!(lines(&seen), [line]);
            assert_eq!(page.is_consistent, Some(true));
            assert_eq!(page.continuation_token.as_deref(), Some(""));
            assert_round_trip(&page, file.body());
        }
    })
    .await;
}

#[tokio::test]
async fn get_property_info_list() {
    bounded(async {
        let first = example!("GetPropertyInfoList-1.json");
        let (client, seen) = serve_example(&first).await;
        let page = client
            .get_property_info_list(first.param_str("nameId"), None, None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Names/samples%2Fapps/$/GetProperties?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(
            page.continuation_token.as_deref(),
            Some("PersistentQueueAppData$131439231986491349")
        );
        let properties = page.properties.as_deref().unwrap();
        assert!(properties.iter().all(|property| property.value.is_none()));
        assert_eq!(properties[0].metadata.type_id, Some(PropertyValueKind::Int64));
        assert_eq!(properties[1].metadata.sequence_number, Some(Int64::new(12)));
        assert_round_trip(&page, first.body());

        let values = example!("GetPropertyInfoList-2.json");
        let (client, seen) = serve_example(&values).await;
        let page = client
            .get_property_info_list(values.param_str("nameId"), Some(true), None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Names/samples%2Fapps/$/GetProperties?api-version=6.0&IncludeValues=true HTTP/1.1"]
        );
        let properties = page.properties.as_deref().unwrap();
        assert_eq!(properties[0].value, Some(PropertyValue::int64(4534)));
        assert_eq!(properties[1].value, Some(PropertyValue::binary([6, 7, 8, 9, 10])));
        assert_round_trip(&page, values.body());

        let next = example!("GetPropertyInfoList-3.json");
        let (client, seen) = serve_example(&next).await;
        let page: PagedPropertyInfoList = client
            .get_property_info_list(
                next.param_str("nameId"),
                Some(true),
                Some(next.param_str("ContinuationToken")),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Names/samples%2Fapps/$/GetProperties?api-version=6.0&IncludeValues=true&ContinuationToken=PersistentQueueAppData%24131439231986491349 HTTP/1.1"]
        );
        let value = page.properties.as_deref().unwrap()[0].value.as_ref().unwrap();
        assert_eq!(value, &PropertyValue::double(67.89).unwrap());
        assert_round_trip(&page, next.body());
    })
    .await;
}

#[tokio::test]
async fn put_property() {
    bounded(async {
        for (file, property, body) in [
            (
                example!("PutProperty-1.json"),
                PropertyDescription::new("AppData", PropertyValue::binary([0, 1, 2, 3, 4, 5])),
                r#"{"PropertyName":"AppData","Value":{"Kind":"Binary","Data":[0,1,2,3,4,5]}}"#,
            ),
            (
                example!("PutProperty-2.json"),
                PropertyDescription::new("AppData", PropertyValue::string("1+2=3")).with_custom_type_id("EquationType"),
                r#"{"PropertyName":"AppData","CustomTypeId":"EquationType","Value":{"Kind":"String","Data":"1+2=3"}}"#,
            ),
        ] {
            assert_eq!(
                read_back::<PropertyDescription>(file.param("PropertyDescription")),
                property
            );
            let (client, seen) = serve_empty(200).await;
            client
                .put_property(file.param_str("nameId"), &property, None)
                .await
                .unwrap();
            assert_eq!(
                lines(&seen),
                ["PUT /Names/samples%2Fapps%2FCalculatorApp/$/GetProperty?api-version=6.0 HTTP/1.1"]
            );
            assert_eq!(sent_text(&seen, 0), body);
            assert_eq!(&sent_json(&seen, 0), file.param("PropertyDescription"));
        }
    })
    .await;
}

#[tokio::test]
async fn get_property_info() {
    bounded(async {
        let example = example!("GetPropertyInfo-1.json");
        let (client, seen) = serve_example(&example).await;
        let property = client
            .get_property_info(example.param_str("nameId"), example.param_str("PropertyName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Names/samples%2Fapps/$/GetProperty?api-version=6.0&PropertyName=AppData HTTP/1.1"]
        );
        assert_eq!(property.name, "CalculatorAppData");
        assert_eq!(property.value, Some(PropertyValue::string("1+2=3")));
        assert_eq!(property.metadata.custom_type_id.as_deref(), Some("EquationType"));
        assert_round_trip(&property, example.body());
    })
    .await;
}

#[tokio::test]
async fn submit_property_batch_answers_both_halves() {
    bounded(async {
        let example = example!("SubmitPropertyBatch-1.json");
        let batch = PropertyBatchDescriptionList::new([
            PropertyBatchOperation::check_exists("PersistentQueueAppData", true),
            PropertyBatchOperation::check_sequence("PersistentQueueAppData", 12),
            PropertyBatchOperation::put_with_custom_type(
                "PersistentQueueAppData",
                PropertyValue::binary([1, 2, 3, 4, 5]),
                "InitializationData",
            ),
            PropertyBatchOperation::get("PersistentQueueAppData", false),
        ]);
        let request = example.param("PropertyBatchDescriptionList");
        assert_eq!(read_back::<PropertyBatchDescriptionList>(request), batch);

        let (client, seen) = serve_json(200, example.body_of(200)).await;
        let answer = client
            .submit_property_batch(example.param_str("nameId"), &batch, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["POST /Names/samples%2Fapps/$/GetProperties/$/SubmitBatch?api-version=6.0 HTTP/1.1"]
        );
        assert_eq!(&sent_json(&seen, 0), request);
        let PropertyBatchInfo::Successful(success) = &answer else {
            panic!("a committed batch: {answer:?}")
        };
        let read = &success.properties.as_ref().unwrap()["3"];
        assert_eq!(read.metadata.sequence_number, Some(Int64::new(13)));
        assert_round_trip(&answer, example.body_of(200));

        // A failed check is the 409 answer, decoded, not an error.
        let (client, _) = serve_json(409, example.body_of(409)).await;
        let answer = client
            .submit_property_batch(example.param_str("nameId"), &batch, None)
            .await
            .unwrap();
        let PropertyBatchInfo::Failed(failure) = &answer else {
            panic!("a failed batch: {answer:?}")
        };
        assert_eq!(failure.operation_index, Some(1));
        assert_eq!(failure.error_message.as_deref(), Some("FABRIC_E_PROPERTY_CHECK_FAILED"));
        assert_round_trip(&answer, example.body_of(409));
    })
    .await;
}

/// The second example misspells `Exists` as `Exits` in its request: as a body the model
/// refuses it by the field's name. Its failed answer is listed under 200, and reads
/// the same under the 409 the gateway sends it with.
#[tokio::test]
async fn submit_property_batch_second_example() {
    bounded(async {
        let example = example!("SubmitPropertyBatch-2.json");
        let request = example.param("PropertyBatchDescriptionList");
        let error = serde_json::from_value::<PropertyBatchDescriptionList>(request.clone()).unwrap_err();
        assert_eq!(error.to_string(), "missing field `Exists`");
        let mut fixed = request.clone();
        fixed["Operations"][0] =
            json!({"Kind": "CheckExists", "PropertyName": "PersistentQueueAppData", "Exists": true});
        let batch: PropertyBatchDescriptionList = read_back(&fixed);
        assert_eq!(
            batch,
            PropertyBatchDescriptionList::new([
                PropertyBatchOperation::check_exists("PersistentQueueAppData", true),
                PropertyBatchOperation::check_value(
                    "PersistentQueueAppData",
                    PropertyValue::binary([10, 11, 12, 13, 14, 15])
                ),
                PropertyBatchOperation::delete("PersistentQueueAppData"),
            ])
        );
        let (client, _) = serve_json(409, example.body()).await;
        let answer = client
            .submit_property_batch("samples/apps", &batch, None)
            .await
            .unwrap();
        assert!(matches!(&answer, PropertyBatchInfo::Failed(failure) if failure.operation_index == Some(1)));
        assert_round_trip(&answer, example.body());
    })
    .await;
}

/// `sub_names` and `properties` follow the continuation token across pages.
#[tokio::test]
async fn streams_follow_the_pages() {
    fn answer(target: &str) -> (u16, String) {
        let token = target
            .split_once("ContinuationToken=")
            .map(|(_, rest)| rest.split('&').next().unwrap());
        let body = match (target.contains("GetSubNames"), token) {
            (true, None) => json!({"ContinuationToken": "n$1", "SubNames": ["fabric:/a", "fabric:/b"]}),
            (true, Some("n%241")) => json!({"ContinuationToken": "", "SubNames": ["fabric:/c"]}),
            (false, None) => json!({"ContinuationToken": "p$1", "Properties": [
                {"Name": "one", "Metadata": {"TypeId": "String"}}]}),
            (false, Some("p%241")) => json!({"Properties": [
                {"Name": "two", "Metadata": {"TypeId": "Guid"}, "Value": {"Kind": "Guid", "Data": "e3b5a4a0-53a8-4c8d-9c16-6ad4d0e1a9a2"}}]}),
            other => return (500, format!("unexpected {other:?}")),
        };
        (200, body.to_string())
    }
    bounded(async {
        let (client, seen) = serve(answer).await;
        let names: Vec<String> = client
            .sub_names("samples", Some(true), None)
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(names, ["fabric:/a", "fabric:/b", "fabric:/c"]);
        let properties: Vec<_> = client
            .properties("samples", Some(true), None)
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(properties.len(), 2);
        assert_eq!(
            properties[1].value,
            Some(PropertyValue::guid("e3b5a4a0-53a8-4c8d-9c16-6ad4d0e1a9a2"))
        );
        assert_eq!(
            lines(&seen),
            [
                "GET /Names/samples/$/GetSubNames?api-version=6.0&Recursive=true HTTP/1.1",
                "GET /Names/samples/$/GetSubNames?api-version=6.0&Recursive=true&ContinuationToken=n%241 HTTP/1.1",
                "GET /Names/samples/$/GetProperties?api-version=6.0&IncludeValues=true HTTP/1.1",
                "GET /Names/samples/$/GetProperties?api-version=6.0&IncludeValues=true&ContinuationToken=p%241 HTTP/1.1",
            ]
        );
    })
    .await;
}
