//! The operations the emulator serves itself, from the state of its cluster.
//!
//! Each is routed and checked by the REST specification's description of it (see
//! [`crate::spec`]), like any other operation; this module only says what it answers.
//! Adding one is an entry in [`BUILTINS`] and an arm in [`answer`].

mod applications;
mod backup;
mod chaos;
mod cluster;
mod code_upgrade;
mod configuration;
mod faults;
mod image_store;
mod node_ops;
pub(crate) mod pages;
mod repair;
mod services;

use axum::response::Response;

use crate::backups::Transfer;
use crate::check::Route;
use crate::fault_ops::FaultKind;
use crate::query::Query;
use crate::record::RecordedRequest;
use crate::server::Gateway;

/// An operation the emulator serves itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    StartUpgrade,
    UpgradeStatus,
    GetConfiguration,
    GetServiceState,
    SetServiceState,
    ClusterVersion,
    NodeList,
    ClusterHealth,
    UploadFile,
    UploadChunk,
    SessionById,
    SessionByPath,
    CommitSession,
    DeleteSession,
    StoreContent,
    StoreRootContent,
    DeleteStoreContent,
    Provision,
    TypeList,
    TypesByName,
    Unprovision,
    CreateApplication,
    ApplicationInfo,
    ApplicationList,
    DeleteApplication,
    StartApplicationUpgrade,
    ApplicationUpgradeProgress,
    ResumeApplicationUpgrade,
    CreateService,
    ServiceInfo,
    ServiceList,
    DeleteService,
    NodeInfo,
    DisableNode,
    EnableNode,
    RestartNode,
    FaultStart(FaultKind),
    FaultProgress(FaultKind),
    CancelFault,
    ProvisionCluster,
    StartClusterUpgrade,
    ClusterUpgradeProgress,
    MoveToNextUpgradeDomain,
    CreateRepairTask,
    RepairTaskList,
    TransferStart(Transfer),
    TransferProgress(Transfer),
    StartChaos,
    GetChaos,
    StopChaos,
}

/// The lowest api-version an operation takes when that is not the spec's own version.
type Minimum = Option<(u32, u32)>;

