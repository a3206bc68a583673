//! Table-driven layer combinations and exemptions (reference policy-evaluation.md §1): each
//! case with its expected decision, deciding layer and (for SCP/RCP) level.

mod policy_common;

use Decision::{Allowed as A, ExplicitlyDenied as X, ImplicitlyDenied as I};
use Layer::*;
use orgtui::policy::{Decision, Layer};
use policy_common::*;

type Row = (Case, Decision, Option<Layer>, Option<&'static str>);

fn check(cases: Vec<Row>) {
    let mut failures = Vec::new();
    for (c, decision, layer, level) in &cases {
        let e = c.run();
        let d = &e.trace.deciding;
        if e.decision != *decision || d.layer != *layer || (level.is_some() && d.level.as_deref() != *level) {
            failures.push(format!(
                "{}: expected {decision:?}/{layer:?}/{level:?}, got {:?}/{:?}/{:?} ({})",
                c.name, e.decision, d.layer, d.level, d.reason
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

const SLR: &str = "arn:aws:iam::111122223333:role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer";
const FED: &str = "arn:aws:sts::111122223333:federated-user/carol";
const ROOT: &str = "arn:aws:iam::111122223333:root";

fn get() -> Case {
    case("", ALICE, "s3:GetObject", BUCKET_OBJ)
}

fn named(mut c: Case, name: &'static str) -> Case {
    c.name = name;
    c
}

#[test]
fn scp_levels_and_exemptions() {
    let full = allow_all();
    let ec2_only = pol("Allow", "ec2:*", "*");
    let deny_s3 = pol("Deny", "s3:*", "*");
    let rows: Vec<Row> = vec![
        (named(get().identity(allow_all()).scps(&[&[&full], &[&full], &[&full]]), "FullAWSAccess everywhere"), A, Some(IdentityPolicy), None),
        (
            named(get().identity(allow_all()).scps(&[&[&full], &[&ec2_only], &[&full]]), "allow-list OU lacks s3"),
            I,
            Some(Scp),
            Some("L1"),
        ),
        (named(get().identity(allow_all()).scps(&[&[&full], &[], &[&full]]), "level with no SCP at all"), I, Some(Scp), Some("L1")),
        (
            named(get().identity(allow_all()).scps(&[&[&full], &[&full], &[&full, &deny_s3]]), "deny at the account level"),
            X,
            Some(Scp),
            Some("L2"),
        ),
        (
            named(get().identity(allow_all()).scps(&[&[&full, &deny_s3], &[&ec2_only]]), "deny at root wins over a missing allow"),
            X,
            Some(Scp),
            Some("L0"),
        ),
        (
            named(get().identity(allow_all()).scps(&[&[&ec2_only, &pol("Allow", "s3:Get*", "*")], &[&full]]), "any policy at a level may allow"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (named(get().scps(&[&[&full]]), "SCP allows but no identity policy"), I, Some(IdentityPolicy), None),
        (
            named(get().identity(allow_all()).scps(&[&[&deny_all()]]).management("111122223333"), "management account exempt"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(case("", SLR, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).scps(&[&[&deny_all()]]), "service-linked role exempt"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForX/s", "s3:GetObject", BUCKET_OBJ)
                    .ctx("aws:PrincipalArn", &["arn:aws:iam::111122223333:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX"])
                    .identity(allow_all())
                    .scps(&[&[&deny_all()]]),
                "SLR session recognised by its role path",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", "arn:aws:iam::111122223333:role/AWSServiceRoleForFake", "s3:GetObject", BUCKET_OBJ)
                    .identity(allow_all())
                    .scps(&[&[&deny_all()]]),
                "SLR name without the path is not exempt",
            ),
            X,
            Some(Scp),
            None,
        ),
        (
            named(case("", ROOT, "s3:GetObject", BUCKET_OBJ).scps(&[&[&full]]), "member root user: full access in own account"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", ROOT, "s3:GetObject", BUCKET_OBJ).scps(&[&[
                    &full,
                    &pol_cond("Deny", "*", "*", r#"{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}"#),
                ]]),
                "SCP denying the root user",
            ),
            X,
            Some(Scp),
            None,
        ),
        (
            named(
                get()
                    .identity(allow_all())
                    .scps(&[&[&pol_cond("Allow", "*", "*", r#"{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}"#)]])
                    .ctx("aws:RequestedRegion", &["us-east-1"]),
                "conditional SCP allow not met",
            ),
            I,
            Some(Scp),
            Some("L0"),
        ),
        (
            named(
                get()
                    .identity(allow_all())
                    .scps(&[&[
                        &full,
                        &String::from(r#"{"Version":"2012-10-17","Statement":[{"Sid":"RegionLock","Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}"#),
                    ]])
                    .ctx("aws:RequestedRegion", &["us-east-1"]),
                "region lock with NotAction",
            ),
            X,
            Some(Scp),
            Some("L0"),
        ),
        (
            named(
                case("", ALICE, "iam:ListUsers", "*").identity(allow_all()).scps(&[&[
                    &full,
                    &String::from(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}"#),
                ]]),
                "region lock exempts global services",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (named(case("", "*", "s3:GetObject", BUCKET_OBJ).scps(&[&[&deny_all()]]).resource_policy(rpol("Allow", "\"*\"", "s3:GetObject", "*")), "SCPs do not apply to anonymous callers"), A, Some(ResourcePolicy), None),
    ];
    check(rows);
}

#[test]
fn rcps() {
    let rfull = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;
    let deny_insecure = r#"{"Version":"2012-10-17","Statement":[{"Sid":"TLS","Effect":"Deny","Principal":"*","Action":["s3:*","ec2:*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}"#;
    let rows: Vec<Row> = vec![
        (
            named(
                get().identity(allow_all()).rcps(&[&[rfull], &[rfull, deny_insecure]]),
                "RCP deny (key missing, IfExists)",
            ),
            X,
            Some(Rcp),
            Some("L1"),
        ),
        (
            named(
                get()
                    .identity(allow_all())
                    .rcps(&[&[rfull], &[rfull, deny_insecure]])
                    .ctx("aws:SecureTransport", &["true"]),
                "RCP deny condition not met",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", ALICE, "ec2:RunInstances", "*")
                    .identity(allow_all())
                    .rcps(&[&[rfull, deny_insecure]]),
                "RCP ignored for a service without RCP support",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                get()
                    .identity(allow_all())
                    .rcps(&[&[rfull, deny_insecure]])
                    .resource_account("999999999999")
                    .management("999999999999"),
                "management-account resources exempt",
            ),
            I,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get().identity(allow_all()).rcps(&[&[rfull, deny_insecure]]).management("111122223333"),
                "management account resources exempt (same account)",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", SLR, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).rcps(&[&[deny_insecure]]),
                "RCPs exempt service-linked roles",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(get().identity(allow_all()).rcps(&[&[rfull], &[]]), "RCP level without an allow"),
            I,
            Some(Rcp),
            Some("L1"),
        ),
        (
            named(
                case("", "*", "s3:GetObject", BUCKET_OBJ)
                    .resource_policy(rpol("Allow", "\"*\"", "s3:GetObject", "*"))
                    .rcps(&[&[rfull, deny_insecure]]),
                "RCPs constrain anonymous callers",
            ),
            X,
            Some(Rcp),
            None,
        ),
        (
            named(
                case("", "s3.amazonaws.com", "s3:GetObject", BUCKET_OBJ)
                    .resource_policy(rpol("Allow", r#"{"Service":"s3.amazonaws.com"}"#, "s3:GetObject", "*"))
                    .rcps(&[&[rfull, deny_insecure]]),
                "RCPs constrain service principals",
            ),
            X,
            Some(Rcp),
            None,
        ),
    ];
    check(rows);
}

#[test]
fn identity_boundary_session() {
    let rows: Vec<Row> = vec![
        (named(get(), "nothing allows"), I, Some(IdentityPolicy), None),
        (named(get().identity(allow_all()).identity(pol("Deny", "s3:Get*", "*")), "identity deny beats allow"), X, Some(IdentityPolicy), None),
        (named(get().identity(allow_all()).boundary(pol("Allow", "ec2:*", "*")), "boundary lacks the action"), I, Some(PermissionBoundary), None),
        (named(get().identity(allow_all()).boundary(allow_all()), "boundary allows"), A, Some(IdentityPolicy), None),
        (named(get().identity(allow_all()).boundary(deny_all()), "boundary deny"), X, Some(PermissionBoundary), None),
        (named(get().identity(pol("Allow", "ec2:*", "*")).boundary(allow_all()), "boundary alone grants nothing"), I, Some(IdentityPolicy), None),
        (named(case("", SESSION, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).session(pol("Allow", "ec2:*", "*")), "session policy lacks"), I, Some(SessionPolicy), None),
        (named(case("", SESSION, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).session(allow_all()), "session policy allows"), A, Some(IdentityPolicy), None),
        (
            named(case("", SESSION, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).session(pol("Allow", "ec2:*", "*")).session(pol("Allow", "s3:*", "*")), "any session policy may allow"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (named(case("", SESSION, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).session(deny_all()), "session deny"), X, Some(SessionPolicy), None),
        (named(case("", SESSION, "s3:GetObject", BUCKET_OBJ).identity(allow_all()), "role session without a session policy"), A, Some(IdentityPolicy), None),
        (named(case("", FED, "s3:GetObject", BUCKET_OBJ).identity(allow_all()), "federated user without a session policy"), I, Some(SessionPolicy), None),
        (named(case("", FED, "s3:GetObject", BUCKET_OBJ).identity(allow_all()).session(allow_all()), "federated user with a session policy"), A, Some(IdentityPolicy), None),
        (named(case("", ALICE, "IAM:listaccesskeys", "*").identity(pol("Allow", "iam:ListAccessKeys", "*")), "actions are case-insensitive"), A, Some(IdentityPolicy), None),
        (named(case("", ALICE, "iam:ListUsers", "*").identity(pol("Allow", "iam:List*, iam:Get*", "*")), "an action with a comma never matches"), I, Some(IdentityPolicy), None),
        (named(case("", ALICE, "iam:ListUsers", "*").identity(pol("Allow", "iam:*User?", "*")), "wildcards inside action names"), A, Some(IdentityPolicy), None),
        (named(case("", ALICE, "s3:ListAllMyBuckets", "*").identity(pol("Allow", "s3:*", "arn:aws:s3:::bucket")), "wildcard-only action with a specific ARN"), I, Some(IdentityPolicy), None),
        (named(case("", ALICE, "s3:ListAllMyBuckets", "*").identity(pol("Allow", "s3:*", "*")), "wildcard-only action with *"), A, Some(IdentityPolicy), None),
        (named(get().identity(pol("Allow", "s3:*", "arn:aws:s3")), "short ARN in an identity policy: missing segments are *"), A, Some(IdentityPolicy), None),
        (
            named(get().identity(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}]}"#), "NotResource"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", ALICE, "s3:GetObject", "arn:aws:s3:::bucket/1/2/test/3/object.jpg").identity(pol("Allow", "s3:*", "arn:aws:s3:::bucket/*/test/*")),
                "resource * spans slashes",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(case("", ALICE, "s3:GetObject", "arn:aws:s3:::bucket/test/object.jpg").identity(pol("Allow", "s3:*", "arn:aws:s3:::bucket/*/test/*")), "resource pattern needs its middle part"),
            I,
            Some(IdentityPolicy),
            None,
        ),
        (named(case("", ALICE, "sts:GetCallerIdentity", "*").identity(deny_all()).scps(&[&[&deny_all()]]), "GetCallerIdentity always allowed"), A, None, None),
    ];
    check(rows);
}

#[test]
fn resource_policies() {
    let p_user = rpol("Allow", &format!(r#"{{"AWS":"{ALICE}"}}"#), "s3:GetObject", "*");
    let p_role = rpol("Allow", &format!(r#"{{"AWS":"{ROLE}"}}"#), "s3:GetObject", "*");
    let p_session = rpol("Allow", &format!(r#"{{"AWS":"{SESSION}"}}"#), "s3:GetObject", "*");
    let p_fed = rpol("Allow", &format!(r#"{{"AWS":"{FED}"}}"#), "s3:GetObject", "*");
    let p_account = rpol("Allow", r#"{"AWS":"111122223333"}"#, "s3:GetObject", "*");
    let p_root = rpol("Allow", r#"{"AWS":"arn:aws:iam::111122223333:root"}"#, "s3:GetObject", "*");
    let p_star = rpol("Allow", r#""*""#, "s3:GetObject", "*");
    let p_bob = rpol("Allow", &format!(r#"{{"AWS":"{OTHER_USER}"}}"#), "s3:GetObject", "*");
    let p_other_acct = rpol("Allow", r#"{"AWS":"444455556666"}"#, "s3:GetObject", "*");
    let no_principal = pol("Allow", "s3:GetObject", "*");
    let narrow = pol("Allow", "ec2:*", "*");
    let sess = |c: Case| c;
    let s = || case("", SESSION, "s3:GetObject", BUCKET_OBJ);
    let rows: Vec<Row> = vec![
        (
            named(get().resource_policy(&*p_user), "same account, user ARN: no identity policy needed"),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get().resource_policy(&*p_user).boundary(narrow.clone()),
                "user ARN: boundary silent is ignored",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(sess(s()).resource_policy(&*p_role), "role ARN: identity not needed"),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(s().resource_policy(&*p_role).boundary(narrow.clone()), "role ARN: boundary silent blocks"),
            I,
            Some(PermissionBoundary),
            None,
        ),
        (
            named(
                s().resource_policy(&*p_role).session(narrow.clone()),
                "role ARN: session policy silent blocks",
            ),
            I,
            Some(SessionPolicy),
            None,
        ),
        (
            named(
                s().resource_policy(&*p_session).boundary(narrow.clone()).session(narrow.clone()),
                "session ARN: boundary and session policy ignored (docs, §1.9.1)",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                case("", FED, "s3:GetObject", BUCKET_OBJ).resource_policy(&*p_fed),
                "federated-user ARN: no session policy needed",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(get().resource_policy(&*p_account), "account principal: delegation, identity must allow"),
            I,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(get().resource_policy(&*p_root).identity(allow_all()), "account root ARN + identity allow"),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                get().resource_policy(&*p_star).boundary(narrow.clone()),
                "wildcard principal bypasses the boundary",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get().resource_policy(&*no_principal),
                "resource statement without Principal never matches",
            ),
            I,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                get().resource_policy(rpol("Deny", r#""*""#, "s3:*", "*")).identity(allow_all()),
                "resource policy deny",
            ),
            X,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get().identity(allow_all()).boundary(allow_all()).resource_policy(
                    rpol("Deny", &format!(r#"{{"AWS":["{ALICE}","111122223333"]}}"#), "s3:*", "*")
                        .replace("\"Principal\"", "\"NotPrincipal\""),
                ),
                "Deny+NotPrincipal always denies a principal with a boundary",
            ),
            X,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get().identity(allow_all()).resource_policy(
                    rpol("Deny", &format!(r#"{{"AWS":["{ALICE}"]}}"#), "s3:*", "*")
                        .replace("\"Principal\"", "\"NotPrincipal\""),
                ),
                "Deny+NotPrincipal exempts the listed principal without a boundary",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", OTHER_USER, "s3:GetObject", BUCKET_OBJ)
                    .resource_account("111122223333")
                    .resource_policy(&*p_bob)
                    .identity(allow_all()),
                "cross-account: both sides allow",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", OTHER_USER, "s3:GetObject", BUCKET_OBJ)
                    .resource_account("111122223333")
                    .resource_policy(&*p_bob),
                "cross-account: identity silent",
            ),
            I,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", OTHER_USER, "s3:GetObject", BUCKET_OBJ)
                    .resource_account("111122223333")
                    .identity(allow_all()),
                "cross-account: no resource policy",
            ),
            I,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                case("", OTHER_USER, "s3:GetObject", BUCKET_OBJ)
                    .resource_account("111122223333")
                    .resource_policy(&*p_other_acct)
                    .identity(allow_all()),
                "cross-account: account delegation + identity",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", OTHER_USER, "s3:GetObject", BUCKET_OBJ)
                    .resource_account("111122223333")
                    .resource_policy(&*p_bob)
                    .identity(allow_all())
                    .boundary(narrow.clone()),
                "cross-account: principal's boundary applies",
            ),
            I,
            Some(PermissionBoundary),
            None,
        ),
        (
            named(
                case("", OTHER_USER, "s3:GetObject", BUCKET_OBJ)
                    .resource_account("111122223333")
                    .resource_policy(&*p_bob)
                    .identity(allow_all())
                    .scps(&[&[&deny_all()]]),
                "cross-account: principal's SCPs apply",
            ),
            X,
            Some(Scp),
            None,
        ),
        (
            named(
                case("", ALICE, "kms:Decrypt", "arn:aws:kms:eu-west-1:111122223333:key/k")
                    .identity(allow_all())
                    .resource_policy(p_user.replace("s3:GetObject", "kms:Encrypt")),
                "KMS: key policy without delegation",
            ),
            I,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                case("", ALICE, "kms:Decrypt", "arn:aws:kms:eu-west-1:111122223333:key/k")
                    .identity(allow_all())
                    .resource_policy(rpol(
                        "Allow",
                        r#"{"AWS":"arn:aws:iam::111122223333:root"}"#,
                        "kms:*",
                        "*",
                    )),
                "KMS: key policy delegates to IAM",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ),
        (
            named(
                case("", ALICE, "sts:AssumeRole", ROLE).identity(allow_all()).resource_policy(
                    rpol("Allow", r#"{"Service":"ec2.amazonaws.com"}"#, "sts:AssumeRole", "*")
                        .replace(r#","Resource":"*""#, ""),
                ),
                "trust policy not naming the caller",
            ),
            I,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                case("", ALICE, "sts:AssumeRole", ROLE).resource_policy(
                    rpol("Allow", &format!(r#"{{"AWS":"{ALICE}"}}"#), "sts:AssumeRole", "*")
                        .replace(r#","Resource":"*""#, ""),
                ),
                "trust policy naming the caller (no Resource)",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                case("", "*", "s3:GetObject", BUCKET_OBJ).resource_policy(&*p_star),
                "anonymous: public resource policy",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                case("", "*", "s3:GetObject", BUCKET_OBJ).resource_policy(&*p_account),
                "anonymous: account principal does not match",
            ),
            I,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(case("", "*", "s3:GetObject", BUCKET_OBJ), "anonymous: no resource policy"),
            I,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get().resource_policy(rpol_cond_star(
                    r#"{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/*"}}"#,
                )),
                "wildcard principal narrowed by aws:PrincipalArn",
            ),
            A,
            Some(ResourcePolicy),
            None,
        ),
        (
            named(
                get()
                    .resource_policy(pol("Allow", "s3:GetObject", "arn:aws:s3"))
                    .identity(pol("Allow", "ec2:*", "*")),
                "short ARN in a resource policy does not match (and has no principal)",
            ),
            I,
            Some(IdentityPolicy),
            None,
        ),
    ];
    check(rows);
}

fn rpol_cond_star(condition: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"*"}},"Action":"s3:GetObject","Resource":"*","Condition":{condition}}}]}}"#
    )
}

#[test]
fn trace_names_level_policy_and_statement() {
    let deny = String::from(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#,
    );
    let e = get().identity(allow_all()).scps(&[&[&allow_all()], &[&deny]]).run();
    assert_eq!(e.decision, X);
    let d = &e.trace.deciding;
    assert_eq!(d.level.as_deref(), Some("L1"));
    assert_eq!(d.policy.as_deref(), Some("scp[1][0]"));
    assert_eq!(d.sid.as_deref(), Some("NoS3"));
    assert_eq!(d.statement_index, Some(1));
    assert_eq!(
        e.trace.message.as_deref(),
        Some(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key with an explicit deny in a service control policy: scp[1][0]"
        )
    );
    let scp = e.trace.layers.iter().find(|l| l.layer == Scp).unwrap();
    assert_eq!(scp.levels.len(), 2);
    assert_eq!(scp.levels[1].matched.len(), 2);
    let json = e.to_json();
    assert!(json.starts_with(r#"{"decision":"ExplicitlyDenied","trace":{"deciding":{"layer":"scp","level":"L1","policy":"scp[1][0]","statement":"NoS3","statementIndex":1"#), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["trace"]["layers"].as_array().unwrap().len(), 6);

    let e = get().identity(allow_all()).scps(&[&[&allow_all()], &[&pol("Allow", "ec2:*", "*")]]).run();
    assert_eq!(
        e.trace.message.as_deref(),
        Some(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key because no service control policy allows the s3:GetObject action"
        )
    );
    let scp = e.trace.layers.iter().find(|l| l.layer == Scp).unwrap();
    assert!(scp.levels[0].allowed && !scp.levels[1].allowed);
}

#[test]
fn missing_context_keys_are_listed() {
    let cond = pol_cond(
        "Deny",
        "s3:*",
        "*",
        r#"{"BoolIfExists":{"aws:SecureTransport":"false"},"StringEquals":{"aws:PrincipalTag/team":"x"}}"#,
    );
    let ec2_only = pol_cond("Allow", "ec2:*", "*", r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#);
    let e = get()
        .identity(allow_all())
        .identity(cond)
        .identity(ec2_only)
        .ctx("aws:PrincipalTag/team", &["y"])
        .run();
    assert_eq!(
        e.trace.missing_context_keys,
        ["aws:SecureTransport"],
        "only statements covering the request count"
    );
    assert!(e.to_json().contains(r#""missingContextKeys":["aws:SecureTransport"]"#));
}

#[test]
fn role_trust_policy_is_authoritative_for_the_whole_sts_family() {
    let trust_alice =
        rpol("Allow", &format!(r#"{{"AWS":"{ALICE}"}}"#), "sts:*", "*").replace(r#","Resource":"*""#, "");
    let trust_account = rpol("Allow", r#"{"AWS":"arn:aws:iam::111122223333:root"}"#, "sts:*", "*")
        .replace(r#","Resource":"*""#, "");
    let family = [
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:TagSession",
        "sts:SetSourceIdentity",
        "sts:SetContext",
    ];
    let mut rows: Vec<Row> = Vec::new();
    for action in family {
        let on_role = || case("", ALICE, action, ROLE);
        rows.push((
            named(on_role().identity(allow_all()), "identity Allow alone"),
            I,
            Some(ResourcePolicy),
            None,
        ));
        rows.push((
            named(
                on_role().identity(allow_all()).resource_policy(&*trust_account),
                "account trust + identity",
            ),
            A,
            Some(IdentityPolicy),
            None,
        ));
        rows.push((
            named(on_role().resource_policy(&*trust_account), "account trust alone"),
            I,
            Some(IdentityPolicy),
            None,
        ));
        rows.push((
            named(on_role().resource_policy(&*trust_alice), "trust names caller"),
            A,
            Some(ResourcePolicy),
            None,
        ));
    }
    // Not a role: the generic same-account rule (identity Allow is enough).
    rows.push((
        named(case("", ALICE, "sts:TagSession", "*").identity(allow_all()), "TagSession, no role"),
        A,
        Some(IdentityPolicy),
        None,
    ));
    rows.push((
        named(case("", ALICE, "sts:GetSessionToken", ROLE).identity(allow_all()), "other STS action"),
        A,
        Some(IdentityPolicy),
        None,
    ));
    check(rows);
}
