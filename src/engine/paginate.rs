//! `MaxResults` / `NextToken` pagination shared by every List operation.
//!
//! Tokens are opaque to callers: they name the operation and the offset and carry a
//! checksum, so a garbage or foreign token is `InvalidInputException INVALID_NEXT_TOKEN`.

use crate::model::error::InvalidInputReason;
use crate::model::{OrgError, OrgResult};

/// The largest page the service returns, and our default.
pub const MAX_PAGE: i32 = 20;

fn checksum(op: &str, offset: usize) -> u32 {
    // FNV-1a over the operation name and offset.
    let mut h: u32 = 0x811c_9dc5;
    for b in op.bytes().chain(offset.to_le_bytes()) {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn encode(op: &str, offset: usize) -> String {
    format!("v1.{offset:x}.{:08x}.{}", checksum(op, offset), op.len())
}

fn decode(op: &str, token: &str) -> Option<usize> {
    let mut parts = token.split('.');
    if parts.next()? != "v1" {
        return None;
    }
    let offset = usize::from_str_radix(parts.next()?, 16).ok()?;
    let sum = u32::from_str_radix(parts.next()?, 16).ok()?;
    let len: usize = parts.next()?.parse().ok()?;
    (parts.next().is_none() && sum == checksum(op, offset) && len == op.len()).then_some(offset)
}

/// Validates `MaxResults` (1–20) and returns the page size.
pub fn page_size(max_results: Option<i32>) -> OrgResult<usize> {
    match max_results {
        None => Ok(MAX_PAGE as usize),
        Some(n) if n < 1 => Err(OrgError::invalid_input(
            InvalidInputReason::MinValueExceeded,
            format!("MaxResults must be at least 1 (got {n})."),
        )),
        Some(n) if n > MAX_PAGE => Err(OrgError::invalid_input(
            InvalidInputReason::MaxValueExceeded,
            format!("MaxResults must be at most {MAX_PAGE} (got {n})."),
        )),
        Some(n) => Ok(n as usize),
    }
}

/// Validates the paging inputs of `op` before any other check, returning (offset, page size).
pub fn page_request(
    op: &str,
    next_token: Option<&str>,
    max_results: Option<i32>,
) -> OrgResult<(usize, usize)> {
    let size = page_size(max_results)?;
    let offset = match next_token {
        None => 0,
        Some(t) => decode(op, t).ok_or_else(|| {
            OrgError::invalid_input(
                InvalidInputReason::InvalidNextToken,
                "The specified NextToken is not valid for this operation.",
            )
        })?,
    };
    Ok((offset, size))
}

/// Cuts one page out of `items` (already in the listing's stable order).
pub fn paginate<T>(
    op: &str,
    items: Vec<T>,
    next_token: Option<&str>,
    max_results: Option<i32>,
) -> OrgResult<(Vec<T>, Option<String>)> {
    let (offset, size) = page_request(op, next_token, max_results)?;
    let total = items.len();
    let page: Vec<T> = items.into_iter().skip(offset).take(size).collect();
    let end = offset.saturating_add(size);
    let next = (end < total).then(|| encode(op, end));
    Ok((page, next))
}

/// Like `paginate`, but converts only the items of the returned page (listings of thousands
/// of entities stay linear over a full walk instead of converting everything per page).
pub fn paginate_map<T, U>(
    op: &str,
    items: Vec<T>,
    next_token: Option<&str>,
    max_results: Option<i32>,
    convert: impl FnMut(T) -> U,
) -> OrgResult<(Vec<U>, Option<String>)> {
    let (page, next) = paginate(op, items, next_token, max_results)?;
    Ok((page.into_iter().map(convert).collect(), next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_tokens() {
        let items: Vec<u32> = (0..45).collect();
        let (p1, t1) = paginate("ListAccounts", items.clone(), None, None).unwrap();
        assert_eq!(p1.len(), 20);
        let (p2, t2) = paginate("ListAccounts", items.clone(), t1.as_deref(), None).unwrap();
        assert_eq!(p2[0], 20);
        let (p3, t3) = paginate("ListAccounts", items.clone(), t2.as_deref(), None).unwrap();
        assert_eq!(p3.len(), 5);
        assert!(t3.is_none());
        let err = paginate("ListRoots", items.clone(), t1.as_deref(), None).unwrap_err();
        assert_eq!(err.reason.as_deref(), Some("INVALID_NEXT_TOKEN"));
        let err = paginate("ListAccounts", items.clone(), Some("garbage"), None).unwrap_err();
        assert_eq!(err.reason.as_deref(), Some("INVALID_NEXT_TOKEN"));
        assert_eq!(
            paginate("X", items.clone(), None, Some(0)).unwrap_err().reason.as_deref(),
            Some("MIN_VALUE_EXCEEDED")
        );
        assert_eq!(
            paginate("X", items, None, Some(21)).unwrap_err().reason.as_deref(),
            Some("MAX_VALUE_EXCEEDED")
        );
    }
}
