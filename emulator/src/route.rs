//! Matching a request path against an operation's path template, the way the gateway does.
//!
//! Literal segments match exactly, on the path as sent (so `%24` is not `$`); a trailing
//! `/` is trimmed first. A `{placeholder}` takes one or more segments and is greedy:
//! `/Applications/one/two/$/GetServices` gives the application id `one/two`. It never takes
//! a `$` segment, which is what keeps `/ImageStore/$/Info` from being read as the content
//! path `$/Info` of `/ImageStore/{contentPath}`.

use crate::query::percent_decode;

/// Paths with more segments than this match no template. Matching backtracks over the
/// placeholders, so a bound keeps a hostile path from costing more than a small, fixed
/// amount of work.
const MAX_SEGMENTS: usize = 256;

/// A parsed path template such as `/Nodes/{nodeName}/$/GetHealth`.
#[derive(Clone, Debug)]
pub(crate) struct Template {
    segments: Vec<Segment>,
}

#[derive(Clone, Debug)]
enum Segment {
    Literal(&'static str),
    Placeholder(&'static str),
}

/// The values a matched path gives its placeholders, percent-decoded.
pub(crate) type PathValues = Vec<(&'static str, String)>;

impl Template {
    pub(crate) fn parse(template: &'static str) -> Template {
        let segments = template
            .trim_end_matches('/')
            .split('/')
            .skip(1)
            .map(
                |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => Segment::Placeholder(name),
                    None => Segment::Literal(segment),
                },
            )
            .collect();
        Template { segments }
    }

    /// How many literal segments the template has: with two templates matching, the one
    /// with more literals is the more specific.
    pub(crate) fn literals(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    }

    /// The placeholders' values when `path` (split with [`segments`]) fits the template.
    pub(crate) fn matches(&self, path: &[&str]) -> Option<PathValues> {
        let mut matcher = Matcher {
            template: &self.segments,
            path,
            failed: vec![false; (self.segments.len() + 1) * (path.len() + 1)],
            values: Vec::new(),
        };
        matcher.fits(0, 0).then_some(matcher.values)
    }
}

/// The segments of a request path, after the trailing `/` is trimmed; `None` for a path
/// too deep to match anything.
pub(crate) fn segments(path: &str) -> Option<Vec<&str>> {
    let trimmed = path.trim_end_matches('/');
    let segments: Vec<&str> = trimmed.split('/').skip(1).collect();
    (segments.len() <= MAX_SEGMENTS).then_some(segments)
}

struct Matcher<'a> {
    template: &'a [Segment],
    path: &'a [&'a str],
    /// `(template index, path index)` pairs already known not to fit.
    failed: Vec<bool>,
    values: PathValues,
}

impl Matcher<'_> {
    fn fits(&mut self, t: usize, p: usize) -> bool {
        let key = t * (self.path.len() + 1) + p;
        if self.failed[key] {
            return false;
        }
        let fits = match self.template.get(t) {
            None => p == self.path.len(),
            Some(Segment::Literal(literal)) => self.path.get(p) == Some(literal) && self.fits(t + 1, p + 1),
            Some(Segment::Placeholder(name)) => self.placeholder(name, t, p),
        };
        if !fits {
            self.failed[key] = true;
        }
        fits
    }

    /// Tries the longest run of segments first, down to one.
    fn placeholder(&mut self, name: &'static str, t: usize, p: usize) -> bool {
        let available = self.path[p..]
            .iter()
            .take_while(|segment| !segment.is_empty() && **segment != "$")
            .count();
        for take in (1..=available).rev() {
            if self.fits(t + 1, p + take) {
                let value = percent_decode(&self.path[p..p + take].join("/"));
                self.values.insert(0, (name, value));
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(template: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
        Template::parse(template).matches(&segments(path)?)
    }

    fn one(template: &'static str, path: &str) -> Vec<String> {
        values(template, path)
            .unwrap_or_else(|| panic!("{path} fits {template}"))
            .into_iter()
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn literals_match_exactly_and_trailing_slashes_are_trimmed() {
        let status = "/$/GetClusterConfigurationUpgradeStatus";
        assert!(values(status, status).is_some());
        assert!(values(status, "/$/GetClusterConfigurationUpgradeStatus/").is_some());
        assert!(values(status, "/$/GetClusterConfigurationUpgradeStatus//").is_some());
        assert!(values(status, "/$/getclusterconfigurationupgradestatus").is_none());
        assert!(values(status, "/%24/GetClusterConfigurationUpgradeStatus").is_none());
        assert!(values(status, "/$/GetClusterConfigurationUpgradeStatus/x").is_none());
        assert!(values(status, "/$").is_none());
        assert!(values("/", "/").is_some());
        assert!(values("/Nodes", "/").is_none());
    }

    #[test]
    fn placeholders_are_greedy_and_decoded() {
        let services = "/Applications/{applicationId}/$/GetServices";
        assert_eq!(one(services, "/Applications/one/two/$/GetServices"), ["one/two"]);
        assert_eq!(
            one(services, "/Applications/fabric%3A%2FApp/$/GetServices"),
            ["fabric:/App"]
        );
        assert!(values(services, "/Applications/$/GetServices").is_none());
        assert!(values(services, "/Applications//$/GetServices").is_none());
        let nested = "/Applications/{applicationId}/$/GetServices/{serviceId}";
        assert_eq!(one(nested, "/Applications/a/b/$/GetServices/c/d/"), ["a/b", "c/d"]);
        let mesh = "/Resources/Applications/{app}/Services/{service}";
        assert_eq!(
            one(mesh, "/Resources/Applications/a/Services/b/Services/c"),
            ["a/Services/b", "c"]
        );
    }

    #[test]
    fn a_placeholder_never_takes_a_dollar_segment() {
        assert!(values("/ImageStore/{contentPath}", "/ImageStore/$/Info").is_none());
        assert_eq!(one("/ImageStore/{contentPath}", "/ImageStore/a/b/c.xml"), ["a/b/c.xml"]);
        let chunk = "/ImageStore/{contentPath}/$/UploadChunk";
        assert_eq!(
            one(chunk, "/ImageStore/pkg/Code/a.dll/$/UploadChunk"),
            ["pkg/Code/a.dll"]
        );
    }

    #[test]
    fn hostile_paths_cost_little() {
        let template = Template::parse("/Resources/Applications/{a}/Services/{b}/Replicas/{c}/CodePackages/{d}/Logs");
        let mut path = String::from("/Resources/Applications");
        for _ in 0..240 {
            path.push_str("/Services");
        }
        let started = std::time::Instant::now();
        assert!(template.matches(&segments(&path).expect("within the bound")).is_none());
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert!(segments(&"/x".repeat(MAX_SEGMENTS + 1)).is_none());
    }
}
