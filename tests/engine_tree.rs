//! OUs and tree navigation (reference §5.3), organization deletion (§5.1).

mod common;
use common::*;
use orgtui::model::*;

const M: &Caller = &Caller::Management;

fn children(e: &mut orgtui::engine::Engine, parent: &str, t: ChildType) -> Vec<String> {
    e.list_children(M, ListChildrenRequest { parent_id: parent.into(), child_type: t, ..Default::default() })
        .unwrap()
        .children
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn describe_ou_and_unknown_ou() {
    let (mut e, _) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "Security");
    let d = e
        .describe_organizational_unit(
            M,
            DescribeOrganizationalUnitRequest { organizational_unit_id: a.clone() },
        )
        .unwrap()
        .organizational_unit;
    assert_eq!(d.name, "Security");
    assert!(d.arn.ends_with(&a));
    assert_err(
        e.describe_organizational_unit(
            M,
            DescribeOrganizationalUnitRequest { organizational_unit_id: "ou-abcd-12345678".into() },
        ),
        ErrorCode::OrganizationalUnitNotFoundException,
        None,
    );
    assert_err(
        e.describe_organizational_unit(
            M,
            DescribeOrganizationalUnitRequest { organizational_unit_id: "nope".into() },
        ),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
}

#[test]
fn rename_ou_keeps_id_and_checks_siblings() {
    let (mut e, _) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "A");
    let b = ou(&mut e, &r, "B");
    let child = ou(&mut e, &a, "B");
    let up = |e: &mut orgtui::engine::Engine, id: &str, name: Option<&str>| {
        e.update_organizational_unit(
            M,
            UpdateOrganizationalUnitRequest { organizational_unit_id: id.into(), name: name.map(Into::into) },
        )
    };
    assert_err(up(&mut e, &a, Some("B")), ErrorCode::DuplicateOrganizationalUnitException, None);
    // Same name under a different parent is fine; renaming to its own name is, as on AWS, the
    // duplicate error (the OU itself holds the name).
    let renamed = up(&mut e, &child, Some("A")).unwrap().organizational_unit;
    assert_eq!((renamed.id.as_str(), renamed.name.as_str()), (child.as_str(), "A"));
    assert_err(up(&mut e, &b, Some("B")), ErrorCode::DuplicateOrganizationalUnitException, None);
    assert_eq!(up(&mut e, &b, None).unwrap().organizational_unit.name, "B");
    assert_err(
        up(&mut e, "ou-zzzz-zzzzzzzz", Some("X")),
        ErrorCode::OrganizationalUnitNotFoundException,
        None,
    );
    assert_err(up(&mut e, &b, Some("")), ErrorCode::InvalidInputException, Some("INPUT_REQUIRED"));
}

#[test]
fn delete_ou_must_be_empty() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "A");
    let b = ou(&mut e, &a, "B");
    let del = |e: &mut orgtui::engine::Engine, id: &str| {
        e.delete_organizational_unit(M, DeleteOrganizationalUnitRequest { organizational_unit_id: id.into() })
    };
    assert_err(del(&mut e, &a), ErrorCode::OrganizationalUnitNotEmptyException, None);
    let acc = account(&mut e, &clock, "Dev");
    e.move_account(
        M,
        MoveAccountRequest {
            account_id: acc.clone(),
            source_parent_id: r.clone(),
            destination_parent_id: b.clone(),
        },
    )
    .unwrap();
    assert_err(del(&mut e, &b), ErrorCode::OrganizationalUnitNotEmptyException, None);
    e.move_account(
        M,
        MoveAccountRequest { account_id: acc, source_parent_id: b.clone(), destination_parent_id: r.clone() },
    )
    .unwrap();
    del(&mut e, &b).unwrap();
    del(&mut e, &a).unwrap();
    assert!(children(&mut e, &r, ChildType::OrganizationalUnit).is_empty());
    assert!(!e.state().org.as_ref().unwrap().attachments.contains_key(&a), "attachments go with the OU");
    assert_err(del(&mut e, &a), ErrorCode::OrganizationalUnitNotFoundException, None);
}

