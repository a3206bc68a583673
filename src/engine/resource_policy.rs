//! The resource-based delegation policy (reference §5.12): at most one per organization; it
//! lets delegated administrators call the policy-management operations it grants. The
//! document grammar and evaluation live in `delegation_doc.rs`.

use super::{Engine, OrgState, ResourcePolicyRecord, delegation_doc, validate};
use crate::model::*;

impl Engine {
    /// `PutResourcePolicy`: creates the organization's delegation policy or replaces its
    /// content (keeping its id and tags). Tags may be given only when it is created.
    pub fn put_resource_policy(
        &mut self,
        caller: &Caller,
        req: PutResourcePolicyRequest,
    ) -> OrgResult<PutResourcePolicyResponse> {
        self.tick();
        // Over-long content fails the model's length check (InvalidInputException
        // MAX_LENGTH_EXCEEDED); the size is the configurable delegation-policy quota.
        validate::length("Content", &req.content, 1, self.state.quotas.max_resource_policy_size)?;
        let tags = req.tags.unwrap_or_default();
        super::tags::validate_tags(&tags)?;
        self.require_management(caller, "PutResourcePolicy")?;
        delegation_doc::parse(&req.content)?;
        let existing = self.org()?.resource_policy.as_ref().map(|r| r.id.clone());
        if existing.is_some() && !tags.is_empty() {
            // The API documentation says only that "an exception is thrown"; no reason code
            // fits, so this is a bare InvalidInputException.
            return Err(OrgError::new(
                ErrorCode::InvalidInputException,
                "Tags can be given only when the resource policy is first created; use TagResource to tag it.",
            ));
        }
        validate::new_tags(&tags, self.state.quotas.max_tags)?;
        let id = match existing {
            Some(id) => id,
            None => self.new_resource_policy_id(),
        };
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        match org.resource_policy.as_mut() {
            Some(rp) => rp.content = req.content,
            None => org.resource_policy = Some(ResourcePolicyRecord { id, content: req.content, tags }),
        }
        let resource_policy = resource_policy_view(org, &partition)?;
        Ok(PutResourcePolicyResponse { resource_policy })
    }

    /// `DescribeResourcePolicy`: the management account or a delegated administrator.
    pub fn describe_resource_policy(
        &mut self,
        caller: &Caller,
        _req: DescribeResourcePolicyRequest,
    ) -> OrgResult<DescribeResourcePolicyResponse> {
        self.tick();
        self.require_reader(caller, "DescribeResourcePolicy")?;
        let resource_policy = resource_policy_view(self.org()?, self.partition())?;
        Ok(DescribeResourcePolicyResponse { resource_policy })
    }

    /// `DeleteResourcePolicy`: removes the policy (and its tags); delegated administrators
    /// keep only their read access.
    pub fn delete_resource_policy(
        &mut self,
        caller: &Caller,
        _req: DeleteResourcePolicyRequest,
    ) -> OrgResult<DeleteResourcePolicyResponse> {
        self.tick();
        self.require_management(caller, "DeleteResourcePolicy")?;
        if self.org()?.resource_policy.is_none() {
            return Err(not_found());
        }
        self.org_mut()?.resource_policy = None;
        Ok(DeleteResourcePolicyResponse {})
    }
}

impl Engine {
    /// Whether the resource (delegation) policy lets member `account` call
    /// `organizations:{op}` (for `policy_type`, when the statement has an
    /// `organizations:PolicyType` condition). Deny wins; no policy allows nothing.
    pub(crate) fn resource_policy_allows(
        &self,
        account: &AccountId,
        op: &str,
        policy_type: Option<PolicyType>,
    ) -> bool {
        match self.state.org.as_ref().and_then(|o| o.resource_policy.as_ref()) {
            Some(rp) => delegation_doc::allows(&rp.content, account, op, policy_type),
            None => false,
        }
    }
}

fn not_found() -> OrgError {
    OrgError::new(ErrorCode::ResourcePolicyNotFoundException, "The organization has no resource policy.")
}

