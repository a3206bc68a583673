//! Input shapes of Identity Center as the service models them (patterns and lengths): the SDKs
//! do not check them, so the engine answers `ValidationException` in the service's words.

use crate::model::identity_center::{IcError, IcResult};

/// A required member, or the "must not be null" validation error naming it.
pub fn required<'a>(v: &'a Option<String>, member: &str) -> IcResult<&'a str> {
    v.as_deref().ok_or_else(|| IcError::constraint(None, member, "Member must not be null"))
}

/// A required structure member.
pub fn required_struct<'a, T>(v: &'a Option<T>, member: &str) -> IcResult<&'a T> {
    v.as_ref().ok_or_else(|| IcError::constraint(None, member, "Member must not be null"))
}

fn pattern_error(value: &str, member: &str, pattern: &str) -> IcError {
    IcError::constraint(
        Some(value),
        member,
        &format!("Member must satisfy regular expression pattern: {pattern}"),
    )
}

fn length(value: &str, member: &str, min: usize, max: usize) -> IcResult<()> {
    let n = value.chars().count();
    if n < min {
        return Err(IcError::constraint(
            Some(value),
            member,
            &format!("Member must have length greater than or equal to {min}"),
        ));
    }
    if n > max {
        let shown: String = value.chars().take(64).collect();
        return Err(IcError::constraint(
            Some(&shown),
            member,
            &format!("Member must have length less than or equal to {max}"),
        ));
    }
    Ok(())
}

fn is_hex_lower(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn partition_prefix(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("arn:aws")?;
    let colon = rest.find(':')?;
    let part = &rest[..colon];
    // (-[a-z]{1,5}){0,3}
    let ok = part.is_empty()
        || (part.starts_with('-')
            && part[1..].split('-').count() <= 3
            && part[1..]
                .split('-')
                .all(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())));
    ok.then_some(&rest[colon + 1..])
}

fn instance_slot(s: &str) -> bool {
    let id = s.strip_prefix("ssoins-").or_else(|| s.strip_prefix("ins-"));
    id.is_some_and(|id| {
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    })
}

const INSTANCE_PATTERN: &str =
    r"arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}";
const PS_PATTERN: &str = r"arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}";

/// An instance ARN; returns the instance id.
pub fn instance_arn<'a>(v: &'a Option<String>) -> IcResult<&'a str> {
    let s = required(v, "instanceArn")?;
    length(s, "instanceArn", 10, 1224)?;
    partition_prefix(s)
        .and_then(|r| r.strip_prefix("sso:::instance/"))
        .filter(|id| instance_slot(id))
        .ok_or_else(|| pattern_error(s, "instanceArn", INSTANCE_PATTERN))
}

/// A permission-set ARN; returns (instance id, permission-set id).
pub fn permission_set_arn<'a>(v: &'a Option<String>) -> IcResult<(&'a str, &'a str)> {
    let s = required(v, "permissionSetArn")?;
    length(s, "permissionSetArn", 10, 1224)?;
    partition_prefix(s)
        .and_then(|r| r.strip_prefix("sso:::permissionSet/"))
        .and_then(|r| r.split_once('/'))
        .filter(|(ins, ps)| {
            instance_slot(ins)
                && ps.strip_prefix("ps-").is_some_and(|p| {
                    p.len() == 16 && p.bytes().all(|b| b.is_ascii_alphanumeric() || b"-./".contains(&b))
                })
        })
        .ok_or_else(|| pattern_error(s, "permissionSetArn", PS_PATTERN))
}

/// A 12-digit account id.
pub fn account_id<'a>(v: &'a Option<String>, member: &str) -> IcResult<&'a str> {
    let s = required(v, member)?;
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s)
    } else {
        Err(pattern_error(s, member, r"\d{12}"))
    }
}

/// Whether `s` is a lowercase UUID.
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5 && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && is_hex_lower(p))
}

/// An identity-store object id: an optional `<10 hex>-` prefix and a UUID.
pub fn is_store_object_id(s: &str) -> bool {
    is_uuid(s) || (s.len() > 11 && s.as_bytes()[10] == b'-' && is_hex_lower(&s[..10]) && is_uuid(&s[11..]))
}

const PRINCIPAL_PATTERN: &str =
    r"^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$";

