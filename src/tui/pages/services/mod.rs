//! The Services page (key `5`): the AWS services that can have trusted access to the
//! organization (enable, disable) and the delegated administrators (register an account for a
//! service principal, deregister), listed per account. Principals complete from the built-in
//! list (`crate::engine::SERVICE_PRINCIPALS`): a unique prefix or part of a name is enough.

mod view;

use crate::backend::request::ApiRequest;
use crate::engine::SERVICE_PRINCIPALS;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::cx::{Cx, Shared, Status, View};
use crate::tui::dialog::{Confirm, Field, Form, FormBuilder, FormKind, Modal};
use crate::tui::module::{Command, PageModule};
use crate::tui::msg::Call;
use crate::tui::page::{Nav, Page};
use crate::tui::widgets::input::{FilterKey, Input, filter_key};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The page's actions.
const P: Page = Page::Services;

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// Row selected among the services.
    pub selected: usize,
    /// Row selected among the delegated administrators.
    pub admin_selected: usize,
    /// The delegated administrators pane has the focus.
    pub admins_focused: bool,
    /// Narrows the services to those whose principal or name contains it (`/`).
    pub filter: Input,
    /// The filter is being typed.
    pub filtering: bool,
}

/// A service in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRow {
    pub principal: String,
    pub name: String,
    pub enabled: Option<Timestamp>,
    pub admins: usize,
    /// Most delegated administrators the service allows (0: none).
    pub max_admins: usize,
}

/// A delegated administrator registration.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminRow {
    pub account: String,
    pub name: String,
    pub principal: String,
    pub since: Timestamp,
}

/// Every known service plus any the organization has that the list lacks; services with
/// trusted access first.
pub fn services(cx: &View<'_, State>) -> Vec<ServiceRow> {
    let Some(d) = cx.shared.data.as_ref() else { return Vec::new() };
    let s = &d.snapshot;
    let mut out: Vec<ServiceRow> = SERVICE_PRINCIPALS
        .iter()
        .map(|i| ServiceRow {
            principal: i.principal.to_string(),
            name: i.name.to_string(),
            enabled: None,
            admins: 0,
            max_admins: i.max_admins,
        })
        .collect();
    let extra = s
        .trusted_services
        .iter()
        .map(|t| t.service_principal.as_str())
        .chain(s.delegated_administrators.iter().map(|a| a.service_principal.as_str()));
    for p in extra {
        if !out.iter().any(|r| r.principal == p) {
            out.push(ServiceRow {
                principal: sanitize(p),
                name: String::new(),
                enabled: None,
                admins: 0,
                max_admins: 0,
            });
        }
    }
    for r in &mut out {
        r.enabled =
            s.trusted_services.iter().find(|t| t.service_principal == r.principal).map(|t| t.date_enabled);
        r.admins = s.delegated_administrators.iter().filter(|a| a.service_principal == r.principal).count();
    }
    let f = cx.st.filter.value().to_ascii_lowercase();
    out.retain(|r| r.principal.contains(&f) || r.name.to_ascii_lowercase().contains(&f));
    out.sort_by(|a, b| {
        b.enabled.is_some().cmp(&a.enabled.is_some()).then_with(|| a.principal.cmp(&b.principal))
    });
    out
}

/// Delegated administrators by account name, then service.
pub fn admins(cx: &View<'_, State>) -> Vec<AdminRow> {
    let Some(d) = cx.shared.data.as_ref() else { return Vec::new() };
    let s = &d.snapshot;
    let mut out: Vec<AdminRow> = s
        .delegated_administrators
        .iter()
        .map(|a| AdminRow {
            account: a.account_id.to_string(),
            name: s
                .accounts
                .iter()
                .find(|x| x.account.id == a.account_id)
                .map_or_else(String::new, |x| sanitize(&x.account.name)),
            principal: sanitize(&a.service_principal),
            since: a.delegation_enabled_date,
        })
        .collect();
    out.sort_by(|a, b| (&a.name, &a.account, &a.principal).cmp(&(&b.name, &b.account, &b.principal)));
    out
}

