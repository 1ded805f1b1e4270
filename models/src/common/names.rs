//! Service Fabric names (`fabric:/App/Svc`) and the REST ids made from them (`App~Svc`).
//!
//! An application or service is *named* by a URI of the `fabric:` scheme; the REST API
//! identifies it in paths by an *id*: the name without `fabric:/`, each further `/` written
//! as `~` (since Service Fabric 6.0; older versions kept the `/`). Descriptions a user sends
//! (`ApplicationDescription`, `ServiceDescription`) carry names; paths
//! (`/Applications/{applicationId}`) carry ids. The types here keep the two apart:
//! [`ApplicationName::id`] and [`ServiceName::id`] convert, and parsing refuses a name that
//! does not start with `fabric:/`.
//!
//! ```
//! use fabric_rest_models::{ApplicationName, ServiceName};
//!
//! let app: ApplicationName = "fabric:/samples/CalculatorApp".parse()?;
//! assert_eq!(app.id().as_str(), "samples~CalculatorApp");
//! let service = ServiceName::in_application(&app, "CalculatorService")?;
//! assert_eq!(service.as_str(), "fabric:/samples/CalculatorApp/CalculatorService");
//! assert_eq!(service.id().as_str(), "samples~CalculatorApp~CalculatorService");
//! assert!("samples/CalculatorApp".parse::<ApplicationName>().is_err());
//! # Ok::<(), fabric_rest_models::NameError>(())
//! ```
//!
//! An id derefs to `&str`, so an operation taking `application_id: &str` takes `&id` as
//! well as a plain string.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use fabric_rest_runtime::{ParamKind, PathSegment, PathValue};

/// The scheme and root every Service Fabric name starts with.
pub const FABRIC_SCHEME: &str = "fabric:/";

/// Why text is not a Service Fabric name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameError {
    text: String,
    reason: &'static str,
}

impl NameError {
    /// The text that was refused.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a Service Fabric name: {}", self.text, self.reason)
    }
}

impl std::error::Error for NameError {}

/// Checks `text` is `fabric:/` followed by non-empty segments separated by `/`.
fn check_name(text: &str) -> Result<(), NameError> {
    let fail = |reason| {
        Err(NameError {
            text: text.to_owned(),
            reason,
        })
    };
    let Some(path) = text.strip_prefix(FABRIC_SCHEME) else {
        return fail("it must start with `fabric:/`");
    };
    if path.is_empty() {
        return fail("it names nothing after `fabric:/`");
    }
    if path.split('/').any(str::is_empty) {
        return fail("it has an empty segment (`//` or a trailing `/`)");
    }
    if path.contains(['?', '#']) {
        return fail("it holds `?` or `#`, which a name cannot");
    }
    Ok(())
}

/// The REST id of a checked name: the path after `fabric:/`, `/` written as `~`.
fn id_of(name: &str) -> String {
    name[FABRIC_SCHEME.len()..].replace('/', "~")
}

/// Declares a checked name type and its id type.
macro_rules! name_types {
    ($(#[$name_meta:meta])* $name:ident, $(#[$id_meta:meta])* $id:ident) => {
        $(#[$name_meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// `text` as a name, if it is `fabric:/` followed by non-empty segments.
            pub fn parse(text: impl Into<String>) -> Result<$name, NameError> {
                let text = text.into();
                check_name(&text)?;
                Ok($name(text))
            }

            /// The name as text, `fabric:/` included.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The REST id: the name without `fabric:/`, each further `/` as `~`.
            pub fn id(&self) -> $id {
                $id(id_of(&self.0))
            }
        }

        impl FromStr for $name {
            type Err = NameError;
            fn from_str(text: &str) -> Result<$name, NameError> {
                $name::parse(text)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = NameError;
            fn try_from(text: &str) -> Result<$name, NameError> {
                $name::parse(text)
            }
        }

        impl TryFrom<String> for $name {
            type Error = NameError;
            fn try_from(text: String) -> Result<$name, NameError> {
                $name::parse(text)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$name> for String {
            fn from(name: $name) -> String {
                name.0
            }
        }

        $(#[$id_meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $id(String);

        impl $id {
            /// An id as the gateway gives it (`Id` of an info object), taken as it is.
            pub fn new(text: impl Into<String>) -> $id {
                $id(text.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Deref for $id {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $id {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $id {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&$name> for $id {
            fn from(name: &$name) -> $id {
                name.id()
            }
        }

        impl PathValue for $id {
            const KIND: ParamKind = ParamKind::String;
            fn write_path(&self, segment: &mut PathSegment<'_>) {
                segment.push_str(&self.0);
            }
        }
    };
}

name_types! {
    /// The name of an application: `fabric:/App`, or `fabric:/Group/App` for one named
    /// within a hierarchy.
    ApplicationName,
    /// The REST id of an application (`App`, `Group~App`), as `/Applications/{applicationId}`
    /// takes it.
    ApplicationId
}

name_types! {
    /// The name of a service: `fabric:/App/Service`.
    ServiceName,
    /// The REST id of a service (`App~Service`), as `/Services/{serviceId}` takes it.
    ServiceId
}

impl ServiceName {
    /// The service `service` of `application`: `fabric:/App` and `Svc` give
    /// `fabric:/App/Svc`. `service` may hold further `/`-separated segments.
    pub fn in_application(application: &ApplicationName, service: &str) -> Result<ServiceName, NameError> {
        ServiceName::parse(format!("{}/{service}", application.as_str()))
    }
}
