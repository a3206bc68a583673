//! `orgtui serve` end to end: a server on 127.0.0.1:0 in-process, spoken to over plain
//! HTTP/1.1 with a tiny hand-written client, as the AWS SDKs speak awsJson1_1.

use orgtui::model::AccountId;
use orgtui::model::operations::OPERATION_NAMES;
use orgtui::serve::{Delays, ServeOptions, ServedOrg, Server, load_engine};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const MEMBER_KEY: &str = "AKIDMEMBER";
const MEMBER: &str = "222222222222";

/// A running server and the handle that stops it.
struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        let r = tokio::time::timeout(Duration::from_secs(5), self.task).await;
        assert!(matches!(r, Ok(Ok(Ok(())))), "server did not stop cleanly: {r:?}");
    }
}

async fn start(source: ServedOrg, delays: Delays, body_limit: Option<usize>) -> Running {
    start_with(source, delays, body_limit, &[(MEMBER_KEY, MEMBER)]).await
}

async fn start_with(
    source: ServedOrg,
    delays: Delays,
    body_limit: Option<usize>,
    callers: &[(&str, &str)],
) -> Running {
    let (engine, persist, _) = load_engine(&source, delays).expect("engine");
    let mut options = ServeOptions {
        callers: callers.iter().map(|(k, a)| (k.to_string(), AccountId::parse(a).unwrap())).collect(),
        persist,
        ..ServeOptions::default()
    };
    if let Some(limit) = body_limit {
        options.body_limit = limit;
    }
    let server = Server::bind(engine, options).await.expect("bind");
    let addr = server.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(server.run(async move {
        let _ = rx.await;
    }));
    Running { addr, stop: Some(tx), task }
}

async fn empty() -> Running {
    start(ServedOrg::Empty(None), Delays { create_account_ms: Some(50), close_account_ms: Some(50) }, None)
        .await
}

/// One raw HTTP/1.1 exchange: returns status, lower-cased headers and body.
async fn raw(addr: SocketAddr, request: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request).await.unwrap();
    let mut buf = Vec::new();
    // The server may close before reading an oversized body; what was answered still counts.
    let _ = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut buf)).await;
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete HTTP response");
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let body = buf[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body)
}

