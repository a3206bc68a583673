//! The live backend against real local servers: the shared suite (tests/aws_support) runs
//! against `orgtui serve`, against moto_server (when `MOTO_SERVER` is set; .ci/run sets it)
//! and against the engine itself; then what only `serve` implements (handshakes, effective
//! policies), error mapping of unknown codes, timeouts and the number of calls a load makes.

mod aws_support;

use aws_support::{Target, servers};
use orgtui::backend::OrgBackend;
use orgtui::backend::aws::{AwsBackend, AwsOptions};
use orgtui::model::*;
use std::io::{Read, Write};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suite_against_orgtui_serve() {
    let server = servers::start_serve(&["AKIDMEMBER=222222222222"]);
    let b = servers::backend(&server.url, "AKIDTEST").await;
    assert!(matches!(b.kind(), orgtui::backend::BackendKind::Live { .. }));
    let built = aws_support::run(&b, Target::Serve).await;

    // Handshakes (moto has none): invite a standalone account, accept as that account.
    let member = servers::backend(&server.url, "AKIDMEMBER").await;
    let h = b
        .invite_account_to_organization(InviteAccountToOrganizationRequest {
            target: HandshakeParty { id: "222222222222".into(), r#type: HandshakePartyType::Account },
            notes: Some("welcome".into()),
            tags: None,
        })
        .await
        .expect("invite")
        .handshake;
    assert_eq!(h.state, HandshakeState::Open);
    let mine =
        member.list_handshakes_for_account(ListHandshakesForAccountRequest::default()).await.expect("list");
    assert_eq!(mine.handshakes.len(), 1);
    let accepted = member
        .accept_handshake(AcceptHandshakeRequest { handshake_id: h.id.to_string() })
        .await
        .expect("accept")
        .handshake;
    assert_eq!(accepted.state, HandshakeState::Accepted);
    let joined = b.describe_account(DescribeAccountRequest { account_id: "222222222222".into() }).await;
    assert_eq!(joined.expect("member").account.joined_method, JoinedMethod::Invited);
    let denied = member.list_roots(ListRootsRequest::default()).await;
    assert_eq!(aws_support::code(denied).0, "AccessDeniedException");

    // Effective policies (moto has none).
    let enabled = b
        .enable_policy_type(EnablePolicyTypeRequest {
            root_id: built.root.clone(),
            policy_type: PolicyType::TagPolicy,
        })
        .await
        .expect("enable tag policies");
    assert!(enabled.root.policy_types.iter().any(|p| p.r#type == PolicyType::TagPolicy));
    let tp = b
        .create_policy(CreatePolicyRequest {
            content: r#"{"tags":{"CostCenter":{"tag_key":{"@@assign":"CostCenter"}}}}"#.into(),
            description: String::new(),
            name: "CostCenter".into(),
            r#type: PolicyType::TagPolicy,
            tags: None,
        })
        .await
        .expect("create tag policy")
        .policy;
    b.attach_policy(AttachPolicyRequest {
        policy_id: tp.policy_summary.id.to_string(),
        target_id: built.root.clone(),
    })
    .await
    .expect("attach tag policy");
    let eff = b
        .describe_effective_policy(DescribeEffectivePolicyRequest {
            policy_type: PolicyType::TagPolicy,
            target_id: Some(built.accounts[20].clone()),
        })
        .await
        .expect("effective policy")
        .effective_policy;
    assert!(eff.policy_content.contains("CostCenter"), "{}", eff.policy_content);
    assert_eq!(eff.policy_type, PolicyType::TagPolicy);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suite_against_moto() {
    let Some(server) = servers::start_moto() else { return };
    let b = servers::backend(&server.url, "AKIDTEST").await;
    aws_support::run(&b, Target::Moto).await;
}

#[tokio::test]
async fn suite_against_the_engine() {
    let b = aws_support::engine_backend();
    aws_support::run(&b, Target::Engine).await;
}

/// What DescribeAccount, CreateOrganizationalUnit and the two effective-policy validation
/// operations answer on a small organization (an account in an OU, a tag policy attached to
/// the OU), with the generated ids replaced by their roles so two servers' answers compare.
async fn validation_answers(b: &dyn OrgBackend) -> Vec<String> {
    let org = b
        .create_organization(CreateOrganizationRequest { feature_set: Some(FeatureSet::All) })
        .await
        .expect("create organization")
        .organization;
    let roots = b.list_roots(ListRootsRequest::default()).await.expect("list roots").roots;
    let root = roots.first().expect("a root").id.to_string();
    let ou = b
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: root.clone(),
            name: "Workloads".into(),
            tags: None,
        })
        .await
        .expect("create OU")
        .organizational_unit;
    let ou_id = ou.id.to_string();
    let acct = aws_support::create_account(b, 0).await;
    b.move_account(MoveAccountRequest {
        account_id: acct.clone(),
        source_parent_id: root.clone(),
        destination_parent_id: ou_id.clone(),
    })
    .await
    .expect("move account");
    let org_id = org.id.to_string();
    let roles = |s: String| {
        s.replace(&org_id, "ORG").replace(&root, "ROOT").replace(&ou_id, "OU").replace(&acct, "ACCT")
    };
    let errors = |account: &str, policy_type: PolicyType| ListEffectivePolicyValidationErrorsRequest {
        account_id: account.into(),
        policy_type,
        next_token: None,
        max_results: None,
    };
    let invalid = |policy_type: PolicyType| ListAccountsWithInvalidEffectivePolicyRequest {
        policy_type,
        next_token: None,
        max_results: None,
    };
    let mut out = Vec::new();

    let a = b.describe_account(DescribeAccountRequest { account_id: acct.clone() }).await;
    let a = a.expect("describe account").account;
    out.push(roles(format!("account {:?} {:?} {:?}", a.status, a.state, a.paths)));
    out.push(roles(format!("ou path {:?}", ou.path)));

    // No tag policy attached yet: no effective policy.
    out.push(format!(
        "{:?}",
        aws_support::code(
            b.list_effective_policy_validation_errors(errors(&acct, PolicyType::TagPolicy)).await
        )
    ));
    out.push(format!(
        "{:?}",
        aws_support::code(
            b.list_accounts_with_invalid_effective_policy(invalid(PolicyType::TagPolicy)).await
        )
    ));

    b.enable_policy_type(EnablePolicyTypeRequest {
        root_id: root.clone(),
        policy_type: PolicyType::TagPolicy,
    })
    .await
    .expect("enable tag policies");
    let tp = b
        .create_policy(CreatePolicyRequest {
            content: r#"{"tags":{"CostCenter":{"tag_key":{"@@assign":"CostCenter"}}}}"#.into(),
            description: String::new(),
            name: "CostCenter".into(),
            r#type: PolicyType::TagPolicy,
            tags: None,
        })
        .await
        .expect("create tag policy")
        .policy;
    b.attach_policy(AttachPolicyRequest {
        policy_id: tp.policy_summary.id.to_string(),
        target_id: ou_id.clone(),
    })
    .await
    .expect("attach tag policy");

    let r = b.list_effective_policy_validation_errors(errors(&acct, PolicyType::TagPolicy)).await;
    let r = r.expect("validation errors");
    out.push(roles(format!(
        "errors {:?} {:?} {:?} {:?} {:?} evaluated:{}",
        r.account_id,
        r.policy_type,
        r.path,
        r.effective_policy_validation_errors,
        r.next_token,
        r.evaluation_timestamp.is_some()
    )));
    let r = b.list_accounts_with_invalid_effective_policy(invalid(PolicyType::TagPolicy)).await;
    let r = r.expect("accounts with invalid effective policy");
    out.push(format!("invalid {:?} {:?} {:?}", r.accounts, r.policy_type, r.next_token));

    // Errors: an unknown account, a type without effective policies, a type not enabled.
    out.push(format!(
        "{:?}",
        aws_support::code(
            b.list_effective_policy_validation_errors(errors("999999999999", PolicyType::TagPolicy)).await
        )
    ));
    out.push(format!(
        "{:?}",
        aws_support::code(
            b.list_effective_policy_validation_errors(errors(&acct, PolicyType::ServiceControlPolicy)).await
        )
    ));
    out.push(format!(
        "{:?}",
        aws_support::code(
            b.list_accounts_with_invalid_effective_policy(invalid(PolicyType::ServiceControlPolicy)).await
        )
    ));
    out.push(format!(
        "{:?}",
        aws_support::code(
            b.list_accounts_with_invalid_effective_policy(invalid(PolicyType::BackupPolicy)).await
        )
    ));

    // A closed account is SUSPENDED by its Status but CLOSED by its State: the State is the
    // server's, not derived from the Status.
    b.close_account(CloseAccountRequest { account_id: acct.clone() }).await.expect("close account");
    let a = b.describe_account(DescribeAccountRequest { account_id: acct.clone() }).await;
    let a = a.expect("describe closed account").account;
    out.push(format!("closed {:?} {:?}", a.status, a.state));
    out
}

/// The effective-policy validation operations and the account's `State`, `Paths` and the
/// OU's `Path` come through the SDK from `orgtui serve` as the engine answers them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_operations_and_paths_answer_like_the_engine() {
    let server = servers::start_serve(&[]);
    let b = servers::backend(&server.url, "AKIDTEST").await;
    let live = validation_answers(&b).await;
    let engine = validation_answers(&aws_support::engine_backend()).await;
    assert_eq!(live, engine);
    assert_eq!(live[0], r#"account Active Active ["ORG/ROOT/OU/ACCT/"]"#);
    assert_eq!(live[1], r#"ou path Some("ORG/ROOT/OU/")"#);
    assert_eq!(live[2], r#"("EffectivePolicyNotFoundException", None)"#);
    assert_eq!(
        live[4],
        r#"errors Some("ACCT") Some(TagPolicy) Some("ORG/ROOT/OU/ACCT/") [] None evaluated:true"#
    );
    assert_eq!(live[5], "invalid [] Some(TagPolicy) None");
    assert_eq!(live[6], r#"("AccountNotFoundException", None)"#);
    assert_eq!(live[7], r#"("InvalidInputException", Some("INVALID_ENUM_POLICY_TYPE"))"#);
    assert_eq!(live[10], "closed Suspended Closed");
}

/// A one-shot HTTP server answering every request with `status` and `body` (or never, when
/// `body` is None); returns its URL.
fn fake_server(status: u16, body: Option<&'static str>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = [0u8; 65536];
                let _ = s.set_read_timeout(Some(Duration::from_millis(500)));
                let _ = s.read(&mut buf);
                match body {
                    Some(body) => {
                        let _ = write!(
                            s,
                            "HTTP/1.1 {status} X\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        );
                    }
                    None => std::thread::sleep(Duration::from_secs(10)),
                }
            });
        }
    });
    url
}

async fn fake_backend(url: &str, timeout: Duration) -> AwsBackend {
    let opts = AwsOptions {
        endpoint_url: Some(url.to_string()),
        region: Some("us-east-1".into()),
        max_attempts: 1,
        operation_timeout: timeout,
        static_credentials: Some(("AKIDTEST".into(), "test-secret".into())),
        ..AwsOptions::default()
    };
    AwsBackend::connect(&opts).await.expect("connect")
}

#[tokio::test]
async fn unknown_codes_and_reasons_are_kept_verbatim() {
    let url = fake_server(
        400,
        Some(
            r#"{"__type":"com.amazonaws.organizations#BrandNewException","Message":"something new","Reason":"NEW_REASON"}"#,
        ),
    );
    let b = fake_backend(&url, Duration::from_secs(10)).await;
    let e = b.list_roots(ListRootsRequest::default()).await.expect_err("an error");
    assert_eq!(e.code, ErrorCode::Unknown);
    assert_eq!(e.code_str(), "BrandNewException");
    assert_eq!(e.reason.as_deref(), Some("NEW_REASON"));
    assert_eq!(e.message, "something new");

    let url = fake_server(
        400,
        Some(
            r#"{"__type":"ConstraintViolationException","Message":"m","Reason":"OU_NUMBER_LIMIT_EXCEEDED"}"#,
        ),
    );
    let b = fake_backend(&url, Duration::from_secs(10)).await;
    let e = b
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: "r-ab12".into(),
            name: "x".into(),
            tags: None,
        })
        .await
        .expect_err("an error");
    assert!(e.is(ErrorCode::ConstraintViolationException, Some("OU_NUMBER_LIMIT_EXCEEDED")), "{e}");
}

