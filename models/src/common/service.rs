//! What services and service types share: the kind of a service, the metrics it balances
//! on and the policies that place it. Service descriptions (`services`) and the service
//! types of an application manifest (`application_types`) both carry them.

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

open_enum! {
    /// Whether a service keeps state in Service Fabric.
    pub enum ServiceKind {
        Invalid = "Invalid",
        /// Keeps no state of its own in the cluster; made of instances.
        Stateless = "Stateless",
        /// Keeps its state highly available; made of replicas.
        Stateful = "Stateful",
    }
}

open_enum! {
    /// How much a metric's load counts when balancing, against the service's other metrics.
    pub enum ServiceLoadMetricWeight {
        Zero = "Zero",
        Low = "Low",
        Medium = "Medium",
        High = "High",
    }
}

wire_struct! {
    /// A metric the cluster balances a service's load on.
    ///
    /// ```
    /// use fabric_rest_models::{ServiceLoadMetricDescription, ServiceLoadMetricWeight};
    ///
    /// let metric = ServiceLoadMetricDescription::new("MemoryInMb")
    ///     .with_weight(ServiceLoadMetricWeight::High)
    ///     .with_default_load(64);
    /// assert_eq!(
    ///     serde_json::to_string(&metric)?,
    ///     r#"{"Name":"MemoryInMb","Weight":"High","DefaultLoad":64}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ServiceLoadMetricDescription {
        /// The metric's name, as the service reports load under it.
        "Name" name: String,
        /// Its weight against the service's other metrics.
        "Weight" weight: Option<ServiceLoadMetricWeight>,
        /// Stateful services: the load a primary replica is assumed to carry until it
        /// reports one.
        "PrimaryDefaultLoad" primary_default_load: Option<i64>,
        /// Stateful services: the load a secondary replica is assumed to carry.
        "SecondaryDefaultLoad" secondary_default_load: Option<i64>,
        /// Stateful services: the load an auxiliary replica is assumed to carry.
        "AuxiliaryDefaultLoad" auxiliary_default_load: Option<i64>,
        /// Stateless services: the load an instance is assumed to carry.
        "DefaultLoad" default_load: Option<i64>,
    }
}

impl ServiceLoadMetricDescription {
    /// The metric `name`, with the cluster's defaults for weight and loads.
    pub fn new(name: impl Into<String>) -> ServiceLoadMetricDescription {
        ServiceLoadMetricDescription {
            name: name.into(),
            weight: None,
            primary_default_load: None,
            secondary_default_load: None,
            auxiliary_default_load: None,
            default_load: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the weight.
    pub fn with_weight(mut self, weight: ServiceLoadMetricWeight) -> Self {
        self.weight = Some(weight);
        self
    }

    /// Stateful services: the default loads of a primary and of a secondary replica.
    pub fn with_replica_default_loads(mut self, primary: i64, secondary: i64) -> Self {
        self.primary_default_load = Some(primary);
        self.secondary_default_load = Some(secondary);
        self
    }

    /// Stateful services: the default load of an auxiliary replica.
    pub fn with_auxiliary_default_load(mut self, load: i64) -> Self {
        self.auxiliary_default_load = Some(load);
        self
    }

    /// Stateless services: the default load of an instance.
    pub fn with_default_load(mut self, load: i64) -> Self {
        self.default_load = Some(load);
        self
    }
}

open_enum! {
    /// The `Type` of a [`ServicePlacementPolicyDescription`].
    pub enum ServicePlacementPolicyType {
        Invalid = "Invalid",
        InvalidDomain = "InvalidDomain",
        RequireDomain = "RequireDomain",
        PreferPrimaryDomain = "PreferPrimaryDomain",
        RequireDomainDistribution = "RequireDomainDistribution",
        NonPartiallyPlaceService = "NonPartiallyPlaceService",
        AllowMultipleStatelessInstancesOnNode = "AllowMultipleStatelessInstancesOnNode",
    }
}

kind_enum! {
    /// A rule for where a service's replicas or instances may go, by `Type`.
    ///
    /// ```
    /// use fabric_rest_models::ServicePlacementPolicyDescription;
    ///
    /// let policy = ServicePlacementPolicyDescription::require_domain("fd:/dc1");
    /// assert_eq!(serde_json::to_string(&policy)?, r#"{"Type":"RequireDomain","DomainName":"fd:/dc1"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum ServicePlacementPolicyDescription by "Type" {
        /// Never place in the named fault or upgrade domain.
        InvalidDomain(PlacementPolicyDomain) = "InvalidDomain",
        /// Place only in the named domain.
        RequireDomain(PlacementPolicyDomain) = "RequireDomain",
        /// Place primaries in the named domain when possible.
        PreferPrimaryDomain(PlacementPolicyDomain) = "PreferPrimaryDomain",
        /// Never place two replicas of a partition in one domain.
        RequireDomainDistribution(PlacementPolicyDomain) = "RequireDomainDistribution",
        /// Place all replicas of a partition or none.
        NonPartiallyPlaceService(PlacementPolicyDomain) = "NonPartiallyPlaceService",
        /// Allow several instances of a stateless partition on one node.
        AllowMultipleStatelessInstancesOnNode(PlacementPolicyDomain) = "AllowMultipleStatelessInstancesOnNode",
    }
}

wire_struct! {
    /// The fields of a placement policy: the domain it names, where it names one.
    pub struct PlacementPolicyDomain {
        /// The fault or upgrade domain (`fd:/dc1`); not used by `NonPartiallyPlaceService`
        /// and `AllowMultipleStatelessInstancesOnNode`.
        "DomainName" domain_name: Option<String>,
    }
}

impl PlacementPolicyDomain {
    fn named(domain: Option<String>) -> PlacementPolicyDomain {
        PlacementPolicyDomain {
            domain_name: domain,
            unknown_fields: Default::default(),
        }
    }
}

impl ServicePlacementPolicyDescription {
    /// Never place in `domain`.
    pub fn invalid_domain(domain: impl Into<String>) -> Self {
        Self::InvalidDomain(PlacementPolicyDomain::named(Some(domain.into())))
    }

    /// Place only in `domain`.
    pub fn require_domain(domain: impl Into<String>) -> Self {
        Self::RequireDomain(PlacementPolicyDomain::named(Some(domain.into())))
    }

    /// Place primaries in `domain` when possible.
    pub fn prefer_primary_domain(domain: impl Into<String>) -> Self {
        Self::PreferPrimaryDomain(PlacementPolicyDomain::named(Some(domain.into())))
    }

    /// Never place two replicas of a partition in one domain.
    pub fn require_domain_distribution() -> Self {
        Self::RequireDomainDistribution(PlacementPolicyDomain::named(None))
    }

    /// Place all replicas of a partition or none.
    pub fn non_partially_place_service() -> Self {
        Self::NonPartiallyPlaceService(PlacementPolicyDomain::named(None))
    }

    /// Allow several instances of a stateless partition on one node.
    pub fn allow_multiple_stateless_instances_on_node() -> Self {
        Self::AllowMultipleStatelessInstancesOnNode(PlacementPolicyDomain::named(None))
    }

    /// The policy's type as an open enum.
    pub fn policy_type(&self) -> ServicePlacementPolicyType {
        ServicePlacementPolicyType::from(self.kind())
    }
}
