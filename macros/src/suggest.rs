//! "Did you mean": the known name closest to a misspelt one.

/// The candidate closest to `name` by edit distance, ignoring case, when it is close enough
/// to be a likely misspelling (at most a third of its length, and at least one, apart).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_ascii_lowercase();
    candidates
        .into_iter()
        .filter(|candidate| *candidate != name)
        .map(|candidate| (distance(&lower, &candidate.to_ascii_lowercase()), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_near_names_only() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(closest("sucess", ["api_version", "success"]), Some("success"));
        assert_eq!(closest("nodename", ["nodeName", "applicationId"]), Some("nodeName"));
        assert_eq!(closest("appId", ["nodeName"]), None);
        assert_eq!(closest("x", ["y"]), Some("y"));
        assert_eq!(closest("same", ["same"]), None);
    }
}