fn request(target: Option<&str>, key: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut r = String::from("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    r.push_str("Content-Type: application/x-amz-json-1.1\r\n");
    if let Some(t) = target {
        r.push_str(&format!("X-Amz-Target: {t}\r\n"));
    }
    if let Some(k) = key {
        r.push_str(&format!(
            "Authorization: AWS4-HMAC-SHA256 Credential={k}/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd\r\n"
        ));
    }
    r.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = r.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// Calls an operation; returns status and JSON body.
async fn call_as(addr: SocketAddr, key: Option<&str>, op: &str, body: Value) -> (u16, Value) {
    let target = format!("AWSOrganizationsV20161128.{op}");
    let (status, headers, body) = raw(addr, &request(Some(&target), key, body.to_string().as_bytes())).await;
    let ct = headers.iter().find(|(k, _)| k == "content-type").map(|(_, v)| v.as_str());
    assert_eq!(ct, Some("application/x-amz-json-1.1"));
    (status, serde_json::from_slice(&body).expect("JSON body"))
}

async fn ok(addr: SocketAddr, op: &str, body: Value) -> Value {
    let (status, v) = call_as(addr, None, op, body).await;
    assert_eq!(status, 200, "{op}: {v}");
    v
}

async fn err(addr: SocketAddr, key: Option<&str>, op: &str, body: Value) -> Value {
    let (status, v) = call_as(addr, key, op, body).await;
    assert_eq!(status, 400, "{op}: {v}");
    assert!(v["Message"].is_string(), "{v}");
    v
}

async fn with_org(addr: SocketAddr) -> String {
    ok(addr, "CreateOrganization", json!({"FeatureSet": "ALL"})).await;
    let roots = ok(addr, "ListRoots", json!({})).await;
    roots["Roots"][0]["Id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn protocol_errors_are_clean_400s() {
    let s = start(ServedOrg::Empty(None), Delays::default(), Some(4096)).await;
    let a = s.addr;
    let t = Some("AWSOrganizationsV20161128.DescribePolicy");
    let check = |(status, headers, body): (u16, Vec<(String, String)>, Vec<u8>), code: &str| {
        assert_eq!(status, 400, "{}", String::from_utf8_lossy(&body));
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["__type"], code, "{v}");
        assert!(v["Message"].is_string());
        assert!(headers.iter().any(|(k, v)| k == "x-amzn-errortype" && v == code));
    };
    check(raw(a, &request(t, None, b"{\"PolicyId\": ")).await, "SerializationException");
    check(raw(a, &request(t, None, b"[1,2]")).await, "SerializationException");
    check(raw(a, &request(t, None, b"{\"PolicyId\": 42}")).await, "SerializationException");
    check(
        raw(a, &request(t, None, b"{\"PolicyId\": \"p-FullAWSAccess\"} trailing")).await,
        "SerializationException",
    );
    check(raw(a, &request(None, None, b"{}")).await, "UnknownOperationException");
    check(
        raw(a, &request(Some("AWSOrganizationsV20161128.FlyToTheMoon"), None, b"{}")).await,
        "UnknownOperationException",
    );
    check(
        raw(a, &request(Some("DynamoDB_20120810.ListTables"), None, b"{}")).await,
        "UnknownOperationException",
    );
    check(
        raw(a, &request(Some("AWSOrganizationsV20161128."), None, b"{}")).await,
        "UnknownOperationException",
    );
    let big = format!("{{\"PolicyId\": \"{}\"}}", "x".repeat(10_000));
    check(raw(a, &request(t, None, big.as_bytes())).await, "SerializationException");
    check(
        raw(a, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await,
        "UnknownOperationException",
    );
    // An oversized chunked body (no Content-Length) is cut off at the limit too.
    let mut chunked = request(t, None, b"").into_iter().collect::<Vec<u8>>();
    let text = String::from_utf8(chunked.clone())
        .unwrap()
        .replace("Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n");
    chunked = text.into_bytes();
    chunked.extend_from_slice(format!("{:x}\r\n{}\r\n0\r\n\r\n", big.len(), big).as_bytes());
    check(raw(a, &chunked).await, "SerializationException");
    // Shape errors the service validates itself.
    let v = err(a, None, "DescribePolicy", json!({})).await;
    assert_eq!(
        (v["__type"].as_str(), v["Reason"].as_str()),
        (Some("InvalidInputException"), Some("INPUT_REQUIRED"))
    );
    let v = err(a, None, "ListPolicies", json!({"Filter": "NOT_A_TYPE"})).await;
    assert_eq!(v["Reason"], "INVALID_ENUM_POLICY_TYPE");
    let v = err(a, None, "ListRoots", json!({"MaxResults": "ten"})).await;
    assert_eq!(v["__type"], "SerializationException");
    s.stop().await;
}

#[tokio::test]
async fn every_operation_is_served_and_never_fails_with_500() {
    let s = start(ServedOrg::Sample, Delays::default(), None).await;
    for op in OPERATION_NAMES {
        for body in [json!({}), json!({"Foo": 1}), json!({"PolicyId": [], "AccountId": {}, "Name": null})] {
            let (status, v) = call_as(s.addr, None, op, body).await;
            assert!(status == 200 || status == 400, "{op}: {status} {v}");
            if status == 400 {
                let code = v["__type"].as_str().unwrap();
                assert_ne!(code, "UnknownOperationException", "{op} is not dispatched");
            }
        }
    }
    s.stop().await;
}

#[tokio::test]
async fn responses_use_the_service_shapes() {
    let s = start(ServedOrg::Sample, Delays::default(), None).await;
    let a = s.addr;
    let org = ok(a, "DescribeOrganization", json!({})).await;
    assert_eq!(org["Organization"]["Id"], "o-ex4mp1e0rg");
    assert!(org["Organization"]["MasterAccountArn"].as_str().unwrap().starts_with("arn:aws:organizations::"));
    let accounts = ok(a, "ListAccounts", json!({"MaxResults": 5})).await;
    let page = accounts["Accounts"].as_array().unwrap();
    assert_eq!(page.len(), 5);
    // Timestamps are epoch seconds; absent members are left out rather than null.
    assert!(page[0]["JoinedTimestamp"].is_number(), "{}", page[0]);
    let token = accounts["NextToken"].as_str().unwrap().to_string();
    let next = ok(a, "ListAccounts", json!({"MaxResults": 20, "NextToken": token})).await;
    assert!(next["Accounts"].as_array().unwrap().len() > 1);
    let all = ok(a, "ListRoots", json!({})).await;
    assert!(all.get("NextToken").is_none(), "{all}");
    // Engine errors carry their Reason.
    let v = err(a, None, "ListAccounts", json!({"MaxResults": 0})).await;
    assert_eq!(
        (v["__type"].as_str(), v["Reason"].as_str()),
        (Some("InvalidInputException"), Some("MIN_VALUE_EXCEEDED"))
    );
    let v = err(a, None, "DescribePolicy", json!({"PolicyId": "p-zzzzzzzzzz"})).await;
    assert_eq!(v["__type"], "PolicyNotFoundException");
    assert!(v.get("Reason").is_none());
    s.stop().await;
}

#[tokio::test]
async fn ou_depth_limit_and_policies_over_the_wire() {
    let s = empty().await;
    let a = s.addr;
    let root = with_org(a).await;
    let mut parent = root.clone();
    for depth in 1..=5 {
        let v =
            ok(a, "CreateOrganizationalUnit", json!({"ParentId": parent, "Name": format!("L{depth}")})).await;
        parent = v["OrganizationalUnit"]["Id"].as_str().unwrap().to_string();
    }
    let v = err(a, None, "CreateOrganizationalUnit", json!({"ParentId": parent, "Name": "L6"})).await;
    assert_eq!(
        (v["__type"].as_str(), v["Reason"].as_str()),
        (Some("ConstraintViolationException"), Some("OU_DEPTH_LIMIT_EXCEEDED"))
    );
    let v = err(a, None, "EnablePolicyType", json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}))
        .await;
    assert_eq!(v["__type"], "PolicyTypeAlreadyEnabledException");
    let doc = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]});
    let p = ok(
        a,
        "CreatePolicy",
        json!({"Name": "deny-s3", "Description": "d", "Type": "SERVICE_CONTROL_POLICY", "Content": doc.to_string(),
               "Tags": [{"Key": "team", "Value": "sec"}]}),
    )
    .await;
    let pid = p["Policy"]["PolicySummary"]["Id"].as_str().unwrap().to_string();
    assert_eq!(ok(a, "AttachPolicy", json!({"PolicyId": pid, "TargetId": parent})).await, json!({}));
    let v = err(a, None, "AttachPolicy", json!({"PolicyId": pid, "TargetId": parent})).await;
    assert_eq!(v["__type"], "DuplicatePolicyAttachmentException");
    let targets = ok(a, "ListTargetsForPolicy", json!({"PolicyId": pid})).await;
    assert_eq!(targets["Targets"][0]["TargetId"], parent.as_str());
    ok(a, "DetachPolicy", json!({"PolicyId": pid, "TargetId": parent})).await;
    let v = err(a, None, "DetachPolicy", json!({"PolicyId": pid, "TargetId": parent})).await;
    assert_eq!(v["__type"], "PolicyNotAttachedException");
    s.stop().await;
}

