//! Creating an application (ApplicationDescription) and changing its capacity
//! (ApplicationUpdateDescription).

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use super::ManagedApplicationIdentityDescription;
use crate::common::{ApplicationName, ApplicationParameter, KeyValueList};

wire_struct! {
    /// An application to create (CreateApplication).
    ///
    /// ```
    /// use fabric_rest_models::{ApplicationDescription, ApplicationName};
    ///
    /// let name: ApplicationName = "fabric:/samples/CalculatorApp".parse()?;
    /// let app = ApplicationDescription::new(&name, "CalculatorApp", "1.0")
    ///     .with_parameter("InstanceCount", "3");
    /// assert_eq!(
    ///     serde_json::to_string(&app)?,
    ///     concat!(
    ///         r#"{"Name":"fabric:/samples/CalculatorApp","TypeName":"CalculatorApp","TypeVersion":"1.0","#,
    ///         r#""ParameterList":[{"Key":"InstanceCount","Value":"3"}]}"#,
    ///     )
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ApplicationDescription {
        /// The application's name (`fabric:/App`).
        "Name" name: String,
        /// Its application type, which must be provisioned.
        "TypeName" type_name: String,
        /// The type's version.
        "TypeVersion" type_version: String,
        /// The manifest parameters it overrides, in order; written as the spec's array.
        "ParameterList" parameter_list: Option<Vec<ApplicationParameter>> as KeyValueList,
        /// The capacity reserved for and allowed to it.
        "ApplicationCapacity" application_capacity: Option<ApplicationCapacityDescription>,
        /// Its managed identities.
        "ManagedApplicationIdentity" managed_application_identity: Option<ManagedApplicationIdentityDescription>,
    }
}

impl ApplicationDescription {
    /// The application `name` of the provisioned type `type_name` in `type_version`, with
    /// the manifest's parameter defaults.
    pub fn new(name: &ApplicationName, type_name: impl Into<String>, type_version: impl Into<String>) -> Self {
        ApplicationDescription {
            name: name.to_string(),
            type_name: type_name.into(),
            type_version: type_version.into(),
            parameter_list: None,
            application_capacity: None,
            managed_application_identity: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the manifest parameter `key` to `value`, replacing an earlier value.
    pub fn with_parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        ApplicationParameter::set_in(self.parameter_list.get_or_insert_with(Vec::new), key, value);
        self
    }

    /// Sets the capacity reserved for and allowed to the application.
    pub fn with_capacity(mut self, capacity: ApplicationCapacityDescription) -> Self {
        self.application_capacity = Some(capacity);
        self
    }

    /// Sets the application's managed identities.
    pub fn with_managed_identity(mut self, identity: ManagedApplicationIdentityDescription) -> Self {
        self.managed_application_identity = Some(identity);
        self
    }
}

wire_struct! {
    /// The capacity the cluster reserves for an application's services and the most they
    /// may take.
    ///
    /// ```
    /// use fabric_rest_models::{ApplicationCapacityDescription, ApplicationMetricDescription};
    ///
    /// let capacity = ApplicationCapacityDescription::new()
    ///     .with_nodes(1, 3)?
    ///     .with_metric(ApplicationMetricDescription::new("CPU").with_reservation_capacity(2));
    /// assert_eq!(
    ///     serde_json::to_string(&capacity)?,
    ///     r#"{"MinimumNodes":1,"MaximumNodes":3,"ApplicationMetrics":[{"Name":"CPU","ReservationCapacity":2}]}"#
    /// );
    /// assert!(ApplicationCapacityDescription::new().with_nodes(4, 3).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ApplicationCapacityDescription {
        /// The nodes on which capacity is reserved; at most `MaximumNodes`.
        "MinimumNodes" minimum_nodes: Option<Int64>,
        /// The most nodes the services may run on; 0 means any.
        "MaximumNodes" maximum_nodes: Option<Int64>,
        /// Capacity by metric.
        "ApplicationMetrics" application_metrics: Option<Vec<ApplicationMetricDescription>>,
    }
}

/// A minimum above a maximum of nodes, refused before sending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeRangeError {
    /// The minimum asked for.
    pub minimum: u32,
    /// The maximum asked for.
    pub maximum: u32,
}

impl std::fmt::Display for NodeRangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "minimum nodes {} is above maximum nodes {}; the gateway refuses it",
            self.minimum, self.maximum
        )
    }
}

impl std::error::Error for NodeRangeError {}

/// `minimum..=maximum` nodes as the two wire numbers; a maximum of 0 means any number.
fn node_range(minimum: u32, maximum: u32) -> Result<(Int64, Int64), NodeRangeError> {
    if maximum != 0 && minimum > maximum {
        return Err(NodeRangeError { minimum, maximum });
    }
    Ok((Int64::number(minimum.into()), Int64::number(maximum.into())))
}

impl ApplicationCapacityDescription {
    /// No capacity settings.
    pub fn new() -> Self {
        ApplicationCapacityDescription::default()
    }

