//! The gateway's checks of a request against the description of the operation its path
//! and method name: api-version, required query parameters, body.

use fabric_rest_runtime::{Endpoint, Location, ParamKind};

use crate::mismatch::Problem;
use crate::query::{Query, Version};
use crate::route::{PathValues, Template};

/// Query names the gateway reads for every operation, declared or not.
const ALWAYS_KNOWN: [&str; 2] = ["api-version", "timeout"];

/// An operation the emulator can route a request to.
#[derive(Clone, Debug)]
pub(crate) struct Route {
    pub(crate) endpoint: &'static Endpoint,
    template: Template,
    /// The lowest api-version taken: the description's own unless told otherwise.
    minimum: Version,
}

impl Route {
    pub(crate) fn new(endpoint: &'static Endpoint) -> Route {
        let minimum = Version::read(endpoint.api_version()).unwrap_or_else(|| Version::of_runtime(1, 0));
        Route {
            endpoint,
            template: Template::parse(endpoint.path()),
            minimum,
        }
    }

    /// The same route taking every api-version from `minimum` on.
    pub(crate) fn taking_versions_from(mut self, major: u32, minor: u32) -> Route {
        self.minimum = Version::of_runtime(major, minor);
        self
    }

    pub(crate) fn matches(&self, path: &[&str]) -> Option<PathValues> {
        self.template.matches(path)
    }

    pub(crate) fn specificity(&self) -> usize {
        self.template.literals()
    }

    pub(crate) fn method(&self) -> &'static str {
        self.endpoint.method().as_str()
    }
}

/// What the checks of one request found.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// The problem the gateway refuses the request for, if any.
    pub(crate) refusal: Option<Problem>,
    /// Problems it ignores.
    pub(crate) ignored: Vec<Problem>,
}

/// Checks a request whose path and method fit `route`, in the gateway's order.
pub(crate) fn check(route: &Route, query: &Query, body: &[u8], too_large: bool, runtime: &Version) -> Findings {
    let refusal = api_version(route, query, runtime)
        .err()
        .or_else(|| too_large.then_some(Problem::BodyTooLarge))
        .or_else(|| missing_query(route.endpoint, query))
        .or_else(|| body_problem(route.endpoint, body));
    Findings {
        refusal,
        ignored: unknown_query(route.endpoint, query),
    }
}

fn api_version(route: &Route, query: &Query, runtime: &Version) -> Result<(), Problem> {
    let sent = query.get("api-version").ok_or(Problem::MissingApiVersion)?;
    let version = Version::read(sent).ok_or_else(|| Problem::UnreadableApiVersion { sent: sent.to_owned() })?;
    if version < route.minimum || version > *runtime {
        return Err(Problem::ApiVersionOutOfRange {
            sent: sent.to_owned(),
            minimum: route.minimum.to_string(),
            maximum: runtime.to_string(),
        });
    }
    Ok(())
}

fn missing_query(endpoint: &Endpoint, query: &Query) -> Option<Problem> {
    endpoint
        .params()
        .iter()
        .find(|p| p.location() == Location::Query && p.required() && query.get(p.name()).is_none())
        .map(|p| Problem::MissingQueryParameter { name: p.name() })
}

fn body_problem(endpoint: &Endpoint, body: &[u8]) -> Option<Problem> {
    let declared = endpoint.params().iter().find(|p| p.location() == Location::Body)?;
    let blank = body.iter().all(u8::is_ascii_whitespace);
    if blank {
        return declared.required().then_some(Problem::MissingBody);
    }
    (declared.kind() == ParamKind::Json && !is_json(body)).then_some(Problem::UnreadableBody)
}

/// Whether `body` starts with a complete JSON value. Like the gateway's reader, what
/// follows that value is not read at all.
pub(crate) fn is_json(body: &[u8]) -> bool {
    let mut values = serde_json::Deserializer::from_slice(body).into_iter::<serde::de::IgnoredAny>();
    matches!(values.next(), Some(Ok(_)))
}

