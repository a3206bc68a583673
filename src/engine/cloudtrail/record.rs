//! Recording Organizations calls as CloudTrail management events. Every operation passes
//! through [`Engine::recorded`] (the memory backend and `serve` call it), which runs the
//! operation and, for a change or a failed change, appends one `AwsApiCall` record.

use crate::engine::Engine;
use crate::model::cloudtrail::*;
use crate::model::{Caller, OrgResult, Timestamp};
use serde::Serialize;
use serde_json::Value;

/// Who is calling and from where, as CloudTrail sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallContext {
    /// The caller's address (`sourceIPAddress`).
    pub source_ip: String,
    /// The client's `User-Agent`.
    pub user_agent: String,
    /// The request id answered to the client; derived from the event when `None`.
    pub request_id: Option<String>,
    /// The access key id the request was signed with (`serve`), naming an IAM user.
    pub access_key_id: Option<String>,
}

impl CallContext {
    /// The console working offline (memory backend): an administrator role session.
    pub fn console() -> Self {
        CallContext {
            source_ip: "127.0.0.1".into(),
            user_agent: format!("orgtui/{}", env!("CARGO_PKG_VERSION")),
            request_id: None,
            access_key_id: None,
        }
    }
}

/// Whether a wire operation changes state (only those, and their failures, are recorded).
pub fn is_recorded(op: &str) -> bool {
    !(op.starts_with("Describe") || op.starts_with("List"))
}

/// A GUID-shaped id derived from a number (deterministic: event and request ids).
pub fn guid(n: u64, salt: u64) -> String {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let (a, b) = (mix(n ^ salt), mix(n.wrapping_add(salt).rotate_left(17)));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0x3fff | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// `AWSService` → `awsService`, `AccountId` → `accountId`: CloudTrail's parameter spelling.
pub fn lower_camel(key: &str) -> String {
    let upper = key.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let n = match upper {
        0 => return key.to_string(),
        u if u == key.len() => u,
        1 => 1,
        u => u - 1,
    };
    let mut s = key[..n].to_ascii_lowercase();
    s.push_str(&key[n..]);
    s
}

/// A request or response in CloudTrail's spelling: keys in lower camel case, recursively.
pub fn to_trail_json(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            Value::Object(m.into_iter().map(|(k, v)| (lower_camel(&k), to_trail_json(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(to_trail_json).collect()),
        v => v,
    }
}

fn empty_to_none(v: Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::Object(m) if m.is_empty() => None,
        v => Some(v),
    }
}

/// The parameters as recorded: CreateAccount's e-mail and account name are redacted.
fn request_parameters(op: &str, req: Value) -> Option<Value> {
    let mut v = to_trail_json(req);
    if op == "CreateAccount" {
        if let Value::Object(m) = &mut v {
            for k in ["email", "accountName"] {
                if m.contains_key(k) {
                    m.insert(k.into(), Value::String("****".into()));
                }
            }
        }
    }
    empty_to_none(v)
}

fn redact_response(op: &str, mut v: Value) -> Value {
    if op == "CreateAccount" {
        if let Some(Value::Object(s)) = v.get_mut("createAccountStatus") {
            s.insert("accountName".into(), Value::String("****".into()));
        }
    }
    v
}

impl Engine {
    /// Runs one Organizations operation and records it when it is a change (or a failed
    /// change): the one place every operation of the memory backend and `serve` passes.
    pub fn recorded<Req: Serialize, Resp: Serialize>(
        &mut self,
        ctx: &CallContext,
        caller: &Caller,
        op: &str,
        req: Req,
        run: impl FnOnce(&mut Engine, &Caller, Req) -> OrgResult<Resp>,
    ) -> OrgResult<Resp> {
        if !is_recorded(op) {
            return self.as_caller(caller, |e| run(e, caller, req));
        }
        let params = serde_json::to_value(&req).map(|v| request_parameters(op, v)).unwrap_or(None);
        let out = self.as_caller(caller, |e| run(e, caller, req));
        let (response, error) = match &out {
            Ok(resp) => {
                let v = serde_json::to_value(resp).map(|v| redact_response(op, to_trail_json(v)));
                (v.ok().and_then(empty_to_none), None)
            }
            Err(e) => (None, Some((e.code_str().to_string(), e.message.clone()))),
        };
        let account = self.caller_account(caller).to_string();
        let identity = self.identity_for(ctx, &account);
        let event = self.new_event(ctx, identity, op, params, response, error, account);
        self.record_event(event);
        out
    }

    /// Appends a finished record to the history (bounded by the emulator setting).
    pub fn record_event(&mut self, event: EventRecord) {
        let cap = usize::try_from(self.state.settings.cloudtrail_history).unwrap_or(0);
        self.state.cloudtrail.push(event, cap);
    }

    fn identity_for(&self, ctx: &CallContext, account: &str) -> UserIdentity {
        let partition = &self.state.settings.partition;
        match &ctx.access_key_id {
            Some(key) => UserIdentity {
                kind: "IAMUser".into(),
                principal_id: format!(
                    "AIDA{}",
                    &guid(key.len() as u64, fnv(key)).replace('-', "")[..17].to_uppercase()
                ),
                arn: format!("arn:{partition}:iam::{account}:user/{key}"),
                account_id: account.to_string(),
                access_key_id: Some(key.clone()),
                user_name: Some(key.clone()),
                session_context: None,
                invoked_by: None,
            },
            None => UserIdentity {
                kind: "AssumedRole".into(),
                principal_id: "AROAORGTUICONSOLE0001:orgtui".into(),
                arn: format!("arn:{partition}:sts::{account}:assumed-role/OrganizationAdmin/orgtui"),
                account_id: account.to_string(),
                access_key_id: None,
                user_name: None,
                session_context: None,
                invoked_by: None,
            },
        }
    }

    /// A new `AwsApiCall` record of an Organizations call made now.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new_event(
        &self,
        ctx: &CallContext,
        identity: UserIdentity,
        op: &str,
        params: Option<Value>,
        response: Option<Value>,
        error: Option<(String, String)>,
        recipient: String,
    ) -> EventRecord {
        let seq = self.state.cloudtrail.recorded;
        let (error_code, error_message) = match error {
            Some((c, m)) => (Some(c), Some(m)),
            None => (None, None),
        };
        EventRecord {
            event_version: EVENT_VERSION.into(),
            user_identity: identity,
            // Records carry whole seconds (their ISO-8601 form).
            event_time: Timestamp(self.now().0 - self.now().0.rem_euclid(1000)),
            event_source: ORGANIZATIONS_EVENT_SOURCE.into(),
            event_name: op.into(),
            aws_region: ORGANIZATIONS_REGION.into(),
            source_ip_address: ctx.source_ip.clone(),
            user_agent: Some(ctx.user_agent.clone()),
            error_code,
            response_elements: if error_message.is_some() { None } else { response },
            error_message,
            request_parameters: params,
            request_id: ctx.request_id.clone().unwrap_or_else(|| guid(seq, 0x7265_7175)),
            event_id: guid(seq, 0x6576_656e),
            read_only: !is_recorded(op),
            event_type: "AwsApiCall".into(),
            management_event: true,
            recipient_account_id: recipient,
            event_category: "Management".into(),
        }
    }
}

/// FNV-1a of a string (stable principal ids from access keys).
pub(crate) fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}
