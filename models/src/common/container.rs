//! [`ContainerLogs`], the logs of a container, which node and Mesh operations both return.

use fabric_rest_runtime::wire_struct;

wire_struct! {
    /// The logs of a container (GetContainerLogsDeployedOnNode).
    pub struct ContainerLogs {
        /// The log text.
        "Content" content: Option<String>,
    }
}
