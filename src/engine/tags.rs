//! Tagging (reference §5.11).

use super::paginate::{page_request, paginate};
use super::{Engine, Membership};
use crate::model::error::{ConstraintViolationReason, InvalidInputReason};
use crate::model::*;

impl Engine {
    /// `TagResource`: upserts tags (same key overwrites) on a root, OU, account, customer
    /// policy or the resource policy. The whole request fails on any bad tag or if the
    /// resource would carry more than `max_tags` tags.
    pub fn tag_resource(
        &mut self,
        caller: &Caller,
        req: TagResourceRequest,
    ) -> OrgResult<TagResourceResponse> {
        self.tick();
        let id = TaggableId::parse(&req.resource_id)?;
        validate_tags(&req.tags)?;
        self.require_policy_admin(caller, "TagResource", None)?;
        let existing = self.tags_of(&id)?;
        refuse_aws_managed(self, &id)?;
        let merged = merge_tags(existing, &req.tags);
        let max = self.state.quotas.max_tags;
        // System (`aws:`) tags never count; they cannot be stored here anyway.
        if merged.iter().filter(|t| !t.key.to_ascii_lowercase().starts_with("aws:")).count() > max {
            return Err(OrgError::constraint(
                ConstraintViolationReason::MaxTagLimitExceeded,
                format!("A resource can have at most {max} tags."),
            ));
        }
        *self.tags_of_mut(&id)? = merged;
        Ok(TagResourceResponse {})
    }

    /// `UntagResource`: removes the given keys; keys the resource does not carry are ignored.
    pub fn untag_resource(
        &mut self,
        caller: &Caller,
        req: UntagResourceRequest,
    ) -> OrgResult<UntagResourceResponse> {
        self.tick();
        let id = TaggableId::parse(&req.resource_id)?;
        for k in &req.tag_keys {
            validate_tags(std::slice::from_ref(&Tag::new(k.clone(), "")))?;
        }
        self.require_policy_admin(caller, "UntagResource", None)?;
        self.tags_of(&id)?;
        refuse_aws_managed(self, &id)?;
        self.tags_of_mut(&id)?.retain(|t| !req.tag_keys.contains(&t.key));
        Ok(UntagResourceResponse {})
    }

    /// `ListTagsForResource`: the tags in the order their keys were first added (paged by
    /// `NextToken`; the operation takes no `MaxResults`).
    pub fn list_tags_for_resource(
        &mut self,
        caller: &Caller,
        req: ListTagsForResourceRequest,
    ) -> OrgResult<ListTagsForResourceResponse> {
        const OP: &str = "ListTagsForResource";
        self.tick();
        let id = TaggableId::parse(&req.resource_id)?;
        page_request(OP, req.next_token.as_deref(), None)?;
        self.require_reader(caller, OP)?;
        let tags = self.tags_of(&id)?.to_vec();
        let (tags, next_token) = paginate(OP, tags, req.next_token.as_deref(), None)?;
        Ok(ListTagsForResourceResponse { tags, next_token })
    }

    /// The tags of a resource of the organization, or `TargetNotFoundException`.
    fn tags_of(&self, id: &TaggableId) -> OrgResult<&[Tag]> {
        let org = self.org()?;
        let found: Option<&Vec<Tag>> = match id {
            TaggableId::Target(TargetId::Root(r)) => (r == &org.root_id).then_some(&org.root_tags),
            TaggableId::Target(TargetId::Ou(o)) => org.ous.get(o).map(|o| &o.tags),
            TaggableId::Target(TargetId::Account(a)) => self
                .state
                .accounts
                .get(a)
                .filter(|r| matches!(r.membership, Membership::Member(_)))
                .map(|r| &r.tags),
            TaggableId::Policy(p) => org.policies.get(p).map(|p| &p.tags),
            TaggableId::ResourcePolicy(rp) => {
                org.resource_policy.as_ref().filter(|r| &r.id == rp).map(|r| &r.tags)
            }
        };
        found.map(Vec::as_slice).ok_or_else(|| not_found(id))
    }

