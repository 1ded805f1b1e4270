//! The gateway's reading of the bodies of the configuration-upgrade operations.
//!
//! The gateway reads the body into its model before anything else happens, with the
//! lenient reader of [`crate::lenient`]; a body it cannot read (not JSON, an object where
//! a string belongs, a malformed duration) is an invalid argument, and so is a value the
//! service behind it refuses (an empty `ClusterConfig`, a percentage above 100).

use crate::duration;
use crate::lenient::{self, Invalid, Json, boolean, field, integer, object, string};

const DURATIONS: [&str; 5] = [
    "HealthCheckRetryTimeout",
    "HealthCheckWaitDurationInSeconds",
    "HealthCheckStableDurationInSeconds",
    "UpgradeDomainTimeoutInSeconds",
    "UpgradeTimeoutInSeconds",
];

const PERCENTAGES: [&str; 4] = [
    "MaxPercentUnhealthyApplications",
    "MaxPercentUnhealthyNodes",
    "MaxPercentDeltaUnhealthyNodes",
    "MaxPercentUpgradeDomainDeltaUnhealthyNodes",
];

const SERVICE_TYPE_PERCENTAGES: [&str; 3] = [
    "MaxPercentUnhealthyPartitionsPerService",
    "MaxPercentUnhealthyReplicasPerPartition",
    "MaxPercentUnhealthyServices",
];

/// The root object of `body`.
fn root(body: &[u8]) -> Result<Vec<(String, Json)>, Invalid> {
    match Json::read(body).ok_or("body is not JSON")? {
        Json::Object(entries) => Ok(entries),
        _ => Err("body is not a JSON object"),
    }
}

/// Reads the body of a StartClusterConfigurationUpgrade request and returns its
/// `ClusterConfig` string.
pub(crate) fn cluster_config(body: &[u8]) -> Result<String, Invalid> {
    let entries = root(body)?;
    let config = field(&entries, "ClusterConfig", string)?.ok_or("ClusterConfig is missing")?;
    for name in DURATIONS {
        field(&entries, name, duration_field)?;
    }
    percentages(&entries, &PERCENTAGES)?;
    if let Some(policies) = field(&entries, "ApplicationHealthPolicies", object)?
        && let Some(map) = field(policies, "ApplicationHealthPolicyMap", key_value_array)?
    {
        for value in map {
            application_health_policy(&value)?;
        }
    }
    Ok(config)
}

/// Reads the body of SetUpgradeOrchestrationServiceState: its `ServiceState`, if given.
pub(crate) fn service_state(body: &[u8]) -> Result<Option<String>, Invalid> {
    field(&root(body)?, "ServiceState", string)
}

fn duration_field(json: &Json) -> Result<Option<()>, Invalid> {
    match string(json)? {
        Some(text) if duration::is_valid(&text) => Ok(Some(())),
        Some(_) => Err("malformed duration"),
        None => Ok(None),
    }
}

fn percentages(entries: &[(String, Json)], names: &[&str]) -> Result<(), Invalid> {
    for name in names {
        if field(entries, name, integer)?.is_some_and(|p| !(0..=100).contains(&p)) {
            return Err("percentage is not from 0 to 100");
        }
    }
    Ok(())
}

fn application_health_policy(value: &Json) -> Result<(), Invalid> {
    let Some(entries) = object(value)? else {
        return Ok(());
    };
    field(entries, "ConsiderWarningAsError", boolean)?;
    percentages(entries, &["MaxPercentUnhealthyDeployedApplications"])?;
    if let Some(policy) = field(entries, "DefaultServiceTypeHealthPolicy", object)? {
        percentages(policy, &SERVICE_TYPE_PERCENTAGES)?;
    }
    if let Some(map) = field(entries, "ServiceTypeHealthPolicyMap", key_value_array)? {
        for value in map {
            if let Some(policy) = object(&value)? {
                percentages(policy, &SERVICE_TYPE_PERCENTAGES)?;
            }
        }
    }
    Ok(())
}

