//! How a service is split into partitions and where its replicas go: partition schemes,
//! correlations, move costs, node tags and service package activation.

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::DescriptionError;

kind_enum! {
    /// How a service's key space is split into partitions, by `PartitionScheme`.
    ///
    /// ```
    /// use fabric_rest_models::PartitionSchemeDescription;
    ///
    /// let scheme = PartitionSchemeDescription::uniform_int64_range(4, 0, 99)?;
    /// assert_eq!(
    ///     serde_json::to_string(&scheme)?,
    ///     r#"{"PartitionScheme":"UniformInt64Range","Count":4,"LowKey":"0","HighKey":"99"}"#
    /// );
    /// assert!(PartitionSchemeDescription::uniform_int64_range(4, 10, 2).is_err());
    /// let named = PartitionSchemeDescription::named(["east", "west"])?;
    /// assert_eq!(
    ///     serde_json::to_string(&named)?,
    ///     r#"{"PartitionScheme":"Named","Count":2,"Names":["east","west"]}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PartitionSchemeDescription by "PartitionScheme" {
        /// Partitions by name.
        Named(NamedPartitionSchemeDescription) = "Named",
        /// One partition: the service is not partitioned.
        Singleton(SingletonPartitionSchemeDescription) = "Singleton",
        /// A range of 64-bit keys split evenly.
        UniformInt64Range(UniformInt64RangePartitionSchemeDescription) = "UniformInt64Range",
    }
}

impl PartitionSchemeDescription {
    /// One partition.
    pub fn singleton() -> Self {
        Self::Singleton(SingletonPartitionSchemeDescription::default())
    }

    /// One partition per name; the names must be distinct and there must be one at least.
    pub fn named<I, S>(names: I) -> Result<Self, DescriptionError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        if names.is_empty() {
            return Err(DescriptionError::new(
                "a named partition scheme needs one name at least",
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        if let Some(name) = names.iter().find(|name| !seen.insert(name.as_str())) {
            return Err(DescriptionError::new(format!("partition name {name:?} is given twice")));
        }
        Ok(Self::Named(NamedPartitionSchemeDescription {
            count: names.len() as i32,
            names,
            unknown_fields: Default::default(),
        }))
    }

    /// `count` partitions splitting the keys `low_key..=high_key` evenly; `count` must be
    /// 1 or more and no more than the keys in the range.
    pub fn uniform_int64_range(count: u32, low_key: i64, high_key: i64) -> Result<Self, DescriptionError> {
        if low_key > high_key {
            return Err(DescriptionError::new(format!(
                "low key {low_key} is above high key {high_key}"
            )));
        }
        let keys = i128::from(high_key) - i128::from(low_key) + 1;
        if count == 0 || i128::from(count) > keys || count > i32::MAX as u32 {
            return Err(DescriptionError::new(format!(
                "{count} partitions cannot split the {keys} keys {low_key}..={high_key}"
            )));
        }
        Ok(Self::UniformInt64Range(UniformInt64RangePartitionSchemeDescription {
            count: count as i32,
            low_key: low_key.to_string(),
            high_key: high_key.to_string(),
            unknown_fields: Default::default(),
        }))
    }
}

wire_struct! {
    /// The fields of a named partition scheme.
    pub struct NamedPartitionSchemeDescription {
        /// The number of partitions, the length of `Names`.
        "Count" count: i32,
        /// The partitions' names.
        "Names" names: Vec<String>,
    }
}

wire_struct! {
    /// The singleton scheme, which has no fields of its own.
    pub struct SingletonPartitionSchemeDescription {}
}

wire_struct! {
    /// The fields of a uniform 64-bit range scheme.
    pub struct UniformInt64RangePartitionSchemeDescription {
        /// The number of partitions.
        "Count" count: i32,
        /// The lowest key, as decimal text.
        "LowKey" low_key: String,
        /// The highest key, as decimal text.
        "HighKey" high_key: String,
    }
}

open_enum! {
    /// How a service relates to the service it is correlated with.
    pub enum ServiceCorrelationScheme {
        Invalid = "Invalid",
        /// Placed with the other service.
        Affinity = "Affinity",
        /// Primaries placed with the other service's primaries, secondaries with its
        /// secondaries.
        AlignedAffinity = "AlignedAffinity",
        /// Primaries placed with the other service's, secondaries anywhere.
        NonAlignedAffinity = "NonAlignedAffinity",
    }
}

wire_struct! {
    /// A placement correlation with another service.
    pub struct ServiceCorrelationDescription {
        /// How the two relate.
        "Scheme" scheme: ServiceCorrelationScheme,
        /// The other service's name.
        "ServiceName" service_name: String,
    }
}

impl ServiceCorrelationDescription {
    /// Correlates with `service_name` by `scheme`.
    pub fn new(scheme: ServiceCorrelationScheme, service_name: &crate::common::ServiceName) -> Self {
        ServiceCorrelationDescription {
            scheme,
            service_name: service_name.to_string(),
            unknown_fields: Default::default(),
        }
    }
}

open_enum! {
    /// What it costs to move a service's replica or instance, against other services.
    pub enum MoveCost {
        Zero = "Zero",
        Low = "Low",
        Medium = "Medium",
        High = "High",
        VeryHigh = "VeryHigh",
    }
}

open_enum! {
    /// Whether a service's replicas share their service package's processes.
    pub enum ServicePackageActivationMode {
        /// Share one activation of the package per node (the default).
        SharedProcess = "SharedProcess",
        /// Each replica or instance gets an activation of its own.
        ExclusiveProcess = "ExclusiveProcess",
    }
}

wire_struct! {
    /// The node tags a service needs to be placed or to run.
    ///
    /// ```
    /// use fabric_rest_models::NodeTagsDescription;
    ///
    /// let tags = NodeTagsDescription::new(["gpu", "ssd"]);
    /// assert_eq!(serde_json::to_string(&tags)?, r#"{"Count":2,"Tags":["gpu","ssd"]}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct NodeTagsDescription {
        /// The number of tags, the length of `Tags`.
        "Count" count: i32,
        /// The tags.
        "Tags" tags: Vec<String>,
    }
}

impl NodeTagsDescription {
    /// The tags `tags`, their count computed.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(tags: I) -> Self {
        let tags: Vec<String> = tags.into_iter().map(Into::into).collect();
        NodeTagsDescription {
            count: i32::try_from(tags.len()).unwrap_or(i32::MAX),
            tags,
            unknown_fields: Default::default(),
        }
    }
}
