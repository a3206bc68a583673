//! Tagging (reference §5.11).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `TagResource`.
    pub fn tag_resource(
        &mut self,
        caller: &Caller,
        req: TagResourceRequest,
    ) -> OrgResult<TagResourceResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("TagResource"))
    }

    /// `UntagResource`.
    pub fn untag_resource(
        &mut self,
        caller: &Caller,
        req: UntagResourceRequest,
    ) -> OrgResult<UntagResourceResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("UntagResource"))
    }

    /// `ListTagsForResource`.
    pub fn list_tags_for_resource(
        &mut self,
        caller: &Caller,
        req: ListTagsForResourceRequest,
    ) -> OrgResult<ListTagsForResourceResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListTagsForResource"))
    }
}

/// Checks a list of tags as the service does: key 1–128 and value 0–256 characters of
/// letters, numbers, spaces and `_ . : / = + - @`; no `aws:` prefix; no repeated key.
pub(crate) fn validate_tags(tags: &[Tag]) -> OrgResult<()> {
    use crate::model::error::InvalidInputReason as R;
    fn ok_char(c: char) -> bool {
        c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c)
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
