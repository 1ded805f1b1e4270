//! [`OperationScript`]: changing an operation's script while the emulator runs.

use std::time::Duration;

use fabric_rest_runtime::Endpoint;

use crate::script::{Answer, Script};
use crate::server::Gateway;

/// The script of one operation on a running emulator; see [`Emulator::on`](crate::Emulator::on). Each method
/// changes the script at once and returns the handle, so calls chain.
pub struct OperationScript<'a> {
    gateway: &'a Gateway,
    endpoint: &'static Endpoint,
}

impl<'a> OperationScript<'a> {
    pub(crate) fn new(gateway: &'a Gateway, endpoint: &'static Endpoint) -> OperationScript<'a> {
        OperationScript { gateway, endpoint }
    }

    fn change(&self, change: impl FnOnce(Script) -> Script) -> &Self {
        let mut scripts = self.gateway.scripts();
        if let Some(scripted) = scripts
            .iter_mut()
            .find(|s| std::ptr::eq(s.route.endpoint, self.endpoint))
        {
            scripted.script = change(std::mem::take(&mut scripted.script));
        }
        self
    }

    /// Adds `answer` to the end of the sequence ([`Script::then`]).
    pub fn then(&self, answer: impl Into<Answer>) -> &Self {
        self.change(|s| s.then(answer))
    }

    /// Adds `answer` `times` times ([`Script::repeat`]).
    pub fn repeat(&self, answer: impl Into<Answer>, times: usize) -> &Self {
        self.change(|s| s.repeat(answer, times))
    }

    /// The answer once the sequence is used up ([`Script::otherwise`]).
    pub fn otherwise(&self, answer: impl Into<Answer>) -> &Self {
        self.change(|s| s.otherwise(answer))
    }

    /// Every answer waits this long first ([`Script::delay`]).
    pub fn delay(&self, delay: Duration) -> &Self {
        self.change(|s| s.delay(delay))
    }

    /// Replaces the whole script.
    pub fn replace(&self, script: impl Into<Script>) -> &Self {
        let script = script.into();
        self.change(|_| script)
    }

    /// How many answers of the sequence are left (the `otherwise` answer not counted).
    pub fn remaining(&self) -> usize {
        let scripts = self.gateway.scripts();
        scripts
            .iter()
            .find(|s| std::ptr::eq(s.route.endpoint, self.endpoint))
            .map_or(0, |s| s.script.answers.len())
    }
}

impl std::fmt::Debug for OperationScript<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperationScript")
            .field("operation", &self.endpoint.operation())
            .finish_non_exhaustive()
    }
}
