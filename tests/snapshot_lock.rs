//! Nothing saved is ever lost: the `--org` file is locked by its one writer, a file changed on
//! disk is never overwritten, a change that cannot be saved is undone, and temporary files of
//! killed writers are cleaned up. Process tests spawn the real binary.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn orgtui() -> Command {
    Command::new(env!("CARGO_BIN_EXE_orgtui"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Writes the bundled sample organization to `dir/name`.
fn sample_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let out = orgtui().args(["snapshot", "-o", path.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    path
}

/// A running `orgtui serve --org FILE`, stopped (SIGTERM, then kill) when dropped.
struct Serve {
    child: Child,
    addr: String,
    /// Kept open: the server prints a last line when it stops.
    _out: BufReader<std::process::ChildStdout>,
}

impl Serve {
    fn start(file: &Path) -> Serve {
        let mut child = orgtui()
            .args(["--org", file.to_str().unwrap(), "serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut addr = None;
        let mut line = String::new();
        loop {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                let mut err = String::new();
                let _ = child.stderr.take().unwrap().read_to_string(&mut err);
                panic!("serve exited before it was ready: {err}");
            }
            if let Some(a) = line.trim().strip_prefix("orgtui serve: endpoint http://") {
                addr = Some(a.to_string());
            }
            if line.contains("ready") {
                break;
            }
        }
        Serve { child, addr: addr.expect("an endpoint line"), _out: out }
    }

    /// One request: HTTP status and body.
    fn call(&self, op: &str, body: &str) -> (u16, String) {
        let mut s = std::net::TcpStream::connect(&self.addr).unwrap();
        write!(
            s,
            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSOrganizationsV20161128.{op}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut resp = String::new();
        s.read_to_string(&mut resp).unwrap();
        let status = resp.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
        let body = resp.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        (status, body)
    }

    fn root(&self) -> String {
        let (status, body) = self.call("ListRoots", "{}");
        assert_eq!(status, 200, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v["Roots"][0]["Id"].as_str().unwrap().to_string()
    }

    fn create_ou(&self, root: &str, name: &str) -> (u16, String) {
        self.call("CreateOrganizationalUnit", &format!(r#"{{"ParentId":"{root}","Name":"{name}"}}"#))
    }

    fn ou_names(&self, root: &str) -> String {
        let (status, body) = self
            .call("ListOrganizationalUnitsForParent", &format!(r#"{{"ParentId":"{root}","MaxResults":20}}"#));
        assert_eq!(status, 200, "{body}");
        body
    }

    fn stop(mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let exit = self.child.wait().unwrap();
        assert!(exit.success(), "{exit:?}");
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
#[test]
fn a_second_serve_on_the_same_file_is_refused_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path(), "org.json");
    let first = Serve::start(&file);
    let out = orgtui().args(["--org", file.to_str().unwrap(), "serve", "--port", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("in use by pid") && err.contains(&first.child.id().to_string()), "{err}");
    assert!(err.contains("serve"), "the holder's command is named: {err}");
    // Every acknowledged write of the holder is in the file.
    let root = first.root();
    for i in 0..10 {
        let (status, body) = first.create_ou(&root, &format!("Team{i}"));
        assert_eq!(status, 200, "{body}");
    }
    first.stop();
    let saved = std::fs::read_to_string(&file).unwrap();
    for i in 0..10 {
        assert!(saved.contains(&format!("\"Team{i}\"")), "Team{i} lost");
    }
    // Once the holder is gone, the file can be served again.
    let again = Serve::start(&file);
    again.root();
    again.stop();
}

#[cfg(unix)]
#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path(), "org.json");
    let serve = Serve::start(&file);
    let root = serve.root();
    assert_eq!(serve.create_ou(&root, "BeforeEdit").0, 200);
    // Someone else writes the file (read-only commands take no lock).
    let edited = std::fs::read_to_string(&file).unwrap().replace("\"BeforeEdit\"", "\"EditedOnDisk\"");
    std::fs::write(&file, &edited).unwrap();
    let (status, body) = serve.create_ou(&root, "Lost");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("ServiceException") && body.contains("changed on disk"), "{body}");
    assert!(body.contains("reload") && body.contains("org.json"), "{body}");
    assert!(body.contains("not made"), "{body}");
    // The refused change is not in memory either, and the other writer's file is intact.
    assert!(!serve.ou_names(&root).contains("\"Lost\""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    serve.stop();
}

#[cfg(unix)]
#[test]
fn a_change_that_cannot_be_saved_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let file = sample_file(&sub, "org.json");
    let serve = Serve::start(&file);
    let root = serve.root();
    std::fs::remove_dir_all(&sub).unwrap();
    let (status, body) = serve.create_ou(&root, "Unsaved");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("ServiceException"), "{body}");
    assert!(body.contains("was not made because it could not be saved"), "{body}");
    assert!(body.contains("org.json"), "the error names the file: {body}");
    assert!(!serve.ou_names(&root).contains("\"Unsaved\""), "the change is undone in memory");
    // With the directory back, a retry is a fresh change (not "already exists") and is saved.
    std::fs::create_dir(&sub).unwrap();
    let (status, body) = serve.create_ou(&root, "Unsaved");
    assert_eq!(status, 200, "{body}");
    serve.stop();
    assert!(std::fs::read_to_string(&file).unwrap().contains("\"Unsaved\""));
}

#[cfg(unix)]
#[test]
fn stale_temporary_files_are_removed_when_the_file_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path(), "org.json");
    // A writer killed with -9 mid-save leaves `.org.json.tmp-PID` behind.
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let stale = dir.path().join(format!(".org.json.tmp-{dead}"));
    let live = dir.path().join(format!(".org.json.tmp-{}", std::process::id()));
    let other = dir.path().join(format!(".other.json.tmp-{dead}"));
    for f in [&stale, &live, &other] {
        std::fs::write(f, vec![b'x'; 4096]).unwrap();
    }
    let serve = Serve::start(&file);
    assert!(!stale.exists(), "the dead writer's temporary file is removed");
    assert!(live.exists(), "a running writer's temporary file is kept");
    assert!(other.exists(), "another file's temporary files are not touched");
    serve.root();
    serve.stop();
}

#[test]
fn emulator_settings_out_of_bounds_are_refused_on_load() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path(), "org.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    v["emulator"]["invitationExpiryDays"] = serde_json::json!(3_000_000);
    std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    let out = orgtui().args(["--org", file.to_str().unwrap(), "export"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("$.emulator.invitationExpiryDays") && err.contains("out of range"), "{err}");
    // A delay given on the command line is held to the same bounds.
    let out = orgtui()
        .args(["serve", "--port", "0", "--create-account-delay-ms", "99999999999999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("createAccountMs"), "{}", text(&out.stderr));
}

mod in_process {
    use orgtui::backend::OrgBackend;
    use orgtui::backend::memory::MemoryBackend;
    use orgtui::model::*;
    use orgtui::snapshot::file::{Access, OrgFile};

    fn sample_file(dir: &std::path::Path) -> std::path::PathBuf {
        let path = dir.join("org.json");
        let org = orgtui::snapshot::sample().unwrap();
        let text = orgtui::snapshot::to_json(&org.state, &org.extras, Timestamp::from_secs(1_700_000_000));
        orgtui::snapshot::save_atomic(&path, &text).unwrap();
        path
    }

    async fn create_ou(b: &MemoryBackend, name: &str) -> OrgResult<CreateOrganizationalUnitResponse> {
        let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
        b.create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: root,
            name: name.into(),
            tags: None,
        })
        .await
    }

    #[tokio::test]
    async fn the_console_opens_read_only_when_another_process_holds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_file(dir.path());
        let (_holder, _) = OrgFile::open(&path, Access::Exclusive).unwrap();
        let (b, _) = MemoryBackend::open_file(&path).unwrap();
        let reason = b.read_only_reason().expect("read-only");
        assert!(reason.contains("in use by pid") && reason.contains("read-only"), "{reason}");
        let before = std::fs::read_to_string(&path).unwrap();
        let err = create_ou(&b, "Nope").await.unwrap_err();
        assert!(err.message.contains("not made"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        // And `serve` (exclusive) refuses outright.
        assert!(OrgFile::open(&path, Access::Exclusive).is_err());
    }

    #[tokio::test]
    async fn reloading_the_organization_reads_a_file_changed_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_file(dir.path());
        let (b, _) = MemoryBackend::open_file(&path).unwrap();
        assert!(b.read_only_reason().is_none());
        create_ou(&b, "Mine").await.unwrap();
        // Another program changes the file: our next write is refused and undone…
        let edited = std::fs::read_to_string(&path).unwrap().replace("\"Mine\"", "\"Theirs\"");
        std::fs::write(&path, &edited).unwrap();
        let err = create_ou(&b, "Second").await.unwrap_err();
        assert!(err.message.contains("changed on disk") && err.message.contains("reload"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
        // …and loading the organization again (`r`) reads the file from disk.
        let snap = b.load_snapshot().await.unwrap();
        let names: Vec<_> = snap.organizational_units.iter().map(|o| o.name.clone()).collect();
        assert!(names.iter().any(|n| n == "Theirs") && !names.iter().any(|n| n == "Second"), "{names:?}");
        // After the reload, writes are saved again.
        create_ou(&b, "Second").await.unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().contains("\"Second\""));
    }

    #[test]
    fn touching_the_file_without_changing_it_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_file(dir.path());
        let (f, loaded) = OrgFile::open(&path, Access::Exclusive).unwrap();
        let same = std::fs::read(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, &same).unwrap();
        assert!(!f.changed_on_disk());
        f.save(&loaded.state, Timestamp::from_secs(1_700_000_100)).unwrap();
    }
}
