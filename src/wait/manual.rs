//! Manual rolling upgrades: what a wait does when an upgrade in `UnmonitoredManual` mode
//! finishes an upgrade domain and waits to be let into the next one.

/// Asked with the progress and the next domain's name; `true` lets the upgrade go on.
pub type Ask<'a, P> = Box<dyn FnMut(&P, &str) -> bool + Send + 'a>;

/// What a wait does when a manual (`UnmonitoredManual`) upgrade finishes a domain and waits
/// for `MoveToNextUpgradeDomain`; `P` is the upgrade's progress.
pub enum ManualDomains<'a, P> {
    /// Report it (the summary says which domain is next) and keep waiting for someone else
    /// to let the upgrade go on.
    Report,
    /// Let it go on with the next domain at once.
    Approve,
    /// Ask: the function gets the progress and the next domain's name, and the upgrade goes
    /// on when it answers `true`.
    Ask(Ask<'a, P>),
}

impl<P> std::fmt::Debug for ManualDomains<'_, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ManualDomains::Report => "Report",
            ManualDomains::Approve => "Approve",
            ManualDomains::Ask(_) => "Ask(..)",
        })
    }
}

/// The domains a wait has let a manual upgrade into, so each is approved once.
pub(crate) struct Approvals<'a, P> {
    pub(crate) manual: ManualDomains<'a, P>,
    approved: Option<String>,
}

impl<'a, P> Approvals<'a, P> {
    pub(crate) fn new(manual: ManualDomains<'a, P>) -> Self {
        Approvals { manual, approved: None }
    }

    /// The domain to let the upgrade into now: `waiting` says the upgrade is pending in
    /// manual mode, `next` names the domain it waits for.
    pub(crate) fn next_approval(&mut self, waiting: bool, next: Option<&str>, progress: &P) -> Option<String> {
        let next = next.filter(|d| !d.is_empty())?;
        if !waiting || self.approved.as_deref() == Some(next) {
            return None;
        }
        let approve = match &mut self.manual {
            ManualDomains::Report => false,
            ManualDomains::Approve => true,
            ManualDomains::Ask(ask) => ask(progress, next),
        };
        approve.then(|| next.to_owned())
    }

    /// Records that the upgrade was let into `domain`.
    pub(crate) fn approved(&mut self, domain: String) {
        self.approved = Some(domain);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_domain_is_approved_once_and_only_when_waiting() {
        let mut approvals = Approvals::new(ManualDomains::<()>::Approve);
        assert_eq!(approvals.next_approval(false, Some("UD1"), &()), None);
        assert_eq!(approvals.next_approval(true, Some(""), &()), None);
        assert_eq!(approvals.next_approval(true, Some("UD1"), &()).as_deref(), Some("UD1"));
        approvals.approved("UD1".to_owned());
        assert_eq!(approvals.next_approval(true, Some("UD1"), &()), None);
        let mut report = Approvals::new(ManualDomains::<()>::Report);
        assert_eq!(report.next_approval(true, Some("UD1"), &()), None);
        let mut asked = Vec::new();
        let mut ask = Approvals::new(ManualDomains::<()>::Ask(Box::new(|_, d: &str| {
            asked.push(d.to_owned());
            d == "UD2"
        })));
        assert_eq!(ask.next_approval(true, Some("UD1"), &()), None);
        assert_eq!(ask.next_approval(true, Some("UD2"), &()).as_deref(), Some("UD2"));
        drop(ask);
        assert_eq!(asked, ["UD1", "UD2"]);
    }
}