#[tokio::test]
async fn a_call_that_never_answers_times_out_clearly() {
    let url = fake_server(200, None);
    let b = fake_backend(&url, Duration::from_millis(700)).await;
    let started = std::time::Instant::now();
    let e = b.describe_organization(DescribeOrganizationRequest {}).await.expect_err("a timeout");
    assert_eq!(e.code_str(), "RequestTimeout", "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn an_unreachable_endpoint_is_a_clear_error() {
    let port = servers::free_port();
    let b = fake_backend(&format!("http://127.0.0.1:{port}"), Duration::from_secs(5)).await;
    let e = b.describe_organization(DescribeOrganizationRequest {}).await.expect_err("no server");
    assert_eq!(e.code_str(), "NetworkError", "{e}");
    let text = e.to_string();
    assert!(text.contains("Could not connect to the endpoint: the connection was refused"), "{text}");
    assert!(text.contains("--endpoint-url"), "says what to check: {text}");
    assert!(!text.contains("ConnectorError {") && !text.contains("kind: Io"), "no Debug dump: {text}");
}

/// The whole-org load makes one call per listing page and nothing else per entity beyond
/// its tags: counted by operation on a server with 26 accounts and 23 OUs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_load_makes_the_fewest_calls() {
    let server = servers::start_serve(&[]);
    let b = servers::backend(&server.url, "AKIDTEST").await;
    let built = aws_support::run(&b, Target::Serve).await;
    let stats = b.stats();
    stats.reset();
    let progress = std::sync::Mutex::new(Vec::new());
    let snap = b
        .load_snapshot_with_progress(&|p| progress.lock().unwrap_or_else(|e| e.into_inner()).push(p))
        .await
        .expect("load");
    let by_op = stats.by_operation();
    let parents = 1 + snap.organizational_units.len() as u64;
    // Every parent's OUs and accounts fit in one page of 20 except the root's OUs (more than 20).
    assert_eq!(by_op.get("ListOrganizationalUnitsForParent"), Some(&(parents + 1)), "{by_op:?}");
    assert_eq!(by_op.get("ListAccountsForParent"), Some(&parents), "{by_op:?}");
    let tagged = 1 + snap.organizational_units.len() + snap.accounts.len();
    let policy_tags = snap.policies.iter().filter(|p| !p.summary.aws_managed).count();
    assert_eq!(by_op.get("ListTagsForResource").copied(), Some((tagged + policy_tags) as u64), "{by_op:?}");
    assert_eq!(stats.attempts(), stats.calls(), "one HTTP request per call (no retries needed)");
    assert!(!built.ous.is_empty());
    let progress = progress.into_inner().unwrap_or_default();
    assert!(
        progress.iter().any(|p| p.stage == "tree") && progress.iter().any(|p| p.stage == "tags"),
        "{progress:?}"
    );
}

#[tokio::test]
async fn a_server_repeating_its_next_token_does_not_loop_forever() {
    // moto's ListCreateAccountStatus answers every page with the same token.
    let url = fake_server(200, Some(r#"{"CreateAccountStatuses":[],"NextToken":"20"}"#));
    let b = fake_backend(&url, Duration::from_secs(10)).await;
    let all = orgtui::backend::walk::all_pages(|next_token| {
        let b = &b;
        async move {
            let r = b.list_create_account_status(ListCreateAccountStatusRequest {
                states: None,
                next_token,
                max_results: None,
            });
            let r = r.await?;
            Ok((r.create_account_statuses, r.next_token))
        }
    })
    .await;
    let e = all.expect_err("the repeated token is refused");
    assert_eq!(e.code_str(), "InvalidResponse", "{e}");
    assert!(b.stats().calls() <= 2, "{}", b.stats().calls());
}