/// Every built-in operation: the spec's name for it, and its [`Minimum`].
const BUILTINS: &[(&str, Builtin, Minimum)] = &[
    // The gateway takes every api-version from 1.0 for the configuration upgrade, though
    // the spec lists 6.0: clients declared with 3.0 work on every cluster.
    ("StartClusterConfigurationUpgrade", Builtin::StartUpgrade, Some((1, 0))),
    (
        "GetClusterConfigurationUpgradeStatus",
        Builtin::UpgradeStatus,
        Some((1, 0)),
    ),
    ("GetClusterConfiguration", Builtin::GetConfiguration, Some((1, 0))),
    (
        "GetUpgradeOrchestrationServiceState",
        Builtin::GetServiceState,
        Some((1, 0)),
    ),
    (
        "SetUpgradeOrchestrationServiceState",
        Builtin::SetServiceState,
        Some((1, 0)),
    ),
    ("GetClusterVersion", Builtin::ClusterVersion, None),
    ("GetNodeInfoList", Builtin::NodeList, None),
    ("GetClusterHealth", Builtin::ClusterHealth, None),
    ("UploadFile", Builtin::UploadFile, None),
    ("UploadFileChunk", Builtin::UploadChunk, None),
    ("GetImageStoreUploadSessionById", Builtin::SessionById, None),
    ("GetImageStoreUploadSessionByPath", Builtin::SessionByPath, None),
    ("CommitImageStoreUploadSession", Builtin::CommitSession, None),
    ("DeleteImageStoreUploadSession", Builtin::DeleteSession, None),
    ("GetImageStoreContent", Builtin::StoreContent, None),
    ("GetImageStoreRootContent", Builtin::StoreRootContent, None),
    ("DeleteImageStoreContent", Builtin::DeleteStoreContent, None),
    ("ProvisionApplicationType", Builtin::Provision, None),
    ("GetApplicationTypeInfoList", Builtin::TypeList, None),
    ("GetApplicationTypeInfoListByName", Builtin::TypesByName, None),
    ("UnprovisionApplicationType", Builtin::Unprovision, None),
    ("CreateApplication", Builtin::CreateApplication, None),
    ("GetApplicationInfo", Builtin::ApplicationInfo, None),
    ("GetApplicationInfoList", Builtin::ApplicationList, None),
    ("DeleteApplication", Builtin::DeleteApplication, None),
    ("StartApplicationUpgrade", Builtin::StartApplicationUpgrade, None),
    ("GetApplicationUpgrade", Builtin::ApplicationUpgradeProgress, None),
    ("ResumeApplicationUpgrade", Builtin::ResumeApplicationUpgrade, None),
    ("CreateService", Builtin::CreateService, None),
    ("GetServiceInfo", Builtin::ServiceInfo, None),
    ("GetServiceInfoList", Builtin::ServiceList, None),
    ("DeleteService", Builtin::DeleteService, None),
    ("GetNodeInfo", Builtin::NodeInfo, None),
    ("DisableNode", Builtin::DisableNode, None),
    ("EnableNode", Builtin::EnableNode, None),
    ("RestartNode", Builtin::RestartNode, None),
    ("StartDataLoss", Builtin::FaultStart(FaultKind::DataLoss), None),
    ("GetDataLossProgress", Builtin::FaultProgress(FaultKind::DataLoss), None),
    ("StartQuorumLoss", Builtin::FaultStart(FaultKind::QuorumLoss), None),
    (
        "GetQuorumLossProgress",
        Builtin::FaultProgress(FaultKind::QuorumLoss),
        None,
    ),
    (
        "StartPartitionRestart",
        Builtin::FaultStart(FaultKind::PartitionRestart),
        None,
    ),
    (
        "GetPartitionRestartProgress",
        Builtin::FaultProgress(FaultKind::PartitionRestart),
        None,
    ),
    (
        "StartNodeTransition",
        Builtin::FaultStart(FaultKind::NodeTransition),
        None,
    ),
    (
        "GetNodeTransitionProgress",
        Builtin::FaultProgress(FaultKind::NodeTransition),
        None,
    ),
    ("CancelOperation", Builtin::CancelFault, None),
    ("ProvisionCluster", Builtin::ProvisionCluster, None),
    ("StartClusterUpgrade", Builtin::StartClusterUpgrade, None),
    ("GetClusterUpgradeProgress", Builtin::ClusterUpgradeProgress, None),
    ("ResumeClusterUpgrade", Builtin::MoveToNextUpgradeDomain, None),
    ("CreateRepairTask", Builtin::CreateRepairTask, None),
    ("GetRepairTaskList", Builtin::RepairTaskList, None),
    ("BackupPartition", Builtin::TransferStart(Transfer::Backup), None),
    (
        "GetPartitionBackupProgress",
        Builtin::TransferProgress(Transfer::Backup),
        None,
    ),
    ("RestorePartition", Builtin::TransferStart(Transfer::Restore), None),
    (
        "GetPartitionRestoreProgress",
        Builtin::TransferProgress(Transfer::Restore),
        None,
    ),
    ("StartChaos", Builtin::StartChaos, None),
    ("GetChaos", Builtin::GetChaos, None),
    ("StopChaos", Builtin::StopChaos, None),
];

/// The routes of the built-in operations.
pub(crate) fn routes() -> Vec<(Route, Builtin)> {
    BUILTINS
        .iter()
        .filter_map(|(name, builtin, minimum)| {
            let route = Route::new(crate::spec::find(name)?);
            let route = match minimum {
                Some((major, minor)) => route.taking_versions_from(*major, *minor),
                None => route,
            };
            Some((route, *builtin))
        })
        .collect()
}