    /// Reserves capacity on `minimum` nodes and allows at most `maximum` (0: any); a
    /// minimum above a non-zero maximum is refused.
    pub fn with_nodes(mut self, minimum: u32, maximum: u32) -> Result<Self, NodeRangeError> {
        let (minimum, maximum) = node_range(minimum, maximum)?;
        self.minimum_nodes = Some(minimum);
        self.maximum_nodes = Some(maximum);
        Ok(self)
    }

    /// Adds the capacity of one metric.
    pub fn with_metric(mut self, metric: ApplicationMetricDescription) -> Self {
        self.application_metrics.get_or_insert_with(Vec::new).push(metric);
        self
    }
}

wire_struct! {
    /// An application's capacity of one metric.
    pub struct ApplicationMetricDescription {
        /// The metric's name.
        "Name" name: Option<String>,
        /// The most load one node may carry for the application.
        "MaximumCapacity" maximum_capacity: Option<Int64>,
        /// The load reserved on each of the application's nodes.
        "ReservationCapacity" reservation_capacity: Option<Int64>,
        /// The most load the application may carry in all.
        "TotalApplicationCapacity" total_application_capacity: Option<Int64>,
    }
}

impl ApplicationMetricDescription {
    /// The metric `name`, with no limits set.
    pub fn new(name: impl Into<String>) -> Self {
        ApplicationMetricDescription {
            name: Some(name.into()),
            ..ApplicationMetricDescription::default()
        }
    }

    /// The most load one node may carry for the application.
    pub fn with_maximum_capacity(mut self, load: u32) -> Self {
        self.maximum_capacity = Some(Int64::number(load.into()));
        self
    }

    /// The load reserved on each of the application's nodes.
    pub fn with_reservation_capacity(mut self, load: u32) -> Self {
        self.reservation_capacity = Some(Int64::number(load.into()));
        self
    }

    /// The most load the application may carry in all.
    pub fn with_total_application_capacity(mut self, load: u32) -> Self {
        self.total_application_capacity = Some(Int64::number(load.into()));
        self
    }
}

wire_struct! {
    /// Changes to an application's capacity (UpdateApplication).
    ///
    /// `Flags` says which fields the change sets; the builder methods keep it right.
    ///
    /// ```
    /// use fabric_rest_models::ApplicationUpdateDescription;
    ///
    /// let update = ApplicationUpdateDescription::new().with_nodes(2, 5)?;
    /// assert_eq!(
    ///     serde_json::to_string(&update)?,
    ///     r#"{"Flags":"3","MinimumNodes":2,"MaximumNodes":5}"#
    /// );
    /// let clear = ApplicationUpdateDescription::remove_capacity();
    /// assert_eq!(serde_json::to_string(&clear)?, r#"{"RemoveApplicationCapacity":true}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ApplicationUpdateDescription {
        /// Which fields are set, as a decimal number of flags: 1 `MinimumNodes`,
        /// 2 `MaximumNodes`, 4 `ApplicationMetrics`.
        "Flags" flags: Option<String>,
        /// Clears every capacity setting; cannot go with the others.
        "RemoveApplicationCapacity" remove_application_capacity: Option<bool>,
        /// See [`ApplicationCapacityDescription`].
        "MinimumNodes" minimum_nodes: Option<Int64>,
        /// See [`ApplicationCapacityDescription`].
        "MaximumNodes" maximum_nodes: Option<Int64>,
        /// See [`ApplicationCapacityDescription`].
        "ApplicationMetrics" application_metrics: Option<Vec<ApplicationMetricDescription>>,
    }
}

impl ApplicationUpdateDescription {
    /// No change yet.
    pub fn new() -> Self {
        ApplicationUpdateDescription::default()
    }

    /// Clears every capacity setting of the application.
    pub fn remove_capacity() -> Self {
        ApplicationUpdateDescription {
            remove_application_capacity: Some(true),
            ..ApplicationUpdateDescription::default()
        }
    }

    fn add_flags(&mut self, flags: u32) {
        let now = self
            .flags
            .as_deref()
            .and_then(|text| text.parse::<u32>().ok())
            .unwrap_or(0);
        self.flags = Some((now | flags).to_string());
    }

    /// Sets the minimum and maximum nodes (0: any), as
    /// [`ApplicationCapacityDescription::with_nodes`].
    pub fn with_nodes(mut self, minimum: u32, maximum: u32) -> Result<Self, NodeRangeError> {
        let (minimum, maximum) = node_range(minimum, maximum)?;
        self.minimum_nodes = Some(minimum);
        self.maximum_nodes = Some(maximum);
        self.add_flags(1 | 2);
        Ok(self)
    }

    /// Sets the capacity by metric, replacing the application's.
    pub fn with_metrics(mut self, metrics: Vec<ApplicationMetricDescription>) -> Self {
        self.application_metrics = Some(metrics);
        self.add_flags(4);
        self
    }
}
