//! The bundled sample's CloudTrail: one organization trail logging to a bucket in the
//! log-archive account, and a plausible 90-day history ending at the sample's clock, generated
//! deterministically from the organization itself — the landing-zone rebuild that made it what
//! it is (OUs created, accounts moved, policies created and attached), then weeks of routine
//! changes and a few refused calls, by several administrators and automation roles.

use super::record::guid;
use super::{CloudTrailState, TrailState};
use crate::engine::{EngineState, Membership};
use crate::model::cloudtrail::*;
use crate::model::time::DAY_MS;
use crate::model::{ParentId, Timestamp};
use serde_json::{Value, json};

/// Someone (or something) that calls Organizations in the sample.
struct Who {
    role: &'static str,
    session: &'static str,
    ip: &'static str,
    agent: &'static str,
}

const ALICE: Who = Who {
    role: "AWSReservedSSO_AdministratorAccess_3f2a9c1d7e5b4a60",
    session: "alice@example.com",
    ip: "203.0.113.24",
    agent: "console.amazonaws.com",
};
const BOB: Who = Who {
    role: "AWSReservedSSO_AdministratorAccess_3f2a9c1d7e5b4a60",
    session: "bob@example.com",
    ip: "198.51.100.77",
    agent: "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard",
};
const CAROL: Who = Who {
    role: "AWSReservedSSO_SecurityAdmin_8c41d2e07a9b13f5",
    session: "carol@example.com",
    ip: "203.0.113.81",
    agent: "console.amazonaws.com",
};
const DAVE: Who = Who {
    role: "AWSReservedSSO_ReadOnlyAccess_51b0e6a2c94d7f38",
    session: "dave@example.com",
    ip: "192.0.2.140",
    agent: "aws-cli/2.15.40 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8",
};
const TERRAFORM: Who = Who {
    role: "terraform-org-baseline",
    session: "terraform-run",
    ip: "198.51.100.23",
    agent: "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 aws-sdk-go-v2/1.32.2",
};
const VENDING: Who = Who {
    role: "account-vending-lambda",
    session: "account-vending",
    ip: "54.210.17.96",
    agent: "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.226 md/arch#x86_64 lang/python#3.12.6 exec-env/AWS_Lambda_python3.12",
};

struct Builder<'a> {
    state: &'a EngineState,
    mgmt: String,
    partition: String,
    out: Vec<EventRecord>,
}

impl Builder<'_> {
    fn identity(&self, who: &Who, account: &str) -> UserIdentity {
        let p = &self.partition;
        let sso = who.role.starts_with("AWSReservedSSO_");
        let role_path = if sso { "aws-reserved/sso.amazonaws.com/" } else { "" };
        let role_id =
            format!("AROA{}", &guid(super::record::fnv(who.role), 1).replace('-', "")[..17].to_uppercase());
        UserIdentity {
            kind: "AssumedRole".into(),
            principal_id: format!("{role_id}:{}", who.session),
            arn: format!("arn:{p}:sts::{account}:assumed-role/{}/{}", who.role, who.session),
            account_id: account.into(),
            access_key_id: Some(format!(
                "ASIA{}",
                &guid(super::record::fnv(who.session), 2).replace('-', "")[..16].to_uppercase()
            )),
            user_name: None,
            session_context: Some(json!({
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": role_id,
                    "arn": format!("arn:{p}:iam::{account}:role/{role_path}{}", who.role),
                    "accountId": account,
                    "userName": who.role,
                },
                "attributes": {"creationDate": "", "mfaAuthenticated": if sso { "true" } else { "false" }},
            })),
            invoked_by: None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        t: Timestamp,
        who: &Who,
        op: &str,
        params: Value,
        resp: Option<Value>,
        err: Option<(&str, &str)>,
    ) {
        let mgmt = self.mgmt.clone();
        self.push_in(t, who, op, params, resp, err, &mgmt);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_in(
        &mut self,
        t: Timestamp,
        who: &Who,
        op: &str,
        params: Value,
        resp: Option<Value>,
        err: Option<(&str, &str)>,
        account: &str,
    ) {
        let mut identity = self.identity(who, account);
        if let Some(Value::Object(sc)) = identity.session_context.as_mut() {
            let created = Timestamp(t.0 - t.0.rem_euclid(3_600_000)).to_rfc3339();
            sc.insert("attributes".into(), json!({"creationDate": created, "mfaAuthenticated": if who.role.starts_with("AWSReservedSSO_") { "true" } else { "false" }}));
        }
        let t = Timestamp(t.0 - t.0.rem_euclid(1000));
        self.out.push(EventRecord {
            event_version: EVENT_VERSION.into(),
            user_identity: identity,
            event_time: t,
            event_source: ORGANIZATIONS_EVENT_SOURCE.into(),
            event_name: op.into(),
            aws_region: ORGANIZATIONS_REGION.into(),
            source_ip_address: who.ip.into(),
            user_agent: Some(who.agent.into()),
            error_code: err.map(|e| e.0.to_string()),
            error_message: err.map(|e| e.1.to_string()),
            request_parameters: Some(params).filter(|p| !p.is_null()),
            response_elements: if err.is_some() { None } else { resp },
            request_id: String::new(),
            event_id: String::new(),
            read_only: false,
            event_type: "AwsApiCall".into(),
            management_event: true,
            recipient_account_id: account.into(),
            event_category: "Management".into(),
        });
    }

    fn ou_arn(&self, ou: &str) -> String {
        let org = self.state.org.as_ref().map(|o| o.id.to_string()).unwrap_or_default();
        format!("arn:{}:organizations::{}:ou/{org}/{ou}", self.partition, self.mgmt)
    }
}

