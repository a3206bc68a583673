//! The command line on the live backend: a missing or expired credential explained on one
//! screen with exit code 2, and `snapshot`/`export` through `--endpoint-url` against
//! `orgtui serve`, the snapshot opening offline like any file.

mod aws_support;

use std::process::{Command, Output};

/// `orgtui` with no ambient AWS configuration: an empty home, no metadata service.
fn orgtui(home: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_orgtui"));
    c.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.join("aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("aws-credentials"));
    c
}

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn missing_credentials_are_explained_with_exit_code_2() {
    let home = tempfile::tempdir().unwrap();
    let out = orgtui(home.path()).args(["export", "--aws", "--profile", "nosuch"]).output().unwrap();
    let (_, err) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no usable AWS credentials"), "{err}");
    assert!(err.contains("aws sso login --profile nosuch"), "{err}");
    assert!(err.contains("environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (not set)"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
    assert!(err.lines().count() <= 24, "one screen: {err}");
}

#[test]
fn an_sso_profile_without_a_login_names_the_login_command() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("aws-config"),
        "[profile corp]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-east-1\n\
         [sso-session corp]\nsso_start_url = https://example.invalid/start\nsso_region = us-east-1\n",
    )
    .unwrap();
    let out = orgtui(home.path()).args(["snapshot", "--profile", "corp", "-o", "x.json"]).output().unwrap();
    let (_, err) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("aws sso login --profile corp"), "{err}");
    assert!(err.contains("profile \"corp\" (--profile)"), "{err}");
    assert!(!home.path().join("x.json").exists());
}

#[test]
fn snapshot_and_export_through_the_endpoint() {
    let server = aws_support::servers::start_serve(&[]);
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        orgtui(home.path())
            .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
            .env("AWS_SECRET_ACCESS_KEY", "test-secret")
            .args(args)
            .output()
            .unwrap()
    };
    // The start snapshot has no organization yet: create one with a few OUs through the API.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use orgtui::backend::OrgBackend;
        use orgtui::model::*;
        let b = aws_support::servers::backend(&server.url, "AKIDTEST").await;
        b.create_organization(CreateOrganizationRequest { feature_set: None }).await.unwrap();
        let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
        for n in ["Security", "Workloads"] {
            b.create_organizational_unit(CreateOrganizationalUnitRequest {
                parent_id: root.clone(),
                name: n.into(),
                tags: Some(vec![Tag::new("team", n)]),
            })
            .await
            .unwrap();
        }
    });
    let file = home.path().join("live.json");
    let out = run(&["snapshot", "--endpoint-url", &server.url, "-o", file.to_str().unwrap()]);
    let (_, err) = text(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("LIVE default/us-east-1"), "{err}");
    let live = run(&["export", "--endpoint-url", &server.url, "--format", "tree"]);
    let offline = run(&["export", "--org", file.to_str().unwrap(), "--format", "tree"]);
    assert!(live.status.success() && offline.status.success(), "{:?} {:?}", text(&live), text(&offline));
    let (live_tree, _) = text(&live);
    assert_eq!(live_tree, text(&offline).0);
    assert!(live_tree.contains("Security") && live_tree.contains("Workloads"), "{live_tree}");
    // --org and --aws are one source or the other.
    let both = run(&["export", "--aws", "--org", file.to_str().unwrap()]);
    assert_eq!(both.status.code(), Some(2));
}
