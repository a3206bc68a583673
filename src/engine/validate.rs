//! Shape validation of inputs (step 1 of the service's validation order, reference §1.3):
//! lengths, patterns and tag limits, with the service's `InvalidInputException` reasons.

use crate::model::error::{ConstraintViolationReason, InvalidInputReason};
use crate::model::*;

/// A required text field of `min..=max` characters.
pub(crate) fn length(field: &str, value: &str, min: usize, max: usize) -> OrgResult<()> {
    let n = value.chars().count();
    if n < min {
        let reason =
            if n == 0 { InvalidInputReason::InputRequired } else { InvalidInputReason::MinLengthExceeded };
        return Err(OrgError::invalid_input(
            reason,
            format!("{field} must have at least {min} character(s)."),
        ));
    }
    if n > max {
        return Err(OrgError::invalid_input(
            InvalidInputReason::MaxLengthExceeded,
            format!("{field} must have at most {max} characters (got {n})."),
        ));
    }
    Ok(())
}

/// Printable ASCII only (`[\u0020-\u007E]+`), as for account names in CreateAccount.
pub(crate) fn printable_ascii(field: &str, value: &str) -> OrgResult<()> {
    if value.chars().all(|c| (' '..='~').contains(&c)) {
        Ok(())
    } else {
        Err(OrgError::invalid_input(
            InvalidInputReason::InvalidPattern,
            format!("{field} may contain only printable ASCII characters."),
        ))
    }
}

/// An email address as the service accepts it: 6–64 characters, one `@`, no whitespace,
/// a domain of `[A-Za-z0-9.-]` with at least one dot, no leading dot.
pub(crate) fn email(field: &str, value: &str) -> OrgResult<()> {
    length(field, value, 6, 64)?;
    let bad = || {
        OrgError::invalid_input(
            InvalidInputReason::InvalidPattern,
            format!("{field} {value:?} is not a valid email address."),
        )
    };
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if local.is_empty()
        || local.starts_with('.')
        || local.chars().any(|c| c.is_whitespace() || c == '@')
        || !domain_ok
    {
        return Err(bad());
    }
    Ok(())
}

/// Tags given with a create call: valid, and not more than the quota.
pub(crate) fn new_tags(tags: &[Tag], max: usize) -> OrgResult<()> {
    super::tags::validate_tags(tags)?;
    if tags.len() > max {
        return Err(OrgError::constraint(
            ConstraintViolationReason::MaxTagLimitExceeded,
            format!("A resource can have at most {max} tags."),
        ));
    }
    Ok(())
}