/// Maps travel as `[{"Key": "...", "Value": ...}]`; the values, when every entry has a
/// key. A JSON object in their place is refused, which is the mistake a client
/// serializing a map naively makes.
fn key_value_array(json: &Json) -> Result<Option<Vec<Json>>, Invalid> {
    let items = match json {
        Json::Null => return Ok(None),
        Json::Array(items) => items,
        _ => return Err("map is not a Key/Value array"),
    };
    let mut values = Vec::new();
    for item in items {
        let entry = lenient::object(item)?.ok_or("map entry is null")?;
        field(entry, "Key", string)?.ok_or("map entry has no Key")?;
        values.push(field(entry, "Value", |v| Ok(Some(v.clone())))?.ok_or("map entry has no Value")?);
    }
    Ok(Some(values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn check(body: Value) -> Result<String, Invalid> {
        cluster_config(body.to_string().as_bytes())
    }

    #[test]
    fn reads_a_full_description() {
        let body = json!({
            "ClusterConfig": "{}",
            "HealthCheckRetryTimeout": "PT0H10M0S",
            "HealthCheckWaitDurationInSeconds": "PT0S",
            "HealthCheckStableDurationInSeconds": "5000",
            "UpgradeDomainTimeoutInSeconds": "P1DT2H",
            "UpgradeTimeoutInSeconds": null,
            "MaxPercentUnhealthyApplications": 0,
            "MaxPercentUnhealthyNodes": 100,
            "MaxPercentDeltaUnhealthyNodes": 10,
            "MaxPercentUpgradeDomainDeltaUnhealthyNodes": 20,
            "SomethingNew": [1, 2],
            "ApplicationHealthPolicies": {"ApplicationHealthPolicyMap": [{
                "Key": "fabric:/samples/CalculatorApp",
                "Value": {
                    "ConsiderWarningAsError": true,
                    "MaxPercentUnhealthyDeployedApplications": 10,
                    "DefaultServiceTypeHealthPolicy": {
                        "MaxPercentUnhealthyPartitionsPerService": 0,
                        "MaxPercentUnhealthyReplicasPerPartition": 0,
                        "MaxPercentUnhealthyServices": 0
                    },
                    "ServiceTypeHealthPolicyMap": [{
                        "Key": "Svc1Type",
                        "Value": {"MaxPercentUnhealthyServices": 10}
                    }]
                }
            }]}
        });
        assert_eq!(check(body), Ok("{}".to_owned()));
    }

    #[test]
    fn reads_leniently_like_the_gateway() {
        let lenient = [
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": 50.5}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": "10"}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": "ten"}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": ""}),
            json!({"ClusterConfig": "{}", "UpgradeTimeoutInSeconds": 600}),
            json!({"ClusterConfig": "{}", "UpgradeTimeoutInSeconds": ""}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies": null}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies": {"ApplicationHealthPolicyMap":
                [{"Key": "a", "Value": {"ConsiderWarningAsError": "true"}}]}}),
        ];
        for body in lenient {
            assert_eq!(check(body.clone()), Ok("{}".to_owned()), "{body}");
        }
        assert_eq!(check(json!({"ClusterConfig": 12})), Ok("12".to_owned()));
        let trailing = br#"{"ClusterConfig": "{}"} whatever comes after"#;
        assert_eq!(cluster_config(trailing), Ok("{}".to_owned()));
    }

    #[test]
    fn refuses_what_the_model_cannot_hold() {
        let bad = [
            json!({}),
            json!({"ClusterConfig": null}),
            json!({"ClusterConfig": ""}),
            json!({"ClusterConfig": {"name": "x"}}),
            json!({"clusterConfig": "{}"}),
            json!(["ClusterConfig"]),
            json!({"ClusterConfig": "{}", "HealthCheckRetryTimeout": "P0D"}),
            json!({"ClusterConfig": "{}", "HealthCheckRetryTimeout": true}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": 101}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": -1}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": "101"}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": [10]}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies": []}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": {"fabric:/App": {}}}}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": [{"Key": "fabric:/App"}]}}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": [{"Key": [1], "Value": {}}]}}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": [{"Key": "a", "Value":
                    {"ConsiderWarningAsError": "yes"}}]}}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": [{"Key": "a", "Value":
                    {"ServiceTypeHealthPolicyMap": [{"Key": "t", "Value":
                        {"MaxPercentUnhealthyServices": 1000}}]}}]}}),
        ];
        for body in bad {
            assert!(check(body.clone()).is_err(), "{body}");
        }
    }

    #[test]
    fn repeated_keys_are_each_read() {
        let last_wins = br#"{"ClusterConfig": "{\"a\":1}", "ClusterConfig": "{}"}"#;
        assert_eq!(cluster_config(last_wins), Ok("{}".to_owned()));
        let first_fails =
            br#"{"ClusterConfig": "{}", "HealthCheckRetryTimeout": "P0D", "HealthCheckRetryTimeout": "PT0S"}"#;
        assert!(cluster_config(first_fails).is_err());
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        for body in [
            &b""[..],
            b"\xff\xfe",
            b"{\"ClusterConfig\": \"\xff\"}",
            b"{\"ClusterConfig\": \"{}\", \"MaxPercentUnhealthyNodes\": 1e400}",
            b"{\"ClusterConfig\": \"{}\", \"MaxPercentUnhealthyNodes\": 99999999999999999999999}",
            b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ] {
            assert!(cluster_config(body).is_err());
        }
    }

    #[test]
    fn service_state_reads_a_string_or_a_number() {
        assert_eq!(
            service_state(br#"{"ServiceState": "blob"}"#),
            Ok(Some("blob".to_owned()))
        );
        assert_eq!(service_state(br#"{"ServiceState": 7}"#), Ok(Some("7".to_owned())));
        assert_eq!(service_state(br#"{"Other": 1}"#), Ok(None));
        assert!(service_state(br#"{"ServiceState": {}}"#).is_err());
    }
}