    /// The tags of a resource, mutable (same lookup as `tags_of`).
    fn tags_of_mut(&mut self, id: &TaggableId) -> OrgResult<&mut Vec<Tag>> {
        let found = match id {
            TaggableId::Target(TargetId::Account(a)) => {
                let in_org = self.state.org.is_some();
                self.state
                    .accounts
                    .get_mut(a)
                    .filter(|r| in_org && matches!(r.membership, Membership::Member(_)))
                    .map(|r| &mut r.tags)
            }
            _ => {
                let org = self.org_mut()?;
                match id {
                    TaggableId::Target(TargetId::Root(r)) => {
                        (r == &org.root_id).then_some(&mut org.root_tags)
                    }
                    TaggableId::Target(TargetId::Ou(o)) => org.ous.get_mut(o).map(|o| &mut o.tags),
                    TaggableId::Policy(p) => org.policies.get_mut(p).map(|p| &mut p.tags),
                    TaggableId::ResourcePolicy(rp) => {
                        org.resource_policy.as_mut().filter(|r| &r.id == rp).map(|r| &mut r.tags)
                    }
                    TaggableId::Target(TargetId::Account(_)) => None,
                }
            }
        };
        found.ok_or_else(|| not_found(id))
    }
}

fn not_found(id: &TaggableId) -> OrgError {
    OrgError::new(
        ErrorCode::TargetNotFoundException,
        format!("Resource {} was not found in this organization.", id.as_str()),
    )
}

/// AWS managed policies cannot be tagged or untagged. The reference names no error for this;
/// we answer `InvalidInputException IMMUTABLE_POLICY`, the reason the service gives for every
/// other change to an AWS managed policy.
fn refuse_aws_managed(e: &Engine, id: &TaggableId) -> OrgResult<()> {
    if let TaggableId::Policy(p) = id
        && e.org()?.policies.get(p).is_some_and(|p| p.aws_managed)
    {
        return Err(OrgError::invalid_input(
            InvalidInputReason::ImmutablePolicy,
            format!("Policy {p} is managed by AWS and cannot be tagged."),
        ));
    }
    Ok(())
}

/// Checks a list of tags as the service does: key 1–128 and value 0–256 characters of
/// letters, numbers, spaces and `_ . : / = + - @`; no `aws:` prefix; no repeated key.
pub(crate) fn validate_tags(tags: &[Tag]) -> OrgResult<()> {
    use InvalidInputReason as R;
    fn ok_char(c: char) -> bool {
        // `\p{Z}` is separators (spaces), not control characters such as tab or newline.
        c.is_alphanumeric() || (c.is_whitespace() && !c.is_control()) || "_.:/=+-@".contains(c)
    }
    let mut seen = std::collections::BTreeSet::new();
    for t in tags {
        let klen = t.key.chars().count();
        if klen == 0 {
            return Err(OrgError::invalid_input(
                R::MinLengthExceeded,
                "A tag key must have at least 1 character.",
            ));
        }
        if klen > 128 {
            return Err(OrgError::invalid_input(
                R::MaxLengthExceeded,
                format!("Tag key {:?} is longer than 128 characters.", t.key),
            ));
        }
        if t.value.chars().count() > 256 {
            return Err(OrgError::invalid_input(
                R::MaxLengthExceeded,
                format!("The value of tag {:?} is longer than 256 characters.", t.key),
            ));
        }
        if !t.key.chars().all(ok_char) || !t.value.chars().all(ok_char) {
            return Err(OrgError::invalid_input(
                R::InvalidPattern,
                format!("Tag {:?} contains characters that are not allowed.", t.key),
            ));
        }
        if t.key.to_ascii_lowercase().starts_with("aws:") {
            return Err(OrgError::invalid_input(
                R::InvalidSystemTagsParameter,
                format!("Tag key {:?} uses the reserved aws: prefix.", t.key),
            ));
        }
        if !seen.insert(t.key.as_str()) {
            return Err(OrgError::invalid_input(
                R::DuplicateTagKey,
                format!("Tag key {:?} appears more than once.", t.key),
            ));
        }
    }
    Ok(())
}

/// Upserts `new` into `existing` (same key overwrites), keeping first-seen order.
pub(crate) fn merge_tags(existing: &[Tag], new: &[Tag]) -> Vec<Tag> {
    let mut out = existing.to_vec();
    for t in new {
        match out.iter_mut().find(|e| e.key == t.key) {
            Some(e) => e.value = t.value.clone(),
            None => out.push(t.clone()),
        }
    }
    out
}
