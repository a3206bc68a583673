//! Conversions from engine records to the service's output entities.

use super::{AccountRecord, Engine, Membership, OrgState, PolicyRecord};
use crate::model::arn::ArnContext;
use crate::model::*;

impl OrgState {
    /// ARN builder for this organization.
    pub fn arns(&self, partition: &str) -> ArnContext {
        ArnContext { partition: partition.into(), management: self.management.clone(), org: self.id.clone() }
    }

    /// The root as the service returns it.
    pub fn root_view(&self, partition: &str) -> Root {
        Root {
            id: self.root_id.clone(),
            arn: self.arns(partition).root(&self.root_id),
            name: "Root".into(),
            policy_types: self
                .policy_types
                .iter()
                .map(|(t, s)| PolicyTypeSummary { r#type: *t, status: *s })
                .collect(),
        }
    }

    /// An OU as the service returns it.
    pub fn ou_view(&self, id: &OuId, partition: &str) -> Option<OrganizationalUnit> {
        let ou = self.ous.get(id)?;
        Some(OrganizationalUnit {
            id: ou.id.clone(),
            arn: self.arns(partition).ou(&ou.id),
            name: ou.name.clone(),
            path: Some(self.path_of(&ParentId::Ou(ou.id.clone()))),
        })
    }

    /// A policy summary as the service returns it.
    pub fn policy_summary(&self, p: &PolicyRecord, partition: &str) -> PolicySummary {
        PolicySummary {
            id: p.id.clone(),
            arn: self.arns(partition).policy(&p.id, p.policy_type, p.aws_managed),
            name: p.name.clone(),
            description: p.description.clone(),
            r#type: p.policy_type,
            aws_managed: p.aws_managed,
        }
    }

    /// A policy with content.
    pub fn policy_view(&self, p: &PolicyRecord, partition: &str) -> Policy {
        Policy { policy_summary: self.policy_summary(p, partition), content: p.content.clone() }
    }
}

impl Engine {
    /// Partition used in ARNs.
    pub(crate) fn partition(&self) -> &str {
        &self.state.settings.partition
    }

    /// The organization as the service returns it.
    pub(crate) fn org_view(&self, org: &OrgState) -> Organization {
        let arns = org.arns(self.partition());
        let email = self.state.accounts.get(&org.management).map(|a| a.email.clone()).unwrap_or_default();
        Organization {
            id: org.id.clone(),
            arn: arns.organization(),
            feature_set: org.feature_set,
            master_account_arn: arns.account(&org.management),
            master_account_id: org.management.clone(),
            master_account_email: email,
            available_policy_types: match org.feature_set {
                FeatureSet::All => vec![PolicyTypeSummary {
                    r#type: PolicyType::ServiceControlPolicy,
                    status: PolicyTypeStatus::Enabled,
                }],
                FeatureSet::ConsolidatedBilling => Vec::new(),
            },
        }
    }

    /// A member account as the service returns it.
    pub(crate) fn account_view(&self, a: &AccountRecord) -> Account {
        let (arn, paths) = match (&self.state.org, &a.membership) {
            (Some(org), Membership::Member(p)) => {
                (org.arns(self.partition()).account(&a.id), vec![format!("{}{}/", org.path_of(p), a.id)])
            }
            _ => (format!("arn:{}:organizations:::account/{}", self.partition(), a.id), Vec::new()),
        };
        Account {
            id: a.id.clone(),
            arn,
            email: a.email.clone(),
            name: a.name.clone(),
            status: a.status,
            state: a.state,
            paths,
            joined_method: a.joined_method,
            joined_timestamp: a.joined_timestamp,
        }
    }
}
