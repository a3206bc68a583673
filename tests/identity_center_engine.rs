//! Identity Center in the engine: the instance and who may manage it, the identity store,
//! permission sets and their policies, asynchronous assignments and provisioning (completed
//! on the engine's clock), provisioning status, validation and errors as the service gives
//! them (`docs/reference/identity-center.md`).

mod common;
use common::*;
use orgtui::engine::Engine;
use orgtui::engine::identity_center::DEFAULT_OPERATION_MS;
use orgtui::model::identity_center::identitystore::*;
use orgtui::model::identity_center::ssoadmin::*;
use orgtui::model::identity_center::{IcErrorCode, IcResult};
use orgtui::model::*;

const M: Caller = Caller::Management;

struct Fx {
    e: Engine,
    c: orgtui::engine::ManualClock,
    ins: String,
    store: String,
    dev: String,
}

fn fx() -> Fx {
    let (mut e, c) = org();
    let dev = account(&mut e, &c, "dev");
    let ins = e.enable_identity_center(&M, "eu-west-1").unwrap();
    let store = e.identity_center().instance.as_ref().unwrap().identity_store_id.clone();
    Fx { e, c, ins, store, dev }
}

#[track_caller]
fn code<T: std::fmt::Debug>(r: IcResult<T>, c: IcErrorCode) -> String {
    match r {
        Ok(v) => panic!("expected {}, got Ok({v:?})", c.as_str()),
        Err(e) => {
            assert_eq!(e.code, c, "{e}");
            e.message
        }
    }
}