#[tokio::test]
async fn access_key_selects_the_caller_and_invitations_work_both_ways() {
    let s = empty().await;
    let a = s.addr;
    let member = Some(MEMBER_KEY);
    // The member key's account stands alone until it joins.
    let v = err(a, member, "DescribeOrganization", json!({})).await;
    assert_eq!(v["__type"], "AWSOrganizationsNotInUseException");
    with_org(a).await;
    let inv = ok(
        a,
        "InviteAccountToOrganization",
        json!({"Target": {"Id": MEMBER, "Type": "ACCOUNT"}, "Notes": "hi"}),
    )
    .await;
    let h = &inv["Handshake"];
    let (requested, expires) =
        (h["RequestedTimestamp"].as_f64().unwrap(), h["ExpirationTimestamp"].as_f64().unwrap());
    assert_eq!(expires - requested, 15.0 * 86_400.0, "invitations expire after 15 days");
    let hid = h["Id"].as_str().unwrap().to_string();
    // The management account cannot accept its own invitation; the member can.
    let listed = call_as(a, member, "ListHandshakesForAccount", json!({})).await;
    assert_eq!(listed.0, 200);
    assert_eq!(listed.1["Handshakes"][0]["Id"], hid.as_str());
    let (status, acc) = call_as(a, member, "AcceptHandshake", json!({"HandshakeId": hid})).await;
    assert_eq!(status, 200, "{acc}");
    assert_eq!(acc["Handshake"]["State"], "ACCEPTED");
    let (status, org) = call_as(a, member, "DescribeOrganization", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(org["Organization"]["MasterAccountId"], "111111111111");
    // A plain member may not list accounts.
    let v = err(a, member, "ListAccounts", json!({})).await;
    assert_eq!(v["__type"], "AccessDeniedException");
    // Leaving works for an invited account; the management account cannot leave.
    let v = err(a, None, "LeaveOrganization", json!({})).await;
    assert_eq!(v["__type"], "MasterCannotLeaveOrganizationException");
    let (status, v) = call_as(a, member, "LeaveOrganization", json!({})).await;
    assert_eq!(status, 200, "{v}");
    let v = err(a, member, "DescribeOrganization", json!({})).await;
    assert_eq!(v["__type"], "AWSOrganizationsNotInUseException");
    // A second invitation, declined.
    let inv =
        ok(a, "InviteAccountToOrganization", json!({"Target": {"Id": MEMBER, "Type": "ACCOUNT"}})).await;
    let hid = inv["Handshake"]["Id"].as_str().unwrap().to_string();
    let (status, v) = call_as(a, member, "DeclineHandshake", json!({"HandshakeId": hid})).await;
    assert_eq!((status, v["Handshake"]["State"].as_str()), (200, Some("DECLINED")));
    s.stop().await;
}

#[tokio::test]
async fn create_and_close_account_finish_on_the_real_clock() {
    let s = empty().await;
    let a = s.addr;
    with_org(a).await;
    let v = ok(a, "CreateAccount", json!({"Email": "dev@example.com", "AccountName": "Dev"})).await;
    assert_eq!(v["CreateAccountStatus"]["State"], "IN_PROGRESS");
    let rid = v["CreateAccountStatus"]["Id"].as_str().unwrap().to_string();
    let mut state = String::new();
    let mut account = String::new();
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let st = ok(a, "DescribeCreateAccountStatus", json!({"CreateAccountRequestId": rid})).await;
        state = st["CreateAccountStatus"]["State"].as_str().unwrap().to_string();
        if state != "IN_PROGRESS" {
            account = st["CreateAccountStatus"]["AccountId"].as_str().unwrap_or_default().to_string();
            break;
        }
    }
    assert_eq!(state, "SUCCEEDED");
    ok(a, "CloseAccount", json!({"AccountId": account})).await;
    let d = ok(a, "DescribeAccount", json!({"AccountId": account})).await;
    assert_eq!(d["Account"]["Status"], "PENDING_CLOSURE");
    tokio::time::sleep(Duration::from_millis(150)).await;
    let d = ok(a, "DescribeAccount", json!({"AccountId": account})).await;
    assert_eq!(d["Account"]["Status"], "SUSPENDED", "{d}");
    s.stop().await;
}

