//! ARN builders (reference §2.2). Every ARN embeds the management account id.

use super::enums::{HandshakeAction, PolicyType};
use super::ids::*;

/// What ARNs of one organization need: partition, management account and org id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArnContext {
    /// `aws`, `aws-cn` or `aws-us-gov`.
    pub partition: String,
    /// The management account id.
    pub management: AccountId,
    /// The organization id.
    pub org: OrgId,
}

impl ArnContext {
    fn base(&self) -> String {
        format!("arn:{}:organizations::{}", self.partition, self.management)
    }
    /// `arn:aws:organizations::M:organization/o-…`
    pub fn organization(&self) -> String {
        format!("{}:organization/{}", self.base(), self.org)
    }
    /// `arn:aws:organizations::M:root/o-…/r-…`
    pub fn root(&self, id: &RootId) -> String {
        format!("{}:root/{}/{}", self.base(), self.org, id)
    }
    /// `arn:aws:organizations::M:ou/o-…/ou-…`
    pub fn ou(&self, id: &OuId) -> String {
        format!("{}:ou/{}/{}", self.base(), self.org, id)
    }
    /// `arn:aws:organizations::M:account/o-…/123456789012`
    pub fn account(&self, id: &AccountId) -> String {
        format!("{}:account/{}/{}", self.base(), self.org, id)
    }
    /// Customer policy: `…:policy/o-…/service_control_policy/p-…`; AWS managed policy:
    /// `arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess`.
    pub fn policy(&self, id: &PolicyId, ty: PolicyType, aws_managed: bool) -> String {
        if aws_managed {
            format!("arn:{}:organizations::aws:policy/{}/{}", self.partition, ty.arn_segment(), id)
        } else {
            format!("{}:policy/{}/{}/{}", self.base(), self.org, ty.arn_segment(), id)
        }
    }
    /// `…:handshake/o-…/invite/h-…`
    pub fn handshake(&self, id: &HandshakeId, action: HandshakeAction) -> String {
        format!("{}:handshake/{}/{}/{}", self.base(), self.org, action.as_str().to_ascii_lowercase(), id)
    }
    /// `…:resourcepolicy/o-…/rp-…`
    pub fn resource_policy(&self, id: &ResourcePolicyId) -> String {
        format!("{}:resourcepolicy/{}/{}", self.base(), self.org, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns() {
        let c = ArnContext {
            partition: "aws".into(),
            management: AccountId::parse("111111111111").unwrap(),
            org: OrgId::parse("o-exampleorg").unwrap(),
        };
        assert_eq!(c.organization(), "arn:aws:organizations::111111111111:organization/o-exampleorg");
        assert_eq!(
            c.policy(&PolicyId::parse("p-FullAWSAccess").unwrap(), PolicyType::ServiceControlPolicy, true),
            "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess"
        );
        assert_eq!(
            c.handshake(&HandshakeId::parse("h-abcdefgh").unwrap(), HandshakeAction::Invite),
            "arn:aws:organizations::111111111111:handshake/o-exampleorg/invite/h-abcdefgh"
        );
    }
}
