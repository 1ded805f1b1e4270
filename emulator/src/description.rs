//! The gateway's reading of a `ClusterConfigurationUpgradeDescription` body.
//!
//! The gateway deserializes the body into its model before anything else happens; a body
//! it cannot read (not JSON, a field of the wrong type, a malformed duration, a percentage
//! that does not fit) is an invalid argument. Unknown fields are ignored and `null` counts
//! as absent, as with the server's JSON reader.

use serde_json::{Map, Value};

use crate::duration;

/// Why a body was refused; the gateway reports every case as `E_INVALIDARG`, the text only
/// helps someone reading the emulator's code or tests.
pub(crate) type Invalid = &'static str;

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

/// Reads the body of a StartClusterConfigurationUpgrade request and returns its
/// `ClusterConfig` string.
pub(crate) fn cluster_config(body: &[u8]) -> Result<String, Invalid> {
    let value: Value = serde_json::from_slice(body).map_err(|_| "body is not JSON")?;
    let object = value.as_object().ok_or("body is not a JSON object")?;
    let config = match object.get("ClusterConfig") {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => return Err("ClusterConfig is missing"),
        Some(_) => return Err("ClusterConfig is not a string"),
    };
    for name in DURATIONS {
        match present(object, name) {
            None => {}
            Some(Value::String(text)) if duration::is_valid(text) => {}
            Some(_) => return Err("malformed duration"),
        }
    }
    percentages(object, &PERCENTAGES)?;
    if let Some(policies) = present(object, "ApplicationHealthPolicies") {
        application_health_policies(policies)?;
    }
    Ok(config)
}

/// The field `name` unless it is missing or `null`.
fn present<'a>(object: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    object.get(name).filter(|v| !v.is_null())
}

fn percentages(object: &Map<String, Value>, names: &[&str]) -> Result<(), Invalid> {
    for name in names {
        if let Some(value) = present(object, name)
            && value.as_u64().is_none_or(|p| p > 100)
        {
            return Err("percentage is not an integer from 0 to 100");
        }
    }
    Ok(())
}

fn application_health_policies(value: &Value) -> Result<(), Invalid> {
    let object = value.as_object().ok_or("ApplicationHealthPolicies is not an object")?;
    if let Some(map) = present(object, "ApplicationHealthPolicyMap") {
        key_value_array(map, application_health_policy)?;
    }
    Ok(())
}

fn application_health_policy(value: &Value) -> Result<(), Invalid> {
    let object = value.as_object().ok_or("ApplicationHealthPolicy is not an object")?;
    if let Some(flag) = present(object, "ConsiderWarningAsError")
        && !flag.is_boolean()
    {
        return Err("ConsiderWarningAsError is not a boolean");
    }
    percentages(object, &["MaxPercentUnhealthyDeployedApplications"])?;
    if let Some(policy) = present(object, "DefaultServiceTypeHealthPolicy") {
        service_type_health_policy(policy)?;
    }
    if let Some(map) = present(object, "ServiceTypeHealthPolicyMap") {
        key_value_array(map, service_type_health_policy)?;
    }
    Ok(())
}

fn service_type_health_policy(value: &Value) -> Result<(), Invalid> {
    let object = value.as_object().ok_or("ServiceTypeHealthPolicy is not an object")?;
    percentages(object, &SERVICE_TYPE_PERCENTAGES)
}

/// Maps travel as `[{"Key": "...", "Value": ...}]`; a JSON object in their place is refused,
/// which is the mistake a client serializing a map naively makes.
fn key_value_array(value: &Value, item: fn(&Value) -> Result<(), Invalid>) -> Result<(), Invalid> {
    let entries = value.as_array().ok_or("map is not a Key/Value array")?;
    for entry in entries {
        let entry = entry.as_object().ok_or("map entry is not an object")?;
        if !matches!(entry.get("Key"), Some(Value::String(_))) {
            return Err("map entry has no string Key");
        }
        match present(entry, "Value") {
            Some(value) => item(value)?,
            None => return Err("map entry has no Value"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
    fn refuses_what_the_model_cannot_hold() {
        let bad = [
            json!({}),
            json!({"ClusterConfig": null}),
            json!({"ClusterConfig": {"name": "x"}}),
            json!({"clusterConfig": "{}"}),
            json!(["ClusterConfig"]),
            json!({"ClusterConfig": "{}", "HealthCheckRetryTimeout": "P0D"}),
            json!({"ClusterConfig": "{}", "UpgradeTimeoutInSeconds": 600}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": 101}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": -1}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": 1.5}),
            json!({"ClusterConfig": "{}", "MaxPercentUnhealthyNodes": "10"}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies": []}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": {"fabric:/App": {}}}}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": [{"Key": "fabric:/App"}]}}),
            json!({"ClusterConfig": "{}", "ApplicationHealthPolicies":
                {"ApplicationHealthPolicyMap": [{"Key": 1, "Value": {}}]}}),
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
        // With a repeated field the last one counts, as in the server's reader.
        let dup = br#"{"ClusterConfig": 1, "ClusterConfig": "{}"}"#;
        assert_eq!(cluster_config(dup), Ok("{}".to_owned()));
    }
}
