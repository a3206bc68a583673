//! `MaxResults` (1–100) / `NextToken` pages of every Identity Center list. Tokens are opaque:
//! they carry the offset and a checksum over the operation, so a token from another list or
//! a made-up one is a `ValidationException`.

use super::validate::max_results;
use crate::model::identity_center::{IcError, IcResult};

fn checksum(op: &str, offset: usize) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in op.bytes().chain(offset.to_le_bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The offset a token stands for in `op`, or a validation error.
fn offset(op: &str, token: Option<&str>) -> IcResult<usize> {
    let Some(t) = token else { return Ok(0) };
    let bad = || IcError::validation(format!("The NextToken {t:?} is not valid for {op}."));
    let (off, sum) = t.split_once('_').ok_or_else(bad)?;
    let off = usize::from_str_radix(off, 16).map_err(|_| bad())?;
    let sum = u32::from_str_radix(sum, 16).map_err(|_| bad())?;
    if sum == checksum(op, off) { Ok(off) } else { Err(bad()) }
}

/// Checks the paging inputs of `op` (before anything else), returning (offset, page size).
pub fn request(op: &str, max: Option<i64>, token: Option<&str>) -> IcResult<(usize, usize)> {
    let size = max_results(max)?;
    Ok((offset(op, token)?, size))
}

/// One page of `items` and the token of the next, if any.
pub fn page<T>(op: &str, items: impl IntoIterator<Item = T>, at: (usize, usize)) -> (Vec<T>, Option<String>) {
    let (off, size) = at;
    let mut it = items.into_iter().skip(off);
    let out: Vec<T> = it.by_ref().take(size).collect();
    let more = it.next().is_some();
    let next = off + out.len();
    (out, more.then(|| format!("{next:x}_{:08x}", checksum(op, next))))
}
