//! The infrastructure service's answers (InvokeInfrastructureCommand and -Query).

/// What the infrastructure service answered: the service's own JSON, passed through by the
/// gateway.
pub type InfrastructureServiceResponse = serde_json::Value;
