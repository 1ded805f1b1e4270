//! Auto-scaling: when a service scales (a trigger) and how (a mechanism).

use std::time::Duration;

use fabric_rest_runtime::wire::{Decimal, Int64};
use fabric_rest_runtime::{kind_enum, wire_struct};

use super::{DescriptionError, whole_seconds};

wire_struct! {
    /// One scaling policy of a service: a trigger and the mechanism it sets off.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fabric_rest_models::{ScalingMechanismDescription, ScalingPolicyDescription, ScalingTriggerDescription};
    ///
    /// let policy = ScalingPolicyDescription::new(
    ///     ScalingTriggerDescription::average_partition_load("CPU", 0.2, 0.8, Duration::from_secs(300))?,
    ///     ScalingMechanismDescription::partition_instance_count(1, 5, 1)?,
    /// );
    /// assert_eq!(
    ///     serde_json::to_string(&policy)?,
    ///     concat!(
    ///         r#"{"ScalingTrigger":{"Kind":"AveragePartitionLoad","MetricName":"CPU","LowerLoadThreshold":"0.2","#,
    ///         r#""UpperLoadThreshold":"0.8","ScaleIntervalInSeconds":300},"#,
    ///         r#""ScalingMechanism":{"Kind":"PartitionInstanceCount","MinInstanceCount":1,"MaxInstanceCount":5,"ScaleIncrement":1}}"#,
    ///     )
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ScalingPolicyDescription {
        /// When to scale.
        "ScalingTrigger" scaling_trigger: ScalingTriggerDescription,
        /// How to scale.
        "ScalingMechanism" scaling_mechanism: ScalingMechanismDescription,
    }
}

impl ScalingPolicyDescription {
    /// Scale by `mechanism` when `trigger` fires.
    pub fn new(trigger: ScalingTriggerDescription, mechanism: ScalingMechanismDescription) -> Self {
        ScalingPolicyDescription {
            scaling_trigger: trigger,
            scaling_mechanism: mechanism,
            unknown_fields: Default::default(),
        }
    }
}

kind_enum! {
    /// When a service scales, by `Kind`.
    pub enum ScalingTriggerDescription by "Kind" {
        /// The average load of a metric over a partition's instances.
        AveragePartitionLoad(AveragePartitionLoadScalingTrigger) = "AveragePartitionLoad",
        /// The average load of a metric over a service's partitions.
        AverageServiceLoad(AverageServiceLoadScalingTrigger) = "AverageServiceLoad",
    }
}

/// Checks thresholds and the interval, and gives them in their wire form.
fn thresholds(lower: f64, upper: f64, interval: Duration) -> Result<(Decimal, Decimal, Int64), DescriptionError> {
    let (Some(low), Some(high)) = (Decimal::from_f64(lower), Decimal::from_f64(upper)) else {
        return Err(DescriptionError::new("load thresholds must be finite numbers"));
    };
    if lower < 0.0 || lower > upper {
        return Err(DescriptionError::new(format!(
            "load thresholds {lower}..{upper} must be 0 or more, the lower one not above the upper one"
        )));
    }
    Ok((low, high, Int64::number(whole_seconds(interval) as i64)))
}

impl ScalingTriggerDescription {
    /// Scale out above `upper` and in below `lower` average load of `metric` per
    /// partition, deciding every `interval` (whole seconds, at most 4294967295).
    pub fn average_partition_load(
        metric: impl Into<String>,
        lower: f64,
        upper: f64,
        interval: Duration,
    ) -> Result<Self, DescriptionError> {
        let (low, high, interval) = thresholds(lower, upper, interval)?;
        Ok(Self::AveragePartitionLoad(AveragePartitionLoadScalingTrigger {
            metric_name: metric.into(),
            lower_load_threshold: low,
            upper_load_threshold: high,
            scale_interval_in_seconds: interval,
            unknown_fields: Default::default(),
        }))
    }

    /// Scale on the average load of `metric` over the service; with `only_primary`, only
    /// primaries' loads count.
    pub fn average_service_load(
        metric: impl Into<String>,
        lower: f64,
        upper: f64,
        interval: Duration,
        only_primary: bool,
    ) -> Result<Self, DescriptionError> {
        let (low, high, interval) = thresholds(lower, upper, interval)?;
        Ok(Self::AverageServiceLoad(AverageServiceLoadScalingTrigger {
            metric_name: metric.into(),
            lower_load_threshold: low,
            upper_load_threshold: high,
            scale_interval_in_seconds: interval,
            use_only_primary_load: only_primary,
            unknown_fields: Default::default(),
        }))
    }
}

