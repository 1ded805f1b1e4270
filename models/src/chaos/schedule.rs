//! The Chaos schedule: when Chaos runs by itself, and with which parameters.

use std::collections::BTreeMap;

use fabric_rest_runtime::wire_struct;

use super::ChaosParameters;
use crate::common::{KeyValueList, Timestamp};

wire_struct! {
    /// The Chaos schedule and its version (GetChaosSchedule, PostChaosSchedule).
    ///
    /// Setting a schedule succeeds only when `version` is the version the service holds,
    /// which it then increments: read the schedule, change it, and send it back with the
    /// version read.
    pub struct ChaosScheduleDescription {
        /// The version of the schedule.
        "Version" version: Option<u32>,
        /// The schedule.
        "Schedule" schedule: Option<ChaosSchedule>,
    }
}

impl ChaosScheduleDescription {
    /// `schedule`, replacing the one of version `version`.
    pub fn new(version: u32, schedule: ChaosSchedule) -> ChaosScheduleDescription {
        ChaosScheduleDescription {
            version: Some(version),
            schedule: Some(schedule),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// When Chaos runs by itself: jobs naming sets of parameters, between a start and an
    /// expiry date.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fabric_rest_models::{
    ///     ChaosParameters, ChaosSchedule, ChaosScheduleJob, ChaosScheduleJobActiveDaysOfWeek, TimeOfDay,
    ///     TimeRange, Timestamp,
    /// };
    ///
    /// let nightly = ChaosParameters::new().with_time_to_run(Duration::from_secs(3600));
    /// let schedule = ChaosSchedule::new()
    ///     .with_start_date(Timestamp::new("2025-01-01T00:00:00Z"))
    ///     .with_parameters("nightly", nightly)
    ///     .with_job(
    ///         ChaosScheduleJob::new("nightly", ChaosScheduleJobActiveDaysOfWeek::weekdays())
    ///             .with_time(TimeRange::new(TimeOfDay::of::<1, 0>(), TimeOfDay::of::<2, 30>())),
    ///     );
    /// let json = serde_json::to_value(&schedule)?;
    /// assert_eq!(json["ChaosParametersDictionary"][0]["Key"], "nightly");
    /// assert_eq!(json["Jobs"][0]["Times"][0]["EndTime"], serde_json::json!({"Hour": 2, "Minute": 30}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ChaosSchedule {
        /// When the schedule starts.
        "StartDate" start_date: Option<Timestamp>,
        /// When it stops scheduling runs.
        "ExpiryDate" expiry_date: Option<Timestamp>,
        /// Sets of parameters by name, which the jobs name.
        "ChaosParametersDictionary" chaos_parameters_dictionary:
            Option<BTreeMap<String, ChaosParameters>> as KeyValueList,
        /// The jobs: when to run Chaos, and with which parameters.
        "Jobs" jobs: Option<Vec<ChaosScheduleJob>>,
    }
}

impl ChaosSchedule {
    /// A schedule with nothing set.
    pub fn new() -> ChaosSchedule {
        ChaosSchedule::default()
    }

    /// Sets when the schedule starts.
    pub fn with_start_date(mut self, start: Timestamp) -> ChaosSchedule {
        self.start_date = Some(start);
        self
    }

    /// Sets when the schedule stops scheduling runs.
    pub fn with_expiry_date(mut self, expiry: Timestamp) -> ChaosSchedule {
        self.expiry_date = Some(expiry);
        self
    }

    /// Names `parameters` `name`, replacing an earlier set of that name.
    pub fn with_parameters(mut self, name: impl Into<String>, parameters: ChaosParameters) -> ChaosSchedule {
        self.chaos_parameters_dictionary
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), parameters);
        self
    }

    /// Adds a job.
    pub fn with_job(mut self, job: ChaosScheduleJob) -> ChaosSchedule {
        self.jobs.get_or_insert_with(Vec::new).push(job);
        self
    }
}