fn temp_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[tokio::test]
async fn changes_are_written_back_atomically_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_path(&dir, "org.json");
    // Start empty, saving to a new file.
    let s = start(ServedOrg::Empty(Some(path.clone())), Delays::default(), None).await;
    let root = with_org(s.addr).await;
    let ou = ok(s.addr, "CreateOrganizationalUnit", json!({"ParentId": root, "Name": "Saved"})).await;
    let ou_id = ou["OrganizationalUnit"]["Id"].as_str().unwrap().to_string();
    // A failed change leaves the file as it was.
    let before = std::fs::read_to_string(&path).unwrap();
    err(s.addr, None, "CreateOrganizationalUnit", json!({"ParentId": root, "Name": "Saved"})).await;
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    s.stop().await;
    let loaded = orgtui::snapshot::load_file(&path).expect("the written snapshot loads");
    let org = loaded.state.org.as_ref().expect("organization saved");
    assert!(org.ous.keys().any(|k| k.as_ref() == ou_id), "OU {ou_id} saved");
    // The standalone caller account was saved as well.
    assert!(loaded.state.accounts.keys().any(|k| k.as_ref() == MEMBER));
    // Serve the file: the OU is there, and a further change is saved.
    let s = start(ServedOrg::File(path.clone()), Delays::default(), None).await;
    let d = ok(s.addr, "DescribeOrganizationalUnit", json!({"OrganizationalUnitId": ou_id})).await;
    assert_eq!(d["OrganizationalUnit"]["Name"], "Saved");
    ok(s.addr, "UpdateOrganizationalUnit", json!({"OrganizationalUnitId": ou_id, "Name": "Renamed"})).await;
    s.stop().await;
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Renamed"));
    assert!(
        !std::fs::read_dir(dir.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp-"))
    );
    // --empty never overwrites an existing file.
    assert!(load_engine(&ServedOrg::Empty(Some(path)), Delays::default()).is_err());
}