/// The answer of a request that passed the checks of `builtin`'s description.
pub(crate) fn answer(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest, query: &Query) -> Response {
    match builtin {
        Builtin::StartUpgrade => configuration::start(gateway, &request.body),
        Builtin::UpgradeStatus => configuration::status(gateway),
        Builtin::GetConfiguration => configuration::get(gateway, query),
        Builtin::GetServiceState => configuration::service_state(gateway),
        Builtin::SetServiceState => configuration::set_service_state(gateway, &request.body),
        Builtin::ClusterVersion => cluster::version(gateway),
        Builtin::NodeList => cluster::node_list(gateway, query),
        Builtin::ClusterHealth => cluster::health(gateway, query),
        Builtin::UploadFile => image_store::upload_file(gateway, builtin, request),
        Builtin::UploadChunk => image_store::upload_chunk(gateway, builtin, request, query),
        Builtin::SessionById => image_store::session_by_id(gateway, query),
        Builtin::SessionByPath => image_store::session_by_path(gateway, builtin, request),
        Builtin::CommitSession => image_store::commit(gateway, query),
        Builtin::DeleteSession => image_store::delete_session(gateway, query),
        Builtin::StoreContent => image_store::content(gateway, builtin, request),
        Builtin::StoreRootContent => image_store::root_content(gateway),
        Builtin::DeleteStoreContent => image_store::delete_content(gateway, builtin, request),
        Builtin::Provision => applications::provision(gateway, request),
        Builtin::TypeList | Builtin::TypesByName => applications::types(gateway, builtin, request, query),
        Builtin::Unprovision => applications::unprovision(gateway, builtin, request),
        Builtin::CreateApplication => applications::create(gateway, request),
        Builtin::ApplicationInfo => applications::info(gateway, builtin, request),
        Builtin::ApplicationList => applications::list(gateway, query),
        Builtin::DeleteApplication => applications::delete(gateway, builtin, request),
        Builtin::StartApplicationUpgrade => applications::upgrade(gateway, builtin, request),
        Builtin::ApplicationUpgradeProgress => applications::progress(gateway, builtin, request),
        Builtin::ResumeApplicationUpgrade => applications::resume(gateway, builtin, request),
        Builtin::CreateService => services::create(gateway, builtin, request),
        Builtin::ServiceInfo => services::info(gateway, builtin, request),
        Builtin::ServiceList => services::list(gateway, builtin, request),
        Builtin::DeleteService => services::delete(gateway, builtin, request),
        Builtin::NodeInfo => node_ops::info(gateway, request),
        Builtin::DisableNode => node_ops::deactivate(gateway, request),
        Builtin::EnableNode => node_ops::activate(gateway, request),
        Builtin::RestartNode => node_ops::restart(gateway, request),
        Builtin::FaultStart(kind) => faults::start(gateway, kind, request, query),
        Builtin::FaultProgress(kind) => faults::progress(gateway, kind, query),
        Builtin::CancelFault => faults::cancel(gateway, query),
        Builtin::ProvisionCluster => code_upgrade::provision(gateway, &request.body),
        Builtin::StartClusterUpgrade => code_upgrade::start(gateway, &request.body),
        Builtin::ClusterUpgradeProgress => code_upgrade::progress(gateway),
        Builtin::MoveToNextUpgradeDomain => code_upgrade::move_to_next(gateway, &request.body),
        Builtin::CreateRepairTask => repair::create(gateway, &request.body),
        Builtin::RepairTaskList => repair::list(gateway, query),
        Builtin::TransferStart(transfer) => backup::start(gateway, builtin, transfer, request),
        Builtin::TransferProgress(transfer) => backup::progress(gateway, builtin, transfer, request),
        Builtin::StartChaos => chaos::start(gateway, &request.body),
        Builtin::GetChaos => chaos::get(gateway),
        Builtin::StopChaos => chaos::stop(gateway),
    }
}

/// The decoded value of the path placeholder `name` in `request`, which `builtin` answers.
pub(crate) fn path_value(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest, name: &str) -> Option<String> {
    let segments = crate::route::segments(&request.path)?;
    let (route, _) = gateway.builtins.iter().find(|(_, b)| *b == builtin)?;
    let values = route.matches(&segments)?;
    values.into_iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_has_a_description() {
        assert_eq!(routes().len(), BUILTINS.len());
    }
}