/// Adds the sample's organization trail and history to `state` (when it has none), ending at
/// `end`. The same state and `end` always give the same events.
pub fn seed(state: &mut EngineState, end: Timestamp) {
    let Some(org) = state.org.as_ref() else { return };
    if state.cloudtrail.trails.is_empty() {
        state
            .cloudtrail
            .trails
            .push(organization_trail(state, org.trusted_services.get("cloudtrail.amazonaws.com").copied()));
    }
    if !state.cloudtrail.events.is_empty() {
        return;
    }
    let events = history(state, end);
    let cap = usize::try_from(state.settings.cloudtrail_history).unwrap_or(0);
    let mut ct =
        CloudTrailState { trails: std::mem::take(&mut state.cloudtrail.trails), ..Default::default() };
    for mut e in events {
        let seq = ct.recorded;
        e.event_id = guid(seq, 0x6576_656e);
        e.request_id = guid(seq, 0x7265_7175);
        ct.push(e, cap);
    }
    state.cloudtrail = ct;
}

fn organization_trail(state: &EngineState, since: Option<Timestamp>) -> TrailState {
    let archive = state
        .accounts
        .values()
        .find(|a| a.name == "log-archive")
        .map_or_else(|| state.home_account.to_string(), |a| a.id.to_string());
    TrailState {
        name: "org-trail".into(),
        home_region: ORGANIZATIONS_REGION.into(),
        s3_bucket_name: format!("org-cloudtrail-logs-{archive}"),
        s3_key_prefix: None,
        is_multi_region_trail: true,
        is_organization_trail: true,
        log_file_validation_enabled: true,
        kms_key_id: Some(format!(
            "arn:{}:kms:{ORGANIZATIONS_REGION}:{archive}:key/{}",
            state.settings.partition,
            guid(7, 0x6b6d_73)
        )),
        is_logging: true,
        start_logging_time: since,
        stop_logging_time: None,
        latest_delivery_time: None,
    }
}