fn resource_policy_view(org: &OrgState, partition: &str) -> OrgResult<ResourcePolicy> {
    let rp = org.resource_policy.as_ref().ok_or_else(not_found)?;
    Ok(ResourcePolicy {
        resource_policy_summary: ResourcePolicySummary {
            id: rp.id.clone(),
            arn: org.arns(partition).resource_policy(&rp.id),
        },
        content: rp.content.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::delegation_doc::{allows, parse, wildcard};
    use crate::model::*;

    const A: &str = "222222222222";
    const B: &str = "333333333333";

    fn acct(s: &str) -> AccountId {
        AccountId::parse(s).unwrap()
    }

    fn doc(statements: &str) -> String {
        format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#)
    }

    fn stmt(effect: &str, principal: &str, action: &str, condition: &str) -> String {
        let cond = if condition.is_empty() { String::new() } else { format!(r#","Condition":{condition}"#) };
        format!(
            r#"{{"Effect":"{effect}","Principal":{{"AWS":"{principal}"}},"Action":{action},"Resource":"*"{cond}}}"#
        )
    }

    fn reason(content: &str) -> Option<String> {
        parse(content).err().and_then(|e| e.reason)
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("describe*", "describepolicy"));
        assert!(wildcard("*", ""));
        assert!(wildcard("a?c", "abc"));
        assert!(!wildcard("a?c", "ac"));
        assert!(wildcard("*_POLICY", "TAG_POLICY"));
        assert!(!wildcard("TAG*", "BACKUP_POLICY"));
        assert!(wildcard("a*b*c", "aXXbYYc"));
        assert!(!wildcard("a*b*c", "aXXbYY"));
    }

    #[test]
    fn allow_by_account_id_and_root_arn() {
        let p = doc(&stmt("Allow", A, r#""organizations:Describe*""#, ""));
        assert!(allows(&p, &acct(A), "DescribePolicy", None));
        assert!(!allows(&p, &acct(A), "CreatePolicy", None));
        assert!(!allows(&p, &acct(B), "DescribePolicy", None));
        let p =
            doc(&stmt("Allow", &format!("arn:aws:iam::{A}:root"), r#"["organizations:CreatePolicy"]"#, ""));
        assert!(allows(&p, &acct(A), "CreatePolicy", None));
        assert!(!allows(&p, &acct(A), "UpdatePolicy", None));
    }

    #[test]
    fn actions_are_case_insensitive() {
        let p = doc(&stmt("Allow", A, r#""Organizations:tagresource""#, ""));
        assert!(allows(&p, &acct(A), "TagResource", None));
    }

    #[test]
    fn deny_wins() {
        let p = doc(&format!(
            "{},{}",
            stmt("Allow", A, r#""organizations:*""#, ""),
            stmt("Deny", A, r#""organizations:DeletePolicy""#, "")
        ));
        assert!(allows(&p, &acct(A), "CreatePolicy", None));
        assert!(!allows(&p, &acct(A), "DeletePolicy", None));
    }

    #[test]
    fn policy_type_condition_forms() {
        let eq = doc(&stmt(
            "Allow",
            A,
            r#""organizations:CreatePolicy""#,
            r#"{"StringEquals":{"organizations:PolicyType":["TAG_POLICY","BACKUP_POLICY"]}}"#,
        ));
        assert!(allows(&eq, &acct(A), "CreatePolicy", Some(PolicyType::TagPolicy)));
        assert!(!allows(&eq, &acct(A), "CreatePolicy", Some(PolicyType::ServiceControlPolicy)));
        // Missing key: a positive operator is false.
        assert!(!allows(&eq, &acct(A), "CreatePolicy", None));
        let like = doc(&stmt(
            "Allow",
            A,
            r#""organizations:*""#,
            r#"{"StringLike":{"Organizations:PolicyType":"*_CONTROL_POLICY"}}"#,
        ));
        assert!(allows(&like, &acct(A), "AttachPolicy", Some(PolicyType::ResourceControlPolicy)));
        assert!(!allows(&like, &acct(A), "AttachPolicy", Some(PolicyType::TagPolicy)));
        let any = doc(&stmt(
            "Allow",
            A,
            r#""organizations:*""#,
            r#"{"ForAnyValue:StringEquals":{"organizations:PolicyType":"TAG_POLICY"}}"#,
        ));
        assert!(allows(&any, &acct(A), "UpdatePolicy", Some(PolicyType::TagPolicy)));
        assert!(!allows(&any, &acct(A), "UpdatePolicy", None));
        let not = doc(&stmt(
            "Allow",
            A,
            r#""organizations:*""#,
            r#"{"StringNotEquals":{"organizations:PolicyType":"SERVICE_CONTROL_POLICY"}}"#,
        ));
        assert!(allows(&not, &acct(A), "UpdatePolicy", Some(PolicyType::TagPolicy)));
        assert!(!allows(&not, &acct(A), "UpdatePolicy", Some(PolicyType::ServiceControlPolicy)));
        // Negated operator with the key absent: true.
        assert!(allows(&not, &acct(A), "TagResource", None));
        let if_exists = doc(&stmt(
            "Allow",
            A,
            r#""organizations:*""#,
            r#"{"StringEqualsIfExists":{"organizations:PolicyType":"TAG_POLICY"}}"#,
        ));
        assert!(allows(&if_exists, &acct(A), "TagResource", None));
        assert!(!allows(&if_exists, &acct(A), "CreatePolicy", Some(PolicyType::BackupPolicy)));
    }

    #[test]
    fn deny_with_condition_only_blocks_that_type() {
        let p = doc(&format!(
            "{},{}",
            stmt("Allow", A, r#""organizations:*Policy""#, ""),
            stmt(
                "Deny",
                A,
                r#""organizations:*""#,
                r#"{"StringEquals":{"organizations:PolicyType":"SERVICE_CONTROL_POLICY"}}"#
            )
        ));
        assert!(allows(&p, &acct(A), "CreatePolicy", Some(PolicyType::TagPolicy)));
        assert!(!allows(&p, &acct(A), "CreatePolicy", Some(PolicyType::ServiceControlPolicy)));
    }

    #[test]
    fn validation_reasons() {
        assert_eq!(reason("{not json").as_deref(), Some("INVALID_RESOURCE_POLICY_JSON"));
        assert_eq!(reason("[]").as_deref(), Some("INVALID_RESOURCE_POLICY_JSON"));
        assert_eq!(reason(r#"{"Statement":[]}"#).as_deref(), Some("INVALID_RESOURCE_POLICY_JSON"));
        assert_eq!(
            reason(&doc(&stmt("Permit", A, r#""organizations:ListRoots""#, ""))).as_deref(),
            Some("INVALID_RESOURCE_POLICY_JSON")
        );
        let no_principal = doc(r#"{"Effect":"Allow","Action":"organizations:ListRoots","Resource":"*"}"#);
        assert_eq!(reason(&no_principal).as_deref(), Some("INVALID_PRINCIPAL"));
        assert_eq!(
            reason(&doc(&stmt("Allow", "*", r#""organizations:ListRoots""#, ""))).as_deref(),
            Some("INVALID_PRINCIPAL")
        );
        assert_eq!(
            reason(&doc(&stmt("Allow", A, r#""organizations:CreateAccount""#, ""))).as_deref(),
            Some("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY")
        );
        assert_eq!(
            reason(&doc(&stmt("Allow", A, r#""s3:GetObject""#, ""))).as_deref(),
            Some("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY")
        );
        let bad_resource = doc(&format!(
            r#"{{"Effect":"Allow","Principal":{{"AWS":"{A}"}},"Action":"organizations:ListRoots","Resource":"arn:aws:s3:::b"}}"#
        ));
        assert_eq!(reason(&bad_resource).as_deref(), Some("UNSUPPORTED_RESOURCE_IN_RESOURCE_POLICY"));
        let bad_type = doc(&stmt(
            "Allow",
            A,
            r#""organizations:CreatePolicy""#,
            r#"{"StringEquals":{"organizations:PolicyType":"NOT_A_TYPE"}}"#,
        ));
        assert_eq!(reason(&bad_type).as_deref(), Some("UNSUPPORTED_POLICY_TYPE_IN_RESOURCE_POLICY"));
        let ok = doc(&stmt(
            "Allow",
            &format!("arn:aws:iam::{A}:role/Admin"),
            r#"["organizations:Describe*","organizations:List*"]"#,
            r#"{"StringLike":{"organizations:PolicyType":"TAG*"}}"#,
        ));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn unparsable_policy_allows_nothing() {
        assert!(!allows("garbage", &acct(A), "ListRoots", None));
    }
}