#[tokio::test]
async fn keep_alive_connections_serve_many_requests() {
    let s = start(ServedOrg::Sample, Delays::default(), None).await;
    let mut conn = tokio::net::TcpStream::connect(s.addr).await.unwrap();
    for _ in 0..20 {
        let body = b"{}";
        let req = format!(
            "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSOrganizationsV20161128.ListRoots\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        conn.write_all(req.as_bytes()).await.unwrap();
        conn.write_all(body).await.unwrap();
        // Read the head, then exactly Content-Length bytes.
        let mut buf = Vec::new();
        let mut byte = [0u8; 1];
        while !buf.ends_with(b"\r\n\r\n") {
            conn.read_exact(&mut byte).await.unwrap();
            buf.push(byte[0]);
        }
        let head = String::from_utf8(buf).unwrap();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        let len: usize = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap())
            })
            .unwrap();
        let mut body = vec![0u8; len];
        conn.read_exact(&mut body).await.unwrap();
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["Roots"][0]["Id"], "r-ex4m");
    }
    drop(conn);
    s.stop().await;
}

#[test]
fn caller_flags_are_checked() {
    assert!(orgtui::serve::parse_caller("AKID=222222222222").is_ok());
    assert!(orgtui::serve::parse_caller("AKID=2222").is_err());
    assert!(orgtui::serve::parse_caller("=222222222222").is_err());
    assert!(orgtui::serve::parse_caller("AKID").is_err());
}