/// Completes a service principal from the built-in list: the exact principal, the principal
/// of a short name (`guardduty`), or the one service whose principal or name contains what was
/// typed. Unknown principals with a dot are passed on for the service to judge.
pub fn resolve_principal(typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(
            "Type a service principal (e.g. guardduty.amazonaws.com); a unique part completes.".into()
        );
    }
    let low = typed.to_ascii_lowercase();
    let full = format!("{low}.amazonaws.com");
    if let Some(i) = SERVICE_PRINCIPALS.iter().find(|i| i.principal == low || i.principal == full) {
        return Ok(i.principal.to_string());
    }
    let matches: Vec<&str> = SERVICE_PRINCIPALS
        .iter()
        .filter(|i| i.principal.contains(&low) || i.name.to_ascii_lowercase().contains(&low))
        .map(|i| i.principal)
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.to_string()),
        [] if typed.contains('.') => Ok(typed.to_string()),
        [] => Err(format!("No known service matches {:?}.", sanitize(typed))),
        many => {
            let shown: Vec<&str> = many.iter().take(4).copied().collect();
            let more = if many.len() > 4 { ", …" } else { "" };
            Err(format!(
                "{:?} matches {} services: {}{more}. Type more of it.",
                sanitize(typed),
                many.len(),
                shown.join(", ")
            ))
        }
    }
}

/// The principal named by `arg` (completed) or the selected service.
fn principal_for(cx: &mut Cx<'_, State>, arg: Option<String>) -> Option<String> {
    match arg {
        Some(a) => match resolve_principal(&a) {
            Ok(p) => Some(p),
            Err(e) => {
                cx.set_status(Status::Error(e));
                None
            }
        },
        None => {
            let rows = services(&cx.view());
            rows.get(cx.st.selected.min(rows.len().saturating_sub(1))).map(|r| r.principal.clone())
        }
    }
}

fn enable(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some(p) = principal_for(cx, arg) else { return };
    let request =
        ApiRequest::EnableAWSServiceAccess(EnableAWSServiceAccessRequest { service_principal: p.clone() });
    let done = format!("Enabled trusted access for {p}.");
    cx.submit(Call::Api { request, done, reveal: None }, format!("Enabling trusted access for {p}"));
}

fn disable(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some(p) = principal_for(cx, arg) else { return };
    let admins = admins(&cx.view()).iter().filter(|a| a.principal == p).count();
    let request =
        ApiRequest::DisableAWSServiceAccess(DisableAWSServiceAccessRequest { service_principal: p.clone() });
    let mut lines = vec![
        format!("Disable trusted access for {p}?"),
        "The service can no longer create service-linked roles or see the organization; its organization-wide features stop working in every account.".into(),
    ];
    if admins > 0 {
        lines.push(format!(
            "Its {admins} delegated administrator(s) can no longer manage it for the organization."
        ));
    }
    cx.open_some(Modal::Confirm(Confirm::new(
        Call::Api { request, done: format!("Disabled trusted access for {p}."), reveal: None },
        format!("Disable trusted access for {p}"),
        lines,
        p,
    )));
}

fn build_register(_context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let account = values.first().cloned().unwrap_or_default();
    if account.is_empty() {
        return Err("Type the 12-digit id of the account to register.".into());
    }
    let principal = resolve_principal(values.get(1).map_or("", String::as_str))?;
    let request = ApiRequest::RegisterDelegatedAdministrator(RegisterDelegatedAdministratorRequest {
        account_id: account.clone(),
        service_principal: principal.clone(),
    });
    let done = format!("Registered {account} as delegated administrator for {principal}.");
    Ok((Call::Api { request, done, reveal: None }, format!("Registering {account} for {principal}")))
}

fn register(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let mut words = arg.as_deref().unwrap_or("").split_whitespace().map(str::to_string);
    let account = words.next().unwrap_or_default();
    let principal = match words.next() {
        Some(p) => resolve_principal(&p).unwrap_or(p),
        None => principal_for(cx, None).unwrap_or_default(),
    };
    cx.open_some(Modal::Form(Form::new(
        FormKind::Custom {
            builder: FormBuilder { name: "register-delegated-admin", build: build_register },
            context: Vec::new(),
        },
        "Register a delegated administrator".into(),
        vec![
            Field {
                label: "Account id",
                value: account.into(),
                hint: "12 digits; a member of the organization",
            },
            Field {
                label: "Principal",
                value: principal.into(),
                hint: "a unique part completes: guardduty → guardduty.amazonaws.com",
            },
        ],
    )));
}