/// A user, group or membership id (`PrincipalId`, `UserId`, …).
pub fn store_object_id<'a>(v: &'a Option<String>, member: &str) -> IcResult<&'a str> {
    let s = required(v, member)?;
    length(s, member, 1, 47)?;
    if is_store_object_id(&s.to_ascii_lowercase()) {
        Ok(s)
    } else {
        Err(pattern_error(s, member, PRINCIPAL_PATTERN))
    }
}

/// An asynchronous request id (a UUID).
pub fn request_id<'a>(v: &'a Option<String>, member: &str) -> IcResult<&'a str> {
    let s = required(v, member)?;
    if is_uuid(s) {
        Ok(s)
    } else {
        Err(pattern_error(s, member, r"\b[0-9a-f]{8}\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\b[0-9a-f]{12}\b"))
    }
}

/// An identity-store id: `d-` and 10 hex digits, or a UUID.
pub fn identity_store_id<'a>(v: &'a Option<String>) -> IcResult<&'a str> {
    let s = required(v, "identityStoreId")?;
    length(s, "identityStoreId", 1, 36)?;
    let ok = s.strip_prefix("d-").is_some_and(|h| h.len() == 10 && is_hex_lower(h)) || is_uuid(s);
    if ok {
        Ok(s)
    } else {
        Err(pattern_error(
            s,
            "identityStoreId",
            r"^d-[0-9a-f]{10}$|^[0-9a-f]{8}\b-[0-9a-f]{4}\b-[0-9a-f]{4}\b-[0-9a-f]{4}\b-[0-9a-f]{12}$",
        ))
    }
}

fn word_chars(s: &str, extra: &[u8]) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || extra.contains(&b))
}

/// A permission-set name: 1–32 of `[\w+=,.@-]`.
pub fn permission_set_name<'a>(v: &'a Option<String>) -> IcResult<&'a str> {
    let s = required(v, "name")?;
    length(s, "name", 1, 32)?;
    if word_chars(s, b"+=,.@-") { Ok(s) } else { Err(pattern_error(s, "name", r"[\w+=,.@-]+")) }
}

/// A permission-set description: 1–700 printable Latin-1 characters.
pub fn description(s: &str) -> IcResult<()> {
    length(s, "description", 1, 700)?;
    let ok = s.chars().all(|c| matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a1}'..='\u{ff}'));
    if ok {
        Ok(())
    } else {
        Err(pattern_error(s, "description", r"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*"))
    }
}

/// A relay state: 1–240 characters.
pub fn relay_state(s: &str) -> IcResult<()> {
    length(s, "relayState", 1, 240)?;
    let ok = s.chars().all(|c| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{ff}'));
    if ok {
        Ok(())
    } else {
        Err(pattern_error(s, "relayState", r"[a-zA-Z0-9&amp;$@#\\\/%?=~\-_'&quot;|!:,.;*+\[\]\ \(\)\{\}]+"))
    }
}

/// Seconds of an ISO-8601 duration `PT[nH][nM][nS]` (also `P[nD]T…`), or `None`.
pub fn duration_seconds(s: &str) -> Option<i64> {
    let rest = s.strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut total: i64 = 0;
    if !days.is_empty() {
        total += days.strip_suffix('D')?.parse::<i64>().ok()?.checked_mul(86_400)?;
    }
    if rest.contains('T') && time.is_empty() {
        return None;
    }
    let mut num = String::new();
    let mut last = 0;
    for c in time.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let (rank, mult) = match c {
            'H' => (1, 3600),
            'M' => (2, 60),
            'S' => (3, 1),
            _ => return None,
        };
        if num.is_empty() || rank <= last {
            return None;
        }
        last = rank;
        total = total.checked_add(num.parse::<i64>().ok()?.checked_mul(mult)?)?;
        num.clear();
    }
    (num.is_empty() && (days.len() + time.len()) > 0).then_some(total)
}

/// A session duration: an ISO-8601 duration from one to twelve hours.
pub fn session_duration(s: &str) -> IcResult<()> {
    length(s, "sessionDuration", 1, 100)?;
    match duration_seconds(s) {
        None => Err(pattern_error(
            s,
            "sessionDuration",
            r"^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$",
        )),
        Some(secs) if !(3600..=43_200).contains(&secs) => Err(IcError::validation(format!(
            "The session duration {s} is not valid: it must be between 1 hour (PT1H) and 12 hours (PT12H)."
        ))),
        Some(_) => Ok(()),
    }
}

