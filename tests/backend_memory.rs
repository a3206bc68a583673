//! The memory backend: the engine behind the async `OrgBackend` trait.

mod common;
use common::*;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::{BackendKind, OrgBackend};
use orgtui::model::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn backend() -> MemoryBackend {
    let (e, _c) = org();
    MemoryBackend::new(e, BackendKind::Sample)
}

#[tokio::test]
async fn operations_go_through_the_trait() {
    let b: Arc<dyn OrgBackend> = Arc::new(backend());
    let roots = b.list_roots(ListRootsRequest::default()).await.unwrap().roots;
    let ou = b
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: roots[0].id.to_string(),
            name: "Workloads".into(),
            tags: None,
        })
        .await
        .unwrap()
        .organizational_unit;
    assert_eq!(ou.name, "Workloads");
    assert_eq!(b.kind(), BackendKind::Sample);
}

#[tokio::test]
async fn errors_keep_code_and_reason() {
    let b = backend();
    let err = b
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: "not-an-id".into(),
            name: "X".into(),
            tags: None,
        })
        .await
        .unwrap_err();
    assert!(err.is(ErrorCode::InvalidInputException, Some("INVALID_PATTERN")), "{err}");
}

#[tokio::test]
async fn act_as_changes_the_caller() {
    let b = backend();
    assert_eq!(b.acting_as().unwrap().as_str(), MGMT);
    let stranger = AccountId::parse("999999999999").unwrap();
    b.act_as(Caller::Account(stranger.clone())).unwrap();
    assert_eq!(b.acting_as(), Some(stranger));
    let err = b.list_roots(ListRootsRequest::default()).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::AwsOrganizationsNotInUseException);
    b.act_as(Caller::Management).unwrap();
    b.list_roots(ListRootsRequest::default()).await.unwrap();
}

#[tokio::test]
async fn write_through_hook_runs_after_writes_only() {
    let writes = Arc::new(AtomicUsize::new(0));
    let seen = writes.clone();
    let b = backend().with_after_change(Box::new(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }));
    let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
    assert_eq!(writes.load(Ordering::SeqCst), 0);
    b.create_organizational_unit(CreateOrganizationalUnitRequest {
        parent_id: root,
        name: "A".into(),
        tags: None,
    })
    .await
    .unwrap();
    assert_eq!(writes.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_failing_save_is_reported() {
    let b = backend().with_after_change(Box::new(|_| Err("disk full".into())));
    let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
    let err = b
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: root,
            name: "A".into(),
            tags: None,
        })
        .await
        .unwrap_err();
    assert!(err.message.contains("disk full"), "{err}");
}

#[tokio::test]
async fn a_change_that_cannot_be_saved_is_undone() {
    let fail = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let failing = fail.clone();
    let b = backend().with_after_change(Box::new(move |_| {
        if failing.load(Ordering::SeqCst) { Err("disk full".into()) } else { Ok(()) }
    }));
    let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
    let create = || CreateOrganizationalUnitRequest { parent_id: root.clone(), name: "A".into(), tags: None };
    let err = b.create_organizational_unit(create()).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ServiceException);
    assert!(err.message.contains("was not made because it could not be saved"), "{err}");
    let listed = b
        .list_organizational_units_for_parent(ListOrganizationalUnitsForParentRequest {
            parent_id: root.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(listed.organizational_units.is_empty(), "the unsaved OU is not in memory");
    // Once saving works again, the same change is made (not "already exists").
    fail.store(false, Ordering::SeqCst);
    b.create_organizational_unit(create()).await.unwrap();
}