fn deregister(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let rows = admins(&cx.view());
    let chosen = match arg {
        Some(a) => {
            let mut w = a.split_whitespace();
            let (acc, p) = (w.next().unwrap_or("").to_string(), w.next().map(resolve_principal));
            match p {
                Some(Ok(p)) => Some((acc, p)),
                Some(Err(e)) => {
                    cx.set_status(Status::Error(e));
                    return;
                }
                None => {
                    cx.set_status(Status::Error(
                        "deregister-delegated-admin needs ACCOUNT_ID SERVICE_PRINCIPAL".into(),
                    ));
                    return;
                }
            }
        }
        None if cx.st.admins_focused => rows
            .get(cx.st.admin_selected.min(rows.len().saturating_sub(1)))
            .map(|r| (r.account.clone(), r.principal.clone())),
        None => {
            // On the services list: the selected service's one administrator.
            let p = principal_for(cx, None).unwrap_or_default();
            let of: Vec<&AdminRow> = rows.iter().filter(|r| r.principal == p).collect();
            match of.as_slice() {
                [one] => Some((one.account.clone(), one.principal.clone())),
                [] => {
                    cx.set_status(Status::Info(format!("{p} has no delegated administrator.")));
                    return;
                }
                _ => {
                    cx.set_status(Status::Info("Press tab and pick the administrator to deregister.".into()));
                    return;
                }
            }
        }
    };
    let Some((account, principal)) = chosen else {
        cx.set_status(Status::Info("No delegated administrator selected.".into()));
        return;
    };
    let request = ApiRequest::DeregisterDelegatedAdministrator(DeregisterDelegatedAdministratorRequest {
        account_id: account.clone(),
        service_principal: principal.clone(),
    });
    cx.open_some(Modal::Confirm(Confirm {
        call: Call::Api {
            request,
            done: format!("Deregistered {account} as delegated administrator for {principal}."),
            reveal: None,
        },
        title: "Deregister a delegated administrator".into(),
        lines: vec![
            format!("Stop {account} administering {principal} for the organization?"),
            "The service's organization-wide settings made from that account stop applying until you register another administrator.".into(),
        ],
        expect: account,
        typed: Default::default(),
        error: None,
        submitting: None,
    }));
}

/// The Services page.
pub struct ServicesPage;

impl PageModule for ServicesPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "enable-trusted-access",
            &["+"],
            "[SERVICE_PRINCIPAL]",
            "enable trusted access for the selected service",
            Some("enable"),
            enable,
        ),
        Command::on(
            P,
            "disable-trusted-access",
            &["-"],
            "[SERVICE_PRINCIPAL]",
            "disable trusted access for the selected service",
            Some("disable"),
            disable,
        ),
        Command::on(
            P,
            "register-delegated-admin",
            &["a"],
            "[ACCOUNT_ID] [SERVICE_PRINCIPAL]",
            "register an account as delegated administrator for a service",
            Some("register admin"),
            register,
        ),
        Command::on(
            P,
            "deregister-delegated-admin",
            &["d"],
            "[ACCOUNT_ID SERVICE_PRINCIPAL]",
            "deregister the selected delegated administrator",
            Some("deregister"),
            deregister,
        ),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        view::draw(f, &View { st, shared }, area);
    }

    fn key(cx: &mut Cx<'_, State>, key: &KeyEvent) -> bool {
        let st = &mut *cx.st;
        match filter_key(&mut st.filter, &mut st.filtering, key) {
            FilterKey::Ignored => false,
            FilterKey::Taken => true,
            FilterKey::Started => {
                st.admins_focused = false;
                true
            }
            FilterKey::Changed => {
                st.selected = 0;
                true
            }
        }
    }

    fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
        let st = &mut *cx.st;
        if !st.filtering {
            return false;
        }
        st.filter.insert_str(text);
        st.selected = 0;
        true
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        let (n_services, n_admins) = (services(&cx.view()).len(), admins(&cx.view()).len());
        let st = &mut *cx.st;
        if matches!(nav, Nav::Tab) {
            st.admins_focused = !st.admins_focused;
            return;
        }
        if matches!(nav, Nav::Back) && (st.admins_focused || !st.filter.is_empty()) {
            st.admins_focused = false;
            st.filter.set("");
            return;
        }
        let (sel, n) = if st.admins_focused {
            (&mut st.admin_selected, n_admins)
        } else {
            (&mut st.selected, n_services)
        };
        *sel = nav.step(*sel, n);
    }

    fn on_load(cx: &mut Cx<'_, State>) {
        let (n_services, n_admins) = (services(&cx.view()).len(), admins(&cx.view()).len());
        let st = &mut *cx.st;
        st.selected = st.selected.min(n_services.saturating_sub(1));
        st.admin_selected = st.admin_selected.min(n_admins.saturating_sub(1));
    }
}