wire_struct! {
    /// When to run Chaos, and with which of the schedule's parameters.
    pub struct ChaosScheduleJob {
        /// The name of the parameters in the schedule's dictionary.
        "ChaosParameters" chaos_parameters: Option<String>,
        /// The days it runs on.
        "Days" days: Option<ChaosScheduleJobActiveDaysOfWeek>,
        /// The times of those days it runs in.
        "Times" times: Option<Vec<TimeRange>>,
    }
}

impl ChaosScheduleJob {
    /// Runs with the parameters named `parameters` on `days`; add times with
    /// [`with_time`](Self::with_time).
    pub fn new(parameters: impl Into<String>, days: ChaosScheduleJobActiveDaysOfWeek) -> ChaosScheduleJob {
        ChaosScheduleJob {
            chaos_parameters: Some(parameters.into()),
            days: Some(days),
            times: None,
            unknown_fields: Default::default(),
        }
    }

    /// Adds a time range of each day.
    pub fn with_time(mut self, range: TimeRange) -> ChaosScheduleJob {
        self.times.get_or_insert_with(Vec::new).push(range);
        self
    }
}

wire_struct! {
    /// The days of the week a job runs on; a day left `None` is a day off.
    pub struct ChaosScheduleJobActiveDaysOfWeek {
        /// Sunday.
        "Sunday" sunday: Option<bool>,
        /// Monday.
        "Monday" monday: Option<bool>,
        /// Tuesday.
        "Tuesday" tuesday: Option<bool>,
        /// Wednesday.
        "Wednesday" wednesday: Option<bool>,
        /// Thursday.
        "Thursday" thursday: Option<bool>,
        /// Friday.
        "Friday" friday: Option<bool>,
        /// Saturday.
        "Saturday" saturday: Option<bool>,
    }
}

impl ChaosScheduleJobActiveDaysOfWeek {
    /// Each of the seven days as given, Sunday first.
    pub fn new(days: [bool; 7]) -> ChaosScheduleJobActiveDaysOfWeek {
        let [sunday, monday, tuesday, wednesday, thursday, friday, saturday] = days.map(Some);
        ChaosScheduleJobActiveDaysOfWeek {
            sunday,
            monday,
            tuesday,
            wednesday,
            thursday,
            friday,
            saturday,
            unknown_fields: Default::default(),
        }
    }

    /// Every day.
    pub fn every_day() -> ChaosScheduleJobActiveDaysOfWeek {
        ChaosScheduleJobActiveDaysOfWeek::new([true; 7])
    }

    /// Monday to Friday.
    pub fn weekdays() -> ChaosScheduleJobActiveDaysOfWeek {
        ChaosScheduleJobActiveDaysOfWeek::new([false, true, true, true, true, true, false])
    }
}

wire_struct! {
    /// A range of the hours of a day.
    pub struct TimeRange {
        /// When it starts.
        "StartTime" start_time: Option<TimeOfDay>,
        /// When it ends.
        "EndTime" end_time: Option<TimeOfDay>,
    }
}

impl TimeRange {
    /// From `start` to `end` of each day.
    pub fn new(start: TimeOfDay, end: TimeOfDay) -> TimeRange {
        TimeRange {
            start_time: Some(start),
            end_time: Some(end),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// A time of day, in whole minutes (UTC).
    pub struct TimeOfDay {
        /// The hour, 0 to 23.
        "Hour" hour: Option<u32>,
        /// The minute, 0 to 59.
        "Minute" minute: Option<u32>,
    }
}

impl TimeOfDay {
    /// `hour`:`minute`, or `None` for an hour above 23 or a minute above 59.
    pub fn new(hour: u32, minute: u32) -> Option<TimeOfDay> {
        (hour <= 23 && minute <= 59).then(|| TimeOfDay {
            hour: Some(hour),
            minute: Some(minute),
            unknown_fields: Default::default(),
        })
    }

    /// `H`:`M`, checked at compile time: `TimeOfDay::of::<24, 0>()` does not build.
    pub fn of<const H: u32, const M: u32>() -> TimeOfDay {
        const { assert!(H <= 23 && M <= 59, "a TimeOfDay is 0:00 to 23:59") };
        TimeOfDay {
            hour: Some(H),
            minute: Some(M),
            unknown_fields: Default::default(),
        }
    }
}