#[tokio::test]
async fn error_messages_use_aws_wording() {
    let s = empty().await;
    let a = s.addr;
    let v = err(a, None, "DescribeOrganization", json!({})).await;
    assert_eq!(v["Message"], "Your account is not a member of an organization.");
    let root = with_org(a).await;
    let v = err(a, None, "DescribeAccount", json!({"AccountId": "123456789101"})).await;
    assert_eq!(
        (v["__type"].as_str(), v["Message"].as_str()),
        (Some("AccountNotFoundException"), Some("You specified an account that doesn't exist."))
    );
    ok(a, "CreateOrganizationalUnit", json!({"ParentId": root, "Name": "Dup"})).await;
    let v = err(a, None, "CreateOrganizationalUnit", json!({"ParentId": root, "Name": "Dup"})).await;
    assert_eq!(v["Message"], "An OU with the same name already exists.");
    let v =
        err(a, None, "DescribeOrganizationalUnit", json!({"OrganizationalUnitId": "ou-zzzz-zzzzzzzz"})).await;
    assert_eq!(v["Message"], "We can't find an OU with the OrganizationalUnitId that you specified.");
    let v = err(a, None, "ListDelegatedAdministrators", json!({"ServicePrincipal": "nosuch.amazonaws.com"}))
        .await;
    assert_eq!(v["Reason"], "UNRECOGNIZED_SERVICE_PRINCIPAL");
    assert!(
        v["Message"].as_str().unwrap().starts_with("You specified a service principal that isn't recognized"),
        "{v}"
    );
    s.stop().await;
}

const OTHER_KEY: &str = "AKIDOTHER";
const OTHER: &str = "333333333333";