impl Fx {
    fn ps(&mut self, name: &str) -> String {
        self.e
            .sso_create_permission_set(
                &M,
                CreatePermissionSetRequest {
                    instance_arn: Some(self.ins.clone()),
                    name: Some(name.into()),
                    ..Default::default()
                },
            )
            .unwrap()
            .permission_set
            .permission_set_arn
    }
    fn psref(&self, ps: &str) -> PermissionSetRef {
        PermissionSetRef { instance_arn: Some(self.ins.clone()), permission_set_arn: Some(ps.into()) }
    }
    fn user(&mut self, name: &str) -> String {
        self.e
            .ids_create_user(
                &M,
                CreateUserRequest {
                    identity_store_id: Some(self.store.clone()),
                    user_name: Some(name.into()),
                    display_name: Some(name.into()),
                    name: Some(Name {
                        given_name: Some("G".into()),
                        family_name: Some("F".into()),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            )
            .unwrap()
            .user_id
    }
    fn group(&mut self, name: &str) -> String {
        self.e
            .ids_create_group(
                &M,
                CreateGroupRequest {
                    identity_store_id: Some(self.store.clone()),
                    display_name: Some(name.into()),
                    description: None,
                },
            )
            .unwrap()
            .group_id
    }
    fn assign_req(&self, ps: &str, account: &str, ptype: &str, pid: &str) -> AccountAssignmentRequest {
        AccountAssignmentRequest {
            instance_arn: Some(self.ins.clone()),
            target_id: Some(account.into()),
            target_type: Some("AWS_ACCOUNT".into()),
            permission_set_arn: Some(ps.into()),
            principal_type: Some(ptype.into()),
            principal_id: Some(pid.into()),
        }
    }
    fn assign(
        &mut self,
        ps: &str,
        account: &str,
        ptype: &str,
        pid: &str,
    ) -> AccountAssignmentOperationStatus {
        let r = self.assign_req(ps, account, ptype, pid);
        let st = self.e.sso_create_account_assignment(&M, r).unwrap().account_assignment_creation_status;
        assert_eq!(st.status, "IN_PROGRESS");
        self.c.advance_ms(DEFAULT_OPERATION_MS);
        self.e
            .sso_describe_assignment_creation(
                &M,
                DescribeCreationStatusRequest {
                    instance_arn: Some(self.ins.clone()),
                    account_assignment_creation_request_id: Some(st.request_id),
                },
            )
            .unwrap()
            .account_assignment_creation_status
    }
    fn provisioned(&mut self, ps: &str, status: Option<&str>) -> Vec<String> {
        self.e
            .sso_list_accounts_for_provisioned(
                &M,
                ListAccountsForProvisionedRequest {
                    ps: self.psref(ps),
                    provisioning_status: status.map(str::to_string),
                    paging: Paging::default(),
                },
            )
            .unwrap()
            .account_ids
    }
}

#[test]
fn enabling_makes_one_organization_instance_owned_by_the_management_account() {
    let mut f = fx();
    assert!(f.ins.starts_with("arn:aws:sso:::instance/ssoins-") && f.ins.len() == 46, "{}", f.ins);
    assert!(f.store.starts_with("d-") && f.store.len() == 12);
    let list = f.e.sso_list_instances(&M, ListInstancesRequest::default()).unwrap();
    assert_eq!(list.instances.len(), 1);
    assert_eq!(list.instances[0].owner_account_id, MGMT);
    assert_eq!(list.instances[0].status, "ACTIVE");
    code(f.e.enable_identity_center(&M, "us-east-1"), IcErrorCode::Conflict);
    let member = Caller::Account(AccountId::parse(&f.dev).unwrap());
    code(f.e.enable_identity_center(&member, "us-east-1"), IcErrorCode::AccessDenied);
}

#[test]
fn a_member_that_is_not_the_delegated_administrator_is_denied_and_sees_no_instance() {
    let mut f = fx();
    let member = Caller::Account(AccountId::parse(&f.dev).unwrap());
    assert!(f.e.sso_list_instances(&member, ListInstancesRequest::default()).unwrap().instances.is_empty());
    let r = ListPermissionSetsRequest { instance_arn: Some(f.ins.clone()), ..Default::default() };
    code(f.e.sso_list_permission_sets(&member, r), IcErrorCode::AccessDenied);
    let r = ListUsersRequest { identity_store_id: Some(f.store.clone()), ..Default::default() };
    code(f.e.ids_list_users(&member, r), IcErrorCode::AccessDenied);
}

#[test]
fn the_delegated_administrator_manages_all_but_what_touches_the_management_account() {
    let mut f = fx();
    f.e.enable_aws_service_access(
        &M,
        EnableAWSServiceAccessRequest { service_principal: "sso.amazonaws.com".into() },
    )
    .unwrap();
    f.e.register_delegated_administrator(
        &M,
        RegisterDelegatedAdministratorRequest {
            account_id: f.dev.clone(),
            service_principal: "sso.amazonaws.com".into(),
        },
    )
    .unwrap();
    let da = Caller::Account(AccountId::parse(&f.dev).unwrap());
    assert_eq!(f.e.sso_list_instances(&da, ListInstancesRequest::default()).unwrap().instances.len(), 1);
    let ps = f.ps("Admin");
    let g = f.group("Admins");
    f.assign(&ps, MGMT, "GROUP", &g);
    let r =
        UpdatePermissionSetRequest { ps: f.psref(&ps), description: Some("x".into()), ..Default::default() };
    code(f.e.sso_update_permission_set(&da, r), IcErrorCode::AccessDenied);
    let other = f.ps("Other");
    let req = f.assign_req(&other, MGMT, "GROUP", &g);
    code(f.e.sso_create_account_assignment(&da, req), IcErrorCode::AccessDenied);
    let req = f.assign_req(&other, &f.dev, "GROUP", &g);
    f.e.sso_create_account_assignment(&da, req).unwrap();
}

#[test]
fn permission_set_names_are_unique_patterned_and_sessions_last_one_to_twelve_hours() {
    let mut f = fx();
    let ps = f.ps("ReadOnly");
    assert!(ps.starts_with(&f.ins.replace(":instance/", ":permissionSet/")), "{ps}");
    let mk = |name: &str, session: Option<&str>| CreatePermissionSetRequest {
        instance_arn: Some(f.ins.clone()),
        name: Some(name.into()),
        session_duration: session.map(str::to_string),
        ..Default::default()
    };
    let m = code(f.e.sso_create_permission_set(&M, mk("ReadOnly", None)), IcErrorCode::Conflict);
    assert_eq!(m, "PermissionSet with name ReadOnly already exists.");
    code(f.e.sso_create_permission_set(&M, mk("has space", None)), IcErrorCode::Validation);
    code(f.e.sso_create_permission_set(&M, mk(&"x".repeat(33), None)), IcErrorCode::Validation);
    code(f.e.sso_create_permission_set(&M, mk("Short", Some("PT30M"))), IcErrorCode::Validation);
    code(f.e.sso_create_permission_set(&M, mk("Long", Some("PT13H"))), IcErrorCode::Validation);
    code(f.e.sso_create_permission_set(&M, mk("Bad", Some("1 hour"))), IcErrorCode::Validation);
    let ok = f.e.sso_create_permission_set(&M, mk("Twelve", Some("PT12H"))).unwrap().permission_set;
    assert_eq!(ok.session_duration, "PT12H");
    let d = f.e.sso_describe_permission_set(&M, f.psref(&ps)).unwrap().permission_set;
    assert_eq!(d.session_duration, "PT1H", "default");
    let m = code(
        f.e.sso_create_permission_set(&M, CreatePermissionSetRequest::default()),
        IcErrorCode::Validation,
    );
    assert!(m.contains("Value null at 'instanceArn'"), "{m}");
}

#[test]
fn unknown_or_malformed_permission_sets_and_instances_are_told_apart() {
    let mut f = fx();
    let missing = f.ins.replace(":instance/", ":permissionSet/") + "/ps-0000000000000000";
    code(f.e.sso_describe_permission_set(&M, f.psref(&missing)), IcErrorCode::ResourceNotFound);
    code(
        f.e.sso_describe_permission_set(&M, f.psref("arn:aws:sso:::permissionSet/nope")),
        IcErrorCode::Validation,
    );
    let r = PermissionSetRef {
        instance_arn: Some("arn:aws:sso:::instance/ssoins-0000000000000000".into()),
        permission_set_arn: Some(missing),
    };
    code(f.e.sso_describe_permission_set(&M, r), IcErrorCode::ResourceNotFound);
}

#[test]
fn managed_policies_must_exist_attach_once_and_count_against_twenty() {
    let mut f = fx();
    let ps = f.ps("P");
    let attach = |f: &mut Fx, arn: &str| {
        let r = ManagedPolicyRequest { ps: f.psref(&ps), managed_policy_arn: Some(arn.into()) };
        f.e.sso_attach_managed_policy(&M, r)
    };
    attach(&mut f, "arn:aws:iam::aws:policy/AdministratorAccess").unwrap();
    code(attach(&mut f, "arn:aws:iam::aws:policy/AdministratorAccess"), IcErrorCode::Conflict);
    code(attach(&mut f, "arn:aws:iam::aws:policy/NoSuchPolicy"), IcErrorCode::ResourceNotFound);
    code(attach(&mut f, "arn:aws:iam::123456789012:policy/Mine"), IcErrorCode::Validation);
    for i in 0..19 {
        let r = CustomerPolicyRequest {
            ps: f.psref(&ps),
            customer_managed_policy_reference: Some(CustomerManagedPolicyReference {
                name: Some(format!("C{i}")),
                path: None,
            }),
        };
        f.e.sso_attach_customer_policy(&M, r).unwrap();
    }
    let r = CustomerPolicyRequest {
        ps: f.psref(&ps),
        customer_managed_policy_reference: Some(CustomerManagedPolicyReference {
            name: Some("C99".into()),
            path: None,
        }),
    };
    code(f.e.sso_attach_customer_policy(&M, r), IcErrorCode::ServiceQuotaExceeded);
    let list =
        f.e.sso_list_customer_policies(
            &M,
            PagedPermissionSetRequest {
                ps: f.psref(&ps),
                paging: Paging { max_results: Some(5), next_token: None },
            },
        )
        .unwrap();
    assert_eq!(list.customer_managed_policy_references.len(), 5);
    assert_eq!(list.customer_managed_policy_references[0].path.as_deref(), Some("/"), "path defaults to /");
    assert!(list.next_token.is_some());
    let r = ManagedPolicyRequest {
        ps: f.psref(&ps),
        managed_policy_arn: Some("arn:aws:iam::aws:policy/AdministratorAccess".into()),
    };
    f.e.sso_detach_managed_policy(&M, r.clone()).unwrap();
    code(f.e.sso_detach_managed_policy(&M, r), IcErrorCode::ResourceNotFound);
}

#[test]
fn inline_policy_and_boundary_round_trip_with_their_rules() {
    let mut f = fx();
    let ps = f.ps("P");
    let doc = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;
    let put = |f: &mut Fx, d: &str| {
        f.e.sso_put_inline_policy(
            &M,
            PutInlinePolicyRequest { ps: f.psref(&ps), inline_policy: Some(d.into()) },
        )
    };
    put(&mut f, doc).unwrap();
    assert_eq!(f.e.sso_get_inline_policy(&M, f.psref(&ps)).unwrap().inline_policy.as_deref(), Some(doc));
    code(put(&mut f, "not json"), IcErrorCode::Validation);
    code(
        put(&mut f, &format!("{{\"Statement\":\"{}\"}}", "a".repeat(11_000))),
        IcErrorCode::ServiceQuotaExceeded,
    );
    f.e.sso_delete_inline_policy(&M, f.psref(&ps)).unwrap();
    assert_eq!(f.e.sso_get_inline_policy(&M, f.psref(&ps)).unwrap().inline_policy, None);

    code(f.e.sso_get_boundary(&M, f.psref(&ps)), IcErrorCode::ResourceNotFound);
    let both = PermissionsBoundary {
        managed_policy_arn: Some("arn:aws:iam::aws:policy/AdministratorAccess".into()),
        customer_managed_policy_reference: Some(CustomerManagedPolicyReference {
            name: Some("B".into()),
            path: None,
        }),
    };
    let r = PutBoundaryRequest { ps: f.psref(&ps), permissions_boundary: Some(both) };
    code(f.e.sso_put_boundary(&M, r), IcErrorCode::Validation);
    let one = PermissionsBoundary {
        customer_managed_policy_reference: Some(CustomerManagedPolicyReference {
            name: Some("B".into()),
            path: Some("/team/".into()),
        }),
        managed_policy_arn: None,
    };
    f.e.sso_put_boundary(
        &M,
        PutBoundaryRequest { ps: f.psref(&ps), permissions_boundary: Some(one.clone()) },
    )
    .unwrap();
    assert_eq!(f.e.sso_get_boundary(&M, f.psref(&ps)).unwrap().permissions_boundary, one);
}

#[test]
fn assignments_complete_on_the_clock_and_provision_a_role_once() {
    let mut f = fx();
    let ps = f.ps("Admin");
    let u = f.user("alice");
    let g = f.group("Admins");
    let req = f.assign_req(&ps, &f.dev, "USER", &u);
    let st = f.e.sso_create_account_assignment(&M, req).unwrap().account_assignment_creation_status;
    assert_eq!(st.status, "IN_PROGRESS");
    let list_req = ListAccountAssignmentsRequest {
        ps: f.psref(&ps),
        account_id: Some(f.dev.clone()),
        ..Default::default()
    };
    assert!(
        f.e.sso_list_account_assignments(&M, list_req.clone()).unwrap().account_assignments.is_empty(),
        "not yet"
    );
    f.c.advance_ms(DEFAULT_OPERATION_MS);
    let done =
        f.e.sso_describe_assignment_creation(
            &M,
            DescribeCreationStatusRequest {
                instance_arn: Some(f.ins.clone()),
                account_assignment_creation_request_id: Some(st.request_id.clone()),
            },
        )
        .unwrap()
        .account_assignment_creation_status;
    assert_eq!(done.status, "SUCCEEDED");
    assert_eq!(f.e.sso_list_account_assignments(&M, list_req).unwrap().account_assignments.len(), 1);
    let inst = f.e.identity_center().instance.clone().unwrap();
    let ps_id = ps.rsplit('/').next().unwrap();
    let role = inst.role_arn("aws", ps_id, &f.dev).unwrap();
    assert!(
        role.starts_with(&format!(
            "arn:aws:iam::{}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_",
            f.dev
        )),
        "{role}"
    );
    f.assign(&ps, &f.dev.clone(), "GROUP", &g);
    let again = f.e.identity_center().instance.clone().unwrap().role_arn("aws", ps_id, &f.dev).unwrap();
    assert_eq!(role, again, "a second assignment keeps the role");
    let listed =
        f.e.sso_list_assignment_creation(
            &M,
            ListStatusRequest {
                instance_arn: Some(f.ins.clone()),
                filter: Some(OperationStatusFilter { status: Some("SUCCEEDED".into()) }),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(listed.account_assignments_creation_status.len(), 2);
}

#[test]
fn assignments_to_unknown_principals_or_accounts_outside_the_organization_fail_asynchronously() {
    let mut f = fx();
    let ps = f.ps("Admin");
    let ghost = "90677c2a4b-1a2b3c4d-1234-4abc-8def-0123456789ab";
    let st = f.assign(&ps, &f.dev.clone(), "USER", ghost);
    assert_eq!(st.status, "FAILED");
    assert!(st.failure_reason.unwrap().contains("does not exist"));
    let u = f.user("bob");
    let st = f.assign(&ps, "999999999999", "USER", &u);
    assert_eq!(st.status, "FAILED");
    assert!(st.failure_reason.unwrap().contains("not an active member"));
    let bad = f.assign_req(&ps, "12345", "USER", &u);
    code(f.e.sso_create_account_assignment(&M, bad), IcErrorCode::Validation);
    let bad = f.assign_req(&ps, &f.dev, "ROLE", &u);
    code(f.e.sso_create_account_assignment(&M, bad), IcErrorCode::Validation);
    let bad = f.assign_req(&ps, &f.dev, "USER", "not-an-id");
    code(f.e.sso_create_account_assignment(&M, bad), IcErrorCode::Validation);
}

#[test]
fn an_edited_permission_set_is_outdated_until_provisioned_again() {
    let mut f = fx();
    let ps = f.ps("Dev");
    let u = f.user("carol");
    f.assign(&ps, &f.dev.clone(), "USER", &u);
    assert_eq!(f.provisioned(&ps, Some("LATEST_PERMISSION_SET_PROVISIONED")), vec![f.dev.clone()]);
    let r = UpdatePermissionSetRequest {
        ps: f.psref(&ps),
        session_duration: Some("PT4H".into()),
        ..Default::default()
    };
    f.e.sso_update_permission_set(&M, r).unwrap();
    assert_eq!(f.provisioned(&ps, Some("LATEST_PERMISSION_SET_NOT_PROVISIONED")), vec![f.dev.clone()]);
    let listed =
        f.e.sso_list_permission_sets_provisioned(
            &M,
            ListPermissionSetsProvisionedRequest {
                instance_arn: Some(f.ins.clone()),
                account_id: Some(f.dev.clone()),
                provisioning_status: Some("LATEST_PERMISSION_SET_NOT_PROVISIONED".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(listed.permission_sets, vec![ps.clone()]);
    let st =
        f.e.sso_provision_permission_set(
            &M,
            ProvisionPermissionSetRequest {
                ps: f.psref(&ps),
                target_type: Some("ALL_PROVISIONED_ACCOUNTS".into()),
                target_id: None,
            },
        )
        .unwrap()
        .permission_set_provisioning_status;
    assert_eq!(st.status, "IN_PROGRESS");
    assert_eq!(f.provisioned(&ps, Some("LATEST_PERMISSION_SET_NOT_PROVISIONED")).len(), 1, "still running");
    f.c.advance_ms(DEFAULT_OPERATION_MS);
    assert!(f.provisioned(&ps, Some("LATEST_PERMISSION_SET_NOT_PROVISIONED")).is_empty());
    let d =
        f.e.sso_describe_provisioning_status(
            &M,
            DescribeProvisioningStatusRequest {
                instance_arn: Some(f.ins.clone()),
                provision_permission_set_request_id: Some(st.request_id),
            },
        )
        .unwrap()
        .permission_set_provisioning_status;
    assert_eq!(d.status, "SUCCEEDED");
    let r = ProvisionPermissionSetRequest {
        ps: f.psref(&ps),
        target_type: Some("AWS_ACCOUNT".into()),
        target_id: None,
    };
    code(f.e.sso_provision_permission_set(&M, r), IcErrorCode::Validation);
}

#[test]
fn removing_the_last_assignment_deprovisions_and_a_new_one_gets_a_new_role() {
    let mut f = fx();
    let ps = f.ps("Ops");
    let u = f.user("dave");
    let dev = f.dev.clone();
    f.assign(&ps, &dev, "USER", &u);
    let ps_id = ps.rsplit('/').next().unwrap().to_string();
    let first = f.e.identity_center().instance.as_ref().unwrap().role_arn("aws", &ps_id, &dev).unwrap();
    let del = f.assign_req(&ps, &dev, "USER", &u);
    code(f.e.sso_delete_permission_set(&M, f.psref(&ps)), IcErrorCode::Conflict);
    let st = f.e.sso_delete_account_assignment(&M, del).unwrap().account_assignment_deletion_status;
    assert_eq!(st.status, "IN_PROGRESS");
    f.c.advance_ms(DEFAULT_OPERATION_MS);
    assert!(f.provisioned(&ps, None).is_empty());
    f.assign(&ps, &dev, "USER", &u);
    let second = f.e.identity_center().instance.as_ref().unwrap().role_arn("aws", &ps_id, &dev).unwrap();
    assert_ne!(first, second);
}

#[test]
fn deleting_an_unassigned_permission_set_works_and_unknown_request_ids_are_not_found() {
    let mut f = fx();
    let ps = f.ps("Temp");
    f.e.sso_delete_permission_set(&M, f.psref(&ps)).unwrap();
    code(f.e.sso_describe_permission_set(&M, f.psref(&ps)), IcErrorCode::ResourceNotFound);
    let r = DescribeCreationStatusRequest {
        instance_arn: Some(f.ins.clone()),
        account_assignment_creation_request_id: Some("00000000-0000-4000-8000-000000000000".into()),
    };
    code(f.e.sso_describe_assignment_creation(&M, r), IcErrorCode::ResourceNotFound);
}

#[test]
fn list_pages_are_one_to_one_hundred_and_tokens_are_checked() {
    let mut f = fx();
    for i in 0..5 {
        f.ps(&format!("P{i}"));
    }
    let mut seen = Vec::new();
    let mut token = None;
    loop {
        let r =
            f.e.sso_list_permission_sets(
                &M,
                ListPermissionSetsRequest {
                    instance_arn: Some(f.ins.clone()),
                    paging: Paging { max_results: Some(2), next_token: token.clone() },
                },
            )
            .unwrap();
        seen.extend(r.permission_sets);
        token = r.next_token;
        if token.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), 5);
    for bad in [Some(0), Some(101)] {
        let r = ListPermissionSetsRequest {
            instance_arn: Some(f.ins.clone()),
            paging: Paging { max_results: bad, next_token: None },
        };
        code(f.e.sso_list_permission_sets(&M, r), IcErrorCode::Validation);
    }
    let r = ListPermissionSetsRequest {
        instance_arn: Some(f.ins.clone()),
        paging: Paging { max_results: None, next_token: Some("zz".into()) },
    };
    code(f.e.sso_list_permission_sets(&M, r), IcErrorCode::Validation);
}

#[test]
fn the_identity_store_enforces_required_members_and_uniqueness() {
    let mut f = fx();
    let alice = f.user("alice");
    assert!(alice.starts_with(&f.store[2..]), "{alice}");
    let dup = CreateUserRequest {
        identity_store_id: Some(f.store.clone()),
        user_name: Some("ALICE".into()),
        display_name: Some("A".into()),
        name: Some(Name {
            given_name: Some("A".into()),
            family_name: Some("B".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let e = f.e.ids_create_user(&M, dup.clone()).unwrap_err();
    assert_eq!(
        (e.code, e.reason.as_deref()),
        (IcErrorCode::Conflict, Some("UNIQUENESS_CONSTRAINT_VIOLATION"))
    );
    let no_name = CreateUserRequest { user_name: Some("zed".into()), name: None, ..dup.clone() };
    code(f.e.ids_create_user(&M, no_name), IcErrorCode::Validation);
    let reserved = CreateUserRequest { user_name: Some("Administrator".into()), ..dup };
    code(f.e.ids_create_user(&M, reserved), IcErrorCode::Validation);
    let g = f.group("Devs");
    let mreq = GroupMembershipRequest {
        identity_store_id: Some(f.store.clone()),
        group_id: Some(g.clone()),
        member_id: Some(MemberId { user_id: Some(alice.clone()) }),
    };
    f.e.ids_create_group_membership(&M, mreq.clone()).unwrap();
    let e = f.e.ids_create_group_membership(&M, mreq).unwrap_err();
    assert_eq!(e.reason.as_deref(), Some("UNIQUENESS_CONSTRAINT_VIOLATION"));
    let e =
        f.e.ids_describe_user(
            &M,
            DescribeUserRequest {
                identity_store_id: Some(f.store.clone()),
                user_id: Some("90677c2a4b-1a2b3c4d-1234-4abc-8def-0123456789ab".into()),
            },
        )
        .unwrap_err();
    assert_eq!((e.code, e.resource_type.as_deref()), (IcErrorCode::ResourceNotFound, Some("USER")));
    let found =
        f.e.ids_get_user_id(
            &M,
            GetIdRequest {
                identity_store_id: Some(f.store.clone()),
                alternate_identifier: Some(AlternateIdentifier {
                    unique_attribute: Some(UniqueAttribute {
                        attribute_path: Some("userName".into()),
                        attribute_value: Some("alice".into()),
                    }),
                    external_id: None,
                }),
            },
        )
        .unwrap();
    assert_eq!(found.user_id, alice);
    let groups =
        f.e.ids_list_memberships_for_member(
            &M,
            ListMembershipsForMemberRequest {
                identity_store_id: Some(f.store.clone()),
                member_id: Some(MemberId { user_id: Some(alice.clone()) }),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(groups.group_memberships.len(), 1);
    f.e.ids_delete_user(
        &M,
        DescribeUserRequest { identity_store_id: Some(f.store.clone()), user_id: Some(alice) },
    )
    .unwrap();
    let left =
        f.e.ids_list_group_memberships(
            &M,
            ListGroupMembershipsRequest {
                identity_store_id: Some(f.store.clone()),
                group_id: Some(g),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(left.group_memberships.is_empty(), "deleting a user removes their memberships");
    let wrong = ListUsersRequest { identity_store_id: Some("d-0000000000".into()), ..Default::default() };
    let e = f.e.ids_list_users(&M, wrong).unwrap_err();
    assert_eq!(e.resource_type.as_deref(), Some("IDENTITY_STORE"));
}

#[test]
fn assignments_for_a_principal_are_listed_for_the_management_account() {
    let mut f = fx();
    let ps = f.ps("A");
    let g = f.group("G");
    f.assign(&ps, MGMT, "GROUP", &g);
    f.assign(&ps, &f.dev.clone(), "GROUP", &g);
    let r = ListAssignmentsForPrincipalRequest {
        instance_arn: Some(f.ins.clone()),
        principal_id: Some(g.clone()),
        principal_type: Some("GROUP".into()),
        filter: None,
        paging: Paging::default(),
    };
    assert_eq!(f.e.sso_list_assignments_for_principal(&M, r.clone()).unwrap().account_assignments.len(), 2);
    let only = ListAssignmentsForPrincipalRequest {
        filter: Some(AccountFilter { account_id: Some(f.dev.clone()) }),
        ..r
    };
    assert_eq!(f.e.sso_list_assignments_for_principal(&M, only).unwrap().account_assignments.len(), 1);
}

#[test]
fn the_snapshot_section_round_trips_and_older_files_load_without_it() {
    let mut f = fx();
    let ps = f.ps("Admin");
    let u = f.user("erin");
    f.assign(&ps, &f.dev.clone(), "USER", &u);
    let r = UpdatePermissionSetRequest {
        ps: f.psref(&ps),
        description: Some("edited".into()),
        ..Default::default()
    };
    f.e.sso_update_permission_set(&M, r).unwrap();
    let extras = orgtui::snapshot::Extras::default();
    let text = orgtui::snapshot::to_json(f.e.state(), &extras, START);
    assert!(text.contains("\"identityCenter\""));
    let loaded = orgtui::snapshot::load_str(&text).unwrap();
    assert_eq!(loaded.state.identity_center, f.e.state().identity_center, "save → load is the identity");
    let inst = loaded.state.identity_center.instance.as_ref().unwrap();
    assert!(inst.is_outdated(ps.rsplit('/').next().unwrap(), &f.dev));
    let (plain, _) = org();
    let old = orgtui::snapshot::to_json(plain.state(), &extras, START);
    assert!(!old.contains("identityCenter"), "nothing to save, no section");
    assert!(orgtui::snapshot::load_str(&old).unwrap().state.identity_center.instance.is_none());
}