/// An AWS-managed policy ARN (`arn:aws:iam::aws:policy[/path]/Name`); customer-managed
/// policies go through the reference operations.
pub fn managed_policy_arn<'a>(v: &'a Option<String>, member: &str) -> IcResult<&'a str> {
    let s = required(v, member)?;
    length(s, member, 20, 2048)?;
    let ok = partition_prefix(s).and_then(|r| r.strip_prefix("iam::aws:policy/")).is_some_and(|p| {
        !p.is_empty() && !p.ends_with('/') && p.split('/').all(|seg| word_chars(seg, b"+=,.@-"))
    });
    if ok {
        Ok(s)
    } else {
        Err(pattern_error(
            s,
            member,
            r"arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::aws:policy((/[A-Za-z0-9\.,\+@=_-]+)*)/([A-Za-z0-9\.,\+=@_-]+)",
        ))
    }
}

/// A customer-managed policy reference; returns it with the path defaulted to `/`.
pub fn customer_reference(
    r: &crate::model::identity_center::ssoadmin::CustomerManagedPolicyReference,
    member: &str,
) -> IcResult<crate::model::identity_center::ssoadmin::CustomerManagedPolicyReference> {
    let name = required(&r.name, &format!("{member}.name"))?;
    length(name, &format!("{member}.name"), 1, 128)?;
    if !word_chars(name, b"+=,.@-") {
        return Err(pattern_error(name, &format!("{member}.name"), r"[\w+=,.@-]+"));
    }
    let path = r.path.clone().unwrap_or_else(|| "/".into());
    length(&path, &format!("{member}.path"), 1, 512)?;
    let ok = path.starts_with('/')
        && path.ends_with('/')
        && (path == "/" || path[1..path.len() - 1].split('/').all(|seg| word_chars(seg, b".,+@=-")));
    if !ok {
        return Err(pattern_error(&path, &format!("{member}.path"), r"((/[A-Za-z0-9\.,\+@=_-]+)*)/"));
    }
    Ok(crate::model::identity_center::ssoadmin::CustomerManagedPolicyReference {
        name: Some(name.to_string()),
        path: Some(path),
    })
}

/// An inline policy: 1–32,768 characters from `\t \n \r` and U+0020–U+00FF, at most 10,240
/// of them not white space, and a JSON policy document.
pub fn inline_policy(s: &str) -> IcResult<()> {
    length(s, "inlinePolicy", 1, 32_768)?;
    if !s.chars().all(|c| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{ff}')) {
        return Err(pattern_error("…", "inlinePolicy", r"[\u0009\u000A\u000D\u0020-\u00FF]+"));
    }
    if s.chars().filter(|c| !c.is_whitespace()).count() > 10_240 {
        return Err(IcError::quota(
            "The inline policy exceeds the limit of 10,240 characters (white space not counted).",
        ));
    }
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(serde_json::Value::Object(m)) if m.contains_key("Statement") => Ok(()),
        _ => Err(IcError::validation("The policy document is not valid JSON with a Statement.")),
    }
}

/// `MaxResults` 1–100; returns the page size.
pub fn max_results(v: Option<i64>) -> IcResult<usize> {
    match v {
        None => Ok(100),
        Some(n) if n < 1 => Err(IcError::constraint(
            Some(&n.to_string()),
            "maxResults",
            "Member must have value greater than or equal to 1",
        )),
        Some(n) if n > 100 => Err(IcError::constraint(
            Some(&n.to_string()),
            "maxResults",
            "Member must have value less than or equal to 100",
        )),
        Some(n) => Ok(n as usize),
    }
}

/// One of the values of an enum member.
pub fn one_of<'a>(v: &'a Option<String>, member: &str, values: &[&str]) -> IcResult<&'a str> {
    let s = required(v, member)?;
    if values.contains(&s) {
        Ok(s)
    } else {
        Err(IcError::constraint(
            Some(s),
            member,
            &format!("Member must satisfy enum value set: [{}]", values.join(", ")),
        ))
    }
}

/// Tags: 1–75, key 1–128, value 0–256.
pub fn tags(tags: &[crate::model::identity_center::IcTag]) -> IcResult<()> {
    if tags.len() > super::MAX_TAGS {
        return Err(IcError::constraint(None, "tags", "Member must have length less than or equal to 75"));
    }
    for t in tags {
        length(&t.key, "tags.member.key", 1, 128)?;
        length(&t.value, "tags.member.value", 0, 256)?;
        let ok =
            |s: &str| s.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c));
        if !ok(&t.key) || !ok(&t.value) {
            return Err(pattern_error(&t.key, "tags.member.key", r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"));
        }
    }
    Ok(())
}
