//! The REST specification's example responses, for [`EmulatorBuilder::with_spec_examples`].
//!
//! The files here are the spec's example files, copied unchanged (see `SOURCE.md`); each
//! line of [`EXAMPLES`] names the operation a file answers, so adding an example is one
//! line and one file. GetClusterVersion, GetNodeInfoList, GetClusterHealth and the
//! configuration-upgrade operations are not here: the emulator answers them itself, from
//! its ClusterConfig.
//!
//! [`EmulatorBuilder::with_spec_examples`]: crate::EmulatorBuilder::with_spec_examples

use std::sync::OnceLock;

use serde_json::Value;

use crate::check::Route;

/// The operation each example answers, and its file.
const EXAMPLES: &[(&str, &str)] = &[
    ("GetAadMetadata", include_str!("GetAadMetadata.json")),
    ("GetClusterHealthChunk", include_str!("GetClusterHealthChunk.json")),
    ("GetClusterLoad", include_str!("GetClusterLoad.json")),
    ("GetClusterManifest", include_str!("GetClusterManifest.json")),
    (
        "GetClusterUpgradeProgress",
        include_str!("GetClusterUpgradeProgress.json"),
    ),
    (
        "GetConfigurationOverrides",
        include_str!("GetConfigurationOverrides.json"),
    ),
    (
        "GetContainerLogsDeployedOnNode",
        include_str!("GetContainerLogsDeployedOnNode-1.json"),
    ),
    (
        "GetDeployedApplicationHealth",
        include_str!("GetDeployedApplicationHealth.json"),
    ),
    (
        "GetDeployedApplicationInfo",
        include_str!("GetDeployedApplicationInfoByName-1.json"),
    ),
    (
        "GetDeployedApplicationInfoList",
        include_str!("GetDeployedApplicationInfoList-1.json"),
    ),
    (
        "GetDeployedCodePackageInfoList",
        include_str!("GetDeployedCodePackageInfoList.json"),
    ),
    (
        "GetDeployedServicePackageHealth",
        include_str!("GetDeployedServicePackageHealth.json"),
    ),
    (
        "GetDeployedServicePackageInfoList",
        include_str!("GetDeployedServicePackageInfoList.json"),
    ),
    (
        "GetDeployedServicePackageInfoListByName",
        include_str!("GetDeployedServicePackageInfoListByName.json"),
    ),
    (
        "GetDeployedServiceReplicaDetailInfo",
        include_str!("GetDeployedServiceReplicaDetailInfo.json"),
    ),
    (
        "GetDeployedServiceReplicaInfoList",
        include_str!("GetDeployedServiceReplicaInfoList.json"),
    ),
    (
        "GetDeployedServiceTypeInfoByName",
        include_str!("GetDeployedServiceTypeInfoByName.json"),
    ),
    (
        "GetDeployedServiceTypeInfoList",
        include_str!("GetDeployedServiceTypeInfoList.json"),
    ),
    ("GetImageStoreContent", include_str!("GetImageStoreContent.json")),
    ("GetImageStoreInfo", include_str!("GetImageStoreInfo.json")),
    (
        "GetImageStoreUploadSessionById",
        include_str!("GetUploadSessionById.json"),
    ),
    (
        "GetImageStoreUploadSessionByPath",
        include_str!("GetUploadSessionByPath.json"),
    ),
    (
        "GetLoadedPartitionInfoList",
        include_str!("GetLoadedPartitionInfoList.json"),
    ),
    ("GetNodeHealth", include_str!("GetNodeHealth.json")),
    ("GetNodeInfo", include_str!("GetNodeInfo-1.json")),
    ("GetNodeLoadInfo", include_str!("GetNodeLoadInfo.json")),
    (
        "GetProvisionedFabricCodeVersionInfoList",
        include_str!("GetProvisionedFabricCodeVersionInfoList.json"),
    ),
    (
        "GetProvisionedFabricConfigVersionInfoList",
        include_str!("GetProvisionedFabricConfigVersionInfoList.json"),
    ),
    ("GetRepairTaskList", include_str!("GetRepairTaskList.json")),
    (
        "InvokeInfrastructureQuery",
        include_str!("InvokeInfrastructureQuery.json"),
    ),
];

/// Examples whose body is a list holding the one object the operation's schema describes;
/// the emulator answers that object.
const FIRST_ITEM: &[&str] = &["GetImageStoreInfo"];

/// An example, ready to answer.
#[derive(Debug)]
pub(crate) struct Example {
    pub(crate) status: u16,
    /// The body as JSON text; empty for a 204.
    pub(crate) body: Vec<u8>,
}

/// Every example with its operation's route.
pub(crate) fn routes() -> &'static [(Route, Example)] {
    static TABLE: OnceLock<Vec<(Route, Example)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EXAMPLES
            .iter()
            .filter_map(|(operation, text)| {
                let endpoint = crate::spec::find(operation)?;
                Some((Route::new(endpoint), example(operation, text)?))
            })
            .collect()
    })
}

/// The example's 200 answer, or its first answer when it has no 200.
fn example(operation: &str, text: &str) -> Option<Example> {
    let json: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let responses = json.get("responses")?.as_object()?;
    let (status, response) = responses.get_key_value("200").or_else(|| responses.iter().next())?;
    let mut body = response.get("body").cloned();
    if FIRST_ITEM.contains(&operation) {
        body = body.and_then(|b| b.get(0).cloned());
    }
    Some(Example {
        status: status.parse().ok()?,
        body: body.map(|b| b.to_string().into_bytes()).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_is_a_get_of_the_spec_with_an_answer() {
        assert_eq!(routes().len(), EXAMPLES.len());
        for (route, example) in routes() {
            assert_eq!(route.method(), "GET", "{}", route.endpoint.operation());
            assert_eq!(example.status, 200, "{}", route.endpoint.operation());
            assert!(crate::check::is_json(&example.body), "{}", route.endpoint.operation());
        }
    }

    #[test]
    fn a_list_example_answers_its_item() {
        let (_, info) = routes()
            .iter()
            .find(|(r, _)| r.endpoint.operation() == "GetImageStoreInfo")
            .expect("GetImageStoreInfo");
        assert!(info.body.starts_with(b"{"), "{}", String::from_utf8_lossy(&info.body));
    }
}