fn unknown_query(endpoint: &Endpoint, query: &Query) -> Vec<Problem> {
    query
        .names()
        .into_iter()
        .filter(|name| !ALWAYS_KNOWN.contains(name) && endpoint.param(Location::Query, name).is_none())
        .map(|name| Problem::UnknownQueryParameter { name: name.to_owned() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fabric_rest_runtime::{Method, Param};

    static LIST: Endpoint = Endpoint::new("List", Method::Get, "/Things", "6.3").with_params(&[
        Param::new("Filter", Location::Query, false),
        Param::new("Name", Location::Query, true),
    ]);
    static CREATE: Endpoint = Endpoint::new("Create", Method::Post, "/Things/$/Create", "6.0")
        .with_params(&[Param::new("description", Location::Body, true).with_kind(ParamKind::Json)]);
    static MAYBE: Endpoint = Endpoint::new("Maybe", Method::Post, "/Things/$/Maybe", "6.0").with_params(&[Param::new(
        "policy",
        Location::Body,
        false,
    )
    .with_kind(ParamKind::Json)]);

    fn run(endpoint: &'static Endpoint, query: &str, body: &[u8]) -> Findings {
        let query = Query::parse(Some(query));
        check(&Route::new(endpoint), &query, body, false, &Version::of_runtime(9, 1))
    }

    fn refusal(endpoint: &'static Endpoint, query: &str, body: &[u8]) -> Option<Problem> {
        run(endpoint, query, body).refusal
    }

    #[test]
    fn api_version_is_required_and_bounded() {
        assert_eq!(refusal(&LIST, "Name=a", b""), Some(Problem::MissingApiVersion));
        assert_eq!(
            refusal(&LIST, "api-version=&Name=a", b""),
            Some(Problem::MissingApiVersion)
        );
        assert_eq!(
            refusal(&LIST, "api-version=latest&Name=a", b""),
            Some(Problem::UnreadableApiVersion { sent: "latest".into() })
        );
        let out = |sent: &str| Problem::ApiVersionOutOfRange {
            sent: sent.into(),
            minimum: "6.3".into(),
            maximum: "9.1".into(),
        };
        assert_eq!(refusal(&LIST, "api-version=6.2&Name=a", b""), Some(out("6.2")));
        assert_eq!(refusal(&LIST, "api-version=9.2&Name=a", b""), Some(out("9.2")));
        for ok in ["6.3", "9.1", "7", "8.0-preview", "6.3.1"] {
            assert_eq!(refusal(&LIST, &format!("api-version={ok}&Name=a"), b""), None, "{ok}");
        }
        let old = Route::new(&LIST).taking_versions_from(1, 0);
        let findings = check(
            &old,
            &Query::parse(Some("api-version=1.0&Name=a")),
            b"",
            false,
            &Version::of_runtime(9, 1),
        );
        assert_eq!(findings.refusal, None);
    }

    #[test]
    fn required_query_parameters_must_have_a_value() {
        let missing = Some(Problem::MissingQueryParameter { name: "Name" });
        assert_eq!(refusal(&LIST, "api-version=6.3", b""), missing);
        assert_eq!(refusal(&LIST, "api-version=6.3&Name=", b""), missing);
        assert_eq!(refusal(&LIST, "api-version=6.3&name=a", b""), missing);
    }

    #[test]
    fn unknown_query_names_are_noted_and_ignored() {
        let findings = run(&LIST, "api-version=6.3&Name=a&Filtr=x&timeout=5&Filter=y&Filtr=z", b"");
        assert_eq!(findings.refusal, None);
        assert_eq!(
            findings.ignored,
            [Problem::UnknownQueryParameter { name: "Filtr".into() }]
        );
    }

    #[test]
    fn bodies_are_read_leniently() {
        let v = "api-version=6.0";
        assert_eq!(refusal(&CREATE, v, b""), Some(Problem::MissingBody));
        assert_eq!(refusal(&CREATE, v, b"  \r\n"), Some(Problem::MissingBody));
        assert_eq!(refusal(&CREATE, v, b"{\"a\":"), Some(Problem::UnreadableBody));
        assert_eq!(refusal(&CREATE, v, b"not json"), Some(Problem::UnreadableBody));
        assert_eq!(refusal(&CREATE, v, b"\xff\xfe"), Some(Problem::UnreadableBody));
        assert_eq!(refusal(&CREATE, v, b"{\"a\":1} trailing bytes"), None);
        assert_eq!(refusal(&CREATE, v, b"[1,2]"), None);
        assert_eq!(refusal(&MAYBE, v, b""), None);
        assert_eq!(refusal(&MAYBE, v, b"{"), Some(Problem::UnreadableBody));
        assert_eq!(refusal(&LIST, "api-version=6.3&Name=a", b"ignored"), None);
    }

    #[test]
    fn too_large_bodies_come_after_the_api_version() {
        let route = Route::new(&CREATE);
        let runtime = Version::of_runtime(9, 1);
        let big = check(&route, &Query::parse(Some("api-version=6.0")), b"{}", true, &runtime);
        assert_eq!(big.refusal, Some(Problem::BodyTooLarge));
        let unversioned = check(&route, &Query::parse(None), b"{}", true, &runtime);
        assert_eq!(unversioned.refusal, Some(Problem::MissingApiVersion));
    }
}