fn history(state: &EngineState, end: Timestamp) -> Vec<EventRecord> {
    let Some(org) = state.org.as_ref() else { return Vec::new() };
    let mut rng = fastrand::Rng::with_seed(0x5eed_c7a1);
    let mut b = Builder {
        state,
        mgmt: org.management.to_string(),
        partition: state.settings.partition.clone(),
        out: Vec::new(),
    };
    let root = org.root_id.to_string();
    let start = Timestamp(end.0 - 88 * DAY_MS);
    let mut t = start;
    let step = |t: &mut Timestamp, rng: &mut fastrand::Rng, max_s: i64| {
        *t = Timestamp(t.0 + rng.i64(20..max_s.max(21)) * 1000);
        *t
    };
    // 1. The landing-zone rebuild: OUs (parents first), customer policies, moves, attachments.
    let mut ous: Vec<_> = org.ous.values().collect();
    ous.sort_by_key(|o| (org.depth(&ParentId::Ou(o.id.clone())), o.id.to_string()));
    for o in &ous {
        let at = step(&mut t, &mut rng, 90);
        let resp = json!({"organizationalUnit": {"id": o.id.to_string(), "arn": b.ou_arn(&o.id.to_string()), "name": o.name}});
        b.push(
            at,
            &TERRAFORM,
            "CreateOrganizationalUnit",
            json!({"parentId": o.parent.to_string(), "name": o.name}),
            Some(resp),
            None,
        );
    }
    let sandbox = org.ous.values().find(|o| o.name == "Sandbox").map(|o| o.id.to_string());
    let late_moves = ["ml-platform-prod", "search-prod"];
    for a in state.accounts.values() {
        let Membership::Member(parent) = &a.membership else { continue };
        let parent = parent.to_string();
        if parent == root {
            continue;
        }
        let dest = match (&sandbox, late_moves.contains(&a.name.as_str())) {
            (Some(s), true) => s.clone(),
            _ => parent,
        };
        let at = step(&mut t, &mut rng, 60);
        let p = json!({"accountId": a.id.to_string(), "sourceParentId": root, "destinationParentId": dest});
        b.push(at, &TERRAFORM, "MoveAccount", p, None, None);
    }
    t = Timestamp(t.0 + 2 * 3_600_000);
    for p in org.policies.values().filter(|p| !p.aws_managed) {
        let at = step(&mut t, &mut rng, 120);
        let params = json!({"content": p.content, "description": p.description, "name": p.name, "type": p.policy_type.to_string()});
        let arn = format!(
            "arn:{}:organizations::{}:policy/{}/{}/{}",
            b.partition,
            b.mgmt,
            org.id,
            p.policy_type.to_string().to_lowercase(),
            p.id
        );
        let resp = json!({"policy": {"policySummary": {"id": p.id.to_string(), "arn": arn, "name": p.name, "description": p.description, "type": p.policy_type.to_string(), "awsManaged": false}}});
        b.push(at, &TERRAFORM, "CreatePolicy", params, Some(resp), None);
    }
    let mut attachments: Vec<(u64, String, String)> = org
        .attachments
        .iter()
        .flat_map(|(target, list)| list.iter().map(move |a| (a.seq, a.policy.to_string(), target.clone())))
        .filter(|(_, p, _)| org.policies.values().any(|x| x.id.to_string() == *p && !x.aws_managed))
        .collect();
    attachments.sort();
    for (_, policy, target) in &attachments {
        let at = step(&mut t, &mut rng, 45);
        b.push(at, &TERRAFORM, "AttachPolicy", json!({"policyId": policy, "targetId": target}), None, None);
    }
    // 2. Weeks of routine work after the rebuild.
    let routine_start = t.0 + DAY_MS;
    let span = (end.0 - 3_600_000 - routine_start).max(DAY_MS);
    let when = |rng: &mut fastrand::Rng| Timestamp(routine_start + rng.i64(0..span));
    let members: Vec<_> =
        state.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).collect();
    for _ in 0..if members.is_empty() { 0 } else { 120 } {
        let a = members[rng.usize(..members.len())];
        let at = when(&mut rng);
        let tags: Vec<Value> = if a.tags.is_empty() {
            vec![
                json!({"key": "owner", "value": format!("team-{}", a.name.split('-').next().unwrap_or("platform"))}),
            ]
        } else {
            a.tags.iter().map(|t| json!({"key": t.key, "value": t.value})).collect()
        };
        let who = if rng.u8(..4) == 0 { &VENDING } else { &TERRAFORM };
        b.push(at, who, "TagResource", json!({"resourceId": a.id.to_string(), "tags": tags}), None, None);
    }
    let scps: Vec<_> = org.policies.values().filter(|p| !p.aws_managed).collect();
    for i in 0..if scps.is_empty() { 0 } else { 12 } {
        let p = scps[rng.usize(..scps.len())];
        let who = if i % 3 == 0 { &ALICE } else { &CAROL };
        let params = json!({"policyId": p.id.to_string(), "content": p.content, "description": p.description, "name": p.name});
        b.push(when(&mut rng), who, "UpdatePolicy", params, None, None);
    }
    let canary = org.ous.values().find(|o| o.name == "Policy Staging").map(|o| o.id.to_string());
    let probe = members.iter().find(|a| a.name == "scp-test").map(|a| a.id.to_string());
    if let (Some(_), Some(acct)) = (&canary, &probe) {
        for p in scps.iter().filter(|p| p.policy_type.to_string() == "SERVICE_CONTROL_POLICY").take(8) {
            let at = when(&mut rng);
            let params = json!({"policyId": p.id.to_string(), "targetId": acct});
            b.push(at, &CAROL, "AttachPolicy", params.clone(), None, None);
            b.push(
                Timestamp(at.0 + rng.i64(3_600_000..20 * 3_600_000)),
                &CAROL,
                "DetachPolicy",
                params,
                None,
                None,
            );
        }
    }
    let deny_leave = scps.iter().find(|p| p.name == "DenyLeaveOrganization").map(|p| p.id.to_string());
    for _ in 0..6 {
        let policy = deny_leave.clone().unwrap_or_default();
        b.push(
            when(&mut rng),
            &DAVE,
            "DetachPolicy",
            json!({"policyId": policy, "targetId": root}),
            None,
            Some(("AccessDeniedException", "You don't have permissions to access this resource.")),
        );
    }
    for _ in 0..if attachments.is_empty() { 0 } else { 4 } {
        let (_, policy, target) = attachments[rng.usize(..attachments.len())].clone();
        b.push(
            when(&mut rng),
            &BOB,
            "AttachPolicy",
            json!({"policyId": policy, "targetId": target}),
            None,
            Some((
                "DuplicatePolicyAttachmentException",
                "A policy with the same type is already attached to the target.",
            )),
        );
    }
    for _ in 0..3 {
        b.push(
            when(&mut rng),
            &VENDING,
            "CreateAccount",
            json!({"email": "****", "accountName": "****", "roleName": "OrganizationAccountAccessRole", "tags": []}),
            None,
            Some(("ConstraintViolationException", "You have exceeded the allowed number of AWS accounts.")),
        );
    }
    // Recent, named changes the console's history shows.
    let by_name = |n: &str| members.iter().find(|a| a.name == n);
    let parent_of = |a: &crate::engine::AccountRecord| match &a.membership {
        Membership::Member(p) => p.to_string(),
        _ => root.clone(),
    };
    if let (Some(s), Some(a)) = (&sandbox, by_name("ml-platform-prod")) {
        let p =
            json!({"accountId": a.id.to_string(), "sourceParentId": s, "destinationParentId": parent_of(a)});
        b.push(Timestamp(end.0 - 3 * DAY_MS - 5_400_000), &BOB, "MoveAccount", p, None, None);
    }
    if let (Some(s), Some(a)) = (&sandbox, by_name("search-prod")) {
        let p =
            json!({"accountId": a.id.to_string(), "sourceParentId": s, "destinationParentId": parent_of(a)});
        b.push(Timestamp(end.0 - 20 * DAY_MS + 7_200_000), &ALICE, "MoveAccount", p, None, None);
    }
    if let Some(a) = by_name("bookly-prod").filter(|a| a.joined_timestamp.0 > end.0 - 88 * DAY_MS) {
        let invited = Timestamp(a.joined_timestamp.0 - 2 * 3_600_000);
        let hs = format!("h-{}", &guid(3, 0x6873).replace('-', "")[..10]);
        let target = json!({"type": "ACCOUNT", "id": a.id.to_string()});
        let resp = json!({"handshake": {"id": hs, "state": "OPEN", "action": "INVITE"}});
        b.push(
            invited,
            &ALICE,
            "InviteAccountToOrganization",
            json!({"target": target, "notes": "Welcome, Bookly!"}),
            Some(resp),
            None,
        );
        let acct = a.id.to_string();
        b.push_in(
            a.joined_timestamp,
            &ALICE,
            "AcceptHandshake",
            json!({"handshakeId": hs}),
            None,
            None,
            &acct,
        );
    }
    let mut out = b.out;
    out.sort_by_key(|e| e.event_time);
    out.retain(|e| e.event_time <= end);
    out
}