wire_struct! {
    /// The fields of a trigger on the average load of a partition.
    pub struct AveragePartitionLoadScalingTrigger {
        /// The metric watched.
        "MetricName" metric_name: String,
        /// Below this load the service scales in.
        "LowerLoadThreshold" lower_load_threshold: Decimal,
        /// Above this load it scales out.
        "UpperLoadThreshold" upper_load_threshold: Decimal,
        /// How often the decision is made, in seconds.
        "ScaleIntervalInSeconds" scale_interval_in_seconds: Int64,
    }
}

wire_struct! {
    /// The fields of a trigger on the average load of a service.
    pub struct AverageServiceLoadScalingTrigger {
        /// The metric watched.
        "MetricName" metric_name: String,
        /// Below this load the service scales in.
        "LowerLoadThreshold" lower_load_threshold: Decimal,
        /// Above this load it scales out.
        "UpperLoadThreshold" upper_load_threshold: Decimal,
        /// How often the decision is made, in seconds.
        "ScaleIntervalInSeconds" scale_interval_in_seconds: Int64,
        /// Whether only primaries' loads count.
        "UseOnlyPrimaryLoad" use_only_primary_load: bool,
    }
}

kind_enum! {
    /// How a service scales, by `Kind`.
    pub enum ScalingMechanismDescription by "Kind" {
        /// Add or remove instances of a stateless partition.
        PartitionInstanceCount(PartitionInstanceCountScaleMechanism) = "PartitionInstanceCount",
        /// Add or remove named partitions `"0"`, `"1"`, ... of a stateless service.
        AddRemoveIncrementalNamedPartition(AddRemoveIncrementalNamedPartitionScalingMechanism) =
            "AddRemoveIncrementalNamedPartition",
    }
}

/// Checks `1 <= min <= max` and a non-zero increment.
fn count_range(what: &str, min: u32, max: u32, increment: u32) -> Result<(i32, i32, i32), DescriptionError> {
    if min == 0 || min > max || increment == 0 || max > i32::MAX as u32 || increment > i32::MAX as u32 {
        return Err(DescriptionError::new(format!(
            "{what} {min}..={max} by {increment}: the range must be 1 or more, the minimum not above the maximum, the increment not 0"
        )));
    }
    Ok((min as i32, max as i32, increment as i32))
}

impl ScalingMechanismDescription {
    /// Keep each partition between `min` and `max` instances, `increment` at a time.
    pub fn partition_instance_count(min: u32, max: u32, increment: u32) -> Result<Self, DescriptionError> {
        let (min, max, increment) = count_range("instance counts", min, max, increment)?;
        Ok(Self::PartitionInstanceCount(PartitionInstanceCountScaleMechanism {
            min_instance_count: min,
            max_instance_count: max,
            scale_increment: increment,
            unknown_fields: Default::default(),
        }))
    }

    /// Keep between `min` and `max` named partitions, `increment` at a time.
    pub fn add_remove_incremental_named_partition(
        min: u32,
        max: u32,
        increment: u32,
    ) -> Result<Self, DescriptionError> {
        let (min, max, increment) = count_range("partition counts", min, max, increment)?;
        Ok(Self::AddRemoveIncrementalNamedPartition(
            AddRemoveIncrementalNamedPartitionScalingMechanism {
                min_partition_count: min,
                max_partition_count: max,
                scale_increment: increment,
                unknown_fields: Default::default(),
            },
        ))
    }
}

wire_struct! {
    /// The fields of scaling by instance count.
    pub struct PartitionInstanceCountScaleMechanism {
        /// The fewest instances.
        "MinInstanceCount" min_instance_count: i32,
        /// The most instances.
        "MaxInstanceCount" max_instance_count: i32,
        /// Instances added or removed at a time.
        "ScaleIncrement" scale_increment: i32,
    }
}

wire_struct! {
    /// The fields of scaling by named partitions.
    pub struct AddRemoveIncrementalNamedPartitionScalingMechanism {
        /// The fewest partitions.
        "MinPartitionCount" min_partition_count: i32,
        /// The most partitions.
        "MaxPartitionCount" max_partition_count: i32,
        /// Partitions added or removed at a time.
        "ScaleIncrement" scale_increment: i32,
    }
}