#[test]
fn list_children_and_ous_for_parent_are_direct_only() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "A");
    let _deep = ou(&mut e, &a, "Deep");
    let acc = account(&mut e, &clock, "Dev");
    let ous = children(&mut e, &r, ChildType::OrganizationalUnit);
    assert_eq!(ous, vec![a.clone()]);
    let accs = children(&mut e, &r, ChildType::Account);
    assert!(accs.contains(&acc) && accs.contains(&MGMT.to_string()));
    let listed = e
        .list_organizational_units_for_parent(
            M,
            ListOrganizationalUnitsForParentRequest { parent_id: r.clone(), ..Default::default() },
        )
        .unwrap()
        .organizational_units;
    assert_eq!(listed.len(), 1);
    assert_err(
        e.list_children(
            M,
            ListChildrenRequest {
                parent_id: "ou-abcd-abcdefgh".into(),
                child_type: ChildType::Account,
                ..Default::default()
            },
        ),
        ErrorCode::ParentNotFoundException,
        None,
    );
    assert_err(
        e.list_organizational_units_for_parent(
            M,
            ListOrganizationalUnitsForParentRequest { parent_id: "r-zzzz".into(), ..Default::default() },
        ),
        ErrorCode::ParentNotFoundException,
        None,
    );
}

#[test]
fn list_parents_has_exactly_one() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "A");
    let b = ou(&mut e, &a, "B");
    let acc = account(&mut e, &clock, "Dev");
    let parents = |e: &mut orgtui::engine::Engine, id: &str| {
        e.list_parents(M, ListParentsRequest { child_id: id.into(), ..Default::default() }).map(|r| r.parents)
    };
    let p = parents(&mut e, &b).unwrap();
    assert_eq!((p.len(), p[0].id.as_str(), p[0].r#type), (1, a.as_str(), ParentType::OrganizationalUnit));
    let p = parents(&mut e, &acc).unwrap();
    assert_eq!((p[0].id.as_str(), p[0].r#type), (r.as_str(), ParentType::Root));
    assert_err(parents(&mut e, "999999999999"), ErrorCode::ChildNotFoundException, None);
    assert_err(parents(&mut e, "ou-abcd-abcdefgh"), ErrorCode::ChildNotFoundException, None);
    assert_err(parents(&mut e, "xyz"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
}

#[test]
fn listing_pages_through_many_ous() {
    let (mut e, _) = org();
    let r = root(&mut e);
    for i in 0..45 {
        ou(&mut e, &r, &format!("OU {i:02}"));
    }
    let mut seen = Vec::new();
    let mut token = None;
    loop {
        let page = e
            .list_organizational_units_for_parent(
                M,
                ListOrganizationalUnitsForParentRequest {
                    parent_id: r.clone(),
                    next_token: token.clone(),
                    max_results: Some(7),
                },
            )
            .unwrap();
        assert!(page.organizational_units.len() <= 7);
        seen.extend(page.organizational_units.into_iter().map(|o| o.id));
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 45);
}

#[test]
fn delete_organization_needs_no_members_then_allows_a_new_one() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    ou(&mut e, &r, "Left behind");
    let acc = account(&mut e, &clock, "Dev");
    assert_err(
        e.delete_organization(M, DeleteOrganizationRequest {}),
        ErrorCode::OrganizationNotEmptyException,
        None,
    );
    clock.advance_days(5);
    e.remove_account_from_organization(M, RemoveAccountFromOrganizationRequest { account_id: acc }).unwrap();
    // OUs do not block deletion (reference §15.8).
    e.delete_organization(M, DeleteOrganizationRequest {}).unwrap();
    assert_err(
        e.describe_organization(M, DescribeOrganizationRequest {}),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
    let again = e.create_organization(M, CreateOrganizationRequest::default()).unwrap().organization;
    assert_eq!(again.master_account_id.as_str(), MGMT);
}

#[test]
fn members_cannot_read_the_tree() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let acc = account(&mut e, &clock, "Dev");
    let member = Caller::Account(AccountId::parse(&acc).unwrap());
    assert_err(
        e.list_children(
            &member,
            ListChildrenRequest { parent_id: r, child_type: ChildType::Account, ..Default::default() },
        ),
        ErrorCode::AccessDeniedException,
        None,
    );
    assert_err(
        e.delete_organization(&member, DeleteOrganizationRequest {}),
        ErrorCode::AccessDeniedException,
        None,
    );
}
