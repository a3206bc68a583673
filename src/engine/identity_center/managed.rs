//! The AWS-managed policies Identity Center can attach, with their documents, bundled
//! (`assets/aws-managed-policies.json`, loaded once) so permission sets evaluate offline. A
//! policy ARN outside the bundle is treated as not existing (`ResourceNotFoundException`).

use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The bundled file: AWS-managed policy ARN (partition `aws`) → policy document.
pub const BUNDLED: &str = include_str!("../../../assets/aws-managed-policies.json");

/// Every bundled policy, by ARN in the `aws` partition.
pub fn all() -> &'static BTreeMap<String, Value> {
    static POLICIES: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    POLICIES.get_or_init(|| {
        let v: Value = serde_json::from_str(BUNDLED).unwrap_or(Value::Null);
        v.get("policies")
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, d)| (k.clone(), d.clone())).collect())
            .unwrap_or_default()
    })
}

/// The ARN with its partition replaced by `aws` (the bundle's key).
fn key(arn: &str, partition: &str) -> String {
    match arn.strip_prefix(&format!("arn:{partition}:")) {
        Some(rest) => format!("arn:aws:{rest}"),
        None => arn.to_string(),
    }
}

/// Whether an AWS-managed policy with this ARN exists (is bundled).
pub fn exists(arn: &str, partition: &str) -> bool {
    all().contains_key(&key(arn, partition))
}

/// The document of an AWS-managed policy, if bundled.
pub fn document(arn: &str, partition: &str) -> Option<&'static Value> {
    all().get(&key(arn, partition))
}