/// Accounts listed by a caller's organization, sorted.
async fn account_ids(addr: SocketAddr, key: Option<&str>) -> Vec<String> {
    let (status, v) = call_as(addr, key, "ListAccounts", json!({})).await;
    assert_eq!(status, 200, "{v}");
    let mut ids: Vec<String> =
        v["Accounts"].as_array().unwrap().iter().map(|a| a["Id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

/// The organization id a caller sees.
async fn org_of(addr: SocketAddr, key: Option<&str>) -> String {
    let (status, v) = call_as(addr, key, "DescribeOrganization", json!({})).await;
    assert_eq!(status, 200, "{v}");
    v["Organization"]["Id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn many_organizations_share_one_endpoint() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_path(&dir, "world.json");
    let callers = [(MEMBER_KEY, MEMBER), (OTHER_KEY, OTHER)];
    let s = start_with(ServedOrg::Empty(Some(path.clone())), Delays::default(), None, &callers).await;
    let (a, member, other) = (s.addr, Some(MEMBER_KEY), Some(OTHER_KEY));
    with_org(a).await;
    let home = org_of(a, None).await;
    // A standalone caller is in no organization until it creates its own.
    let v = err(a, other, "DescribeOrganization", json!({})).await;
    assert_eq!(v["__type"], "AWSOrganizationsNotInUseException");
    assert_eq!(v["Message"], "Your account is not a member of an organization.");
    let (status, created) = call_as(a, other, "CreateOrganization", json!({"FeatureSet": "ALL"})).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["Organization"]["MasterAccountId"], OTHER);
    let second = org_of(a, other).await;
    assert_ne!(second, home, "a second organization with its own id");
    assert_eq!(org_of(a, None).await, home, "the home organization is untouched");
    assert_eq!(account_ids(a, other).await, vec![OTHER.to_string()]);
    assert_eq!(account_ids(a, None).await, vec!["111111111111".to_string()]);
    let v = err(a, other, "CreateOrganization", json!({})).await;
    assert_eq!(v["__type"], "AlreadyInOrganizationException");
    // Inviting an account of another organization fails with the reason, both ways.
    for (key, target) in [(other, "111111111111"), (None, OTHER)] {
        let body = json!({"Target": {"Id": target, "Type": "ACCOUNT"}});
        let v = err(a, key, "InviteAccountToOrganization", body).await;
        assert_eq!(v["__type"], "HandshakeConstraintViolationException");
        assert_eq!(v["Reason"], "ALREADY_IN_AN_ORGANIZATION");
        assert_eq!(
            v["Message"],
            "The handshake request is invalid because the invited account is already a member of an organization."
        );
    }
    // The second organization invites the standalone account, which accepts and joins it.
    let body = json!({"Target": {"Id": MEMBER, "Type": "ACCOUNT"}});
    let (status, inv) = call_as(a, other, "InviteAccountToOrganization", body).await;
    assert_eq!(status, 200, "{inv}");
    let hid = inv["Handshake"]["Id"].as_str().unwrap().to_string();
    let (status, listed) = call_as(a, member, "ListHandshakesForAccount", json!({})).await;
    assert_eq!((status, listed["Handshakes"][0]["Id"].as_str()), (200, Some(hid.as_str())));
    let (status, acc) = call_as(a, member, "AcceptHandshake", json!({"HandshakeId": hid})).await;
    assert_eq!((status, acc["Handshake"]["State"].as_str()), (200, Some("ACCEPTED")), "{acc}");
    assert_eq!(org_of(a, member).await, second, "the member sees its own organization");
    assert_eq!(account_ids(a, other).await, vec![MEMBER.to_string(), OTHER.to_string()]);
    assert_eq!(account_ids(a, None).await, vec!["111111111111".to_string()]);
    let v = err(a, None, "InviteAccountToOrganization", json!({"Target": {"Id": MEMBER, "Type": "ACCOUNT"}}))
        .await;
    assert_eq!(v["Reason"], "ALREADY_IN_AN_ORGANIZATION");
    s.stop().await;

    // Both organizations are saved and served again from the file.
    let loaded = orgtui::snapshot::load_file(&path).expect("the written snapshot loads");
    assert_eq!(loaded.state.org.as_ref().map(|o| o.id.to_string()), Some(home.clone()));
    let others: Vec<String> = loaded.state.other_orgs.keys().map(ToString::to_string).collect();
    assert_eq!(others, vec![second.clone()]);
    let s = start_with(ServedOrg::File(path.clone()), Delays::default(), None, &callers).await;
    let a = s.addr;
    assert_eq!(org_of(a, member).await, second);
    let v = err(a, other, "DeleteOrganization", json!({})).await;
    assert_eq!(v["__type"], "OrganizationNotEmptyException");
    // Leaving makes the member standalone; the empty organization can then be deleted.
    let (status, v) = call_as(a, member, "LeaveOrganization", json!({})).await;
    assert_eq!(status, 200, "{v}");
    let v = err(a, member, "DescribeOrganization", json!({})).await;
    assert_eq!(v["__type"], "AWSOrganizationsNotInUseException");
    let (status, v) = call_as(a, other, "DeleteOrganization", json!({})).await;
    assert_eq!(status, 200, "{v}");
    let v = err(a, other, "DescribeOrganization", json!({})).await;
    assert_eq!(v["__type"], "AWSOrganizationsNotInUseException");
    assert_eq!(org_of(a, None).await, home);
    // Standalone again, the former member can join the home organization.
    let inv =
        ok(a, "InviteAccountToOrganization", json!({"Target": {"Id": MEMBER, "Type": "ACCOUNT"}})).await;
    let hid = inv["Handshake"]["Id"].as_str().unwrap().to_string();
    let (status, _) = call_as(a, member, "AcceptHandshake", json!({"HandshakeId": hid})).await;
    assert_eq!(status, 200);
    assert_eq!(org_of(a, member).await, home);
    s.stop().await;
    let loaded = orgtui::snapshot::load_file(&path).expect("the written snapshot loads");
    assert!(loaded.state.other_orgs.is_empty());
    assert!(loaded.state.accounts.keys().any(|k| k.as_ref() == OTHER), "the former management stands alone");
}
