//! The Invitations page (key `4`): handshakes the organization sent and, when acting as another
//! account, the ones that account received — invite an account, cancel an open invitation,
//! accept or decline as the invited account, and switch the account calls come from (`act-as`).
//! The all-features migration handshakes are listed and accepted here too.

mod view;

use crate::backend::request::{ApiRequest, ApiResponse};
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::cx::{Cx, Shared, Status, View};
use crate::tui::dialog::{Confirm, Field, Form, FormBuilder, FormKind, Modal};
use crate::tui::module::{Command, PageModule};
use crate::tui::msg::{Call, OpId};
use crate::tui::page::{Nav, Page};
use ratatui::Frame;
use ratatui::layout::Rect;

const P: Page = Page::Invitations;

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// Row selected in the handshake list.
    pub selected: usize,
    /// Handshakes the acting account received (ListHandshakesForAccount), with that account.
    pub received: Vec<Handshake>,
    /// The `act-as` in flight: its op and the account it switches to.
    pub act_as_op: Option<(OpId, Option<String>)>,
}

/// One row of the list: a handshake, and whether the organization sent it and whether the
/// acting account received it.
pub struct Row<'a> {
    pub handshake: &'a Handshake,
    pub sent: bool,
    pub received: bool,
}

/// The rows: the organization's handshakes, then received ones it does not list.
pub fn rows<'a>(cx: &View<'a, State>) -> Vec<Row<'a>> {
    let st = &cx.st;
    let mut out: Vec<Row<'_>> = Vec::new();
    if let Some(d) = cx.shared.data.as_ref() {
        for h in &d.snapshot.handshakes {
            let received = st.received.iter().any(|r| r.id == h.id);
            out.push(Row { handshake: h, sent: true, received });
        }
    }
    for h in &st.received {
        if !out.iter().any(|r| r.handshake.id == h.id) {
            out.push(Row { handshake: h, sent: false, received: true });
        }
    }
    out
}

/// The party of `ty` in a handshake.
pub fn party(h: &Handshake, ty: HandshakePartyType) -> Option<&str> {
    h.parties.iter().find(|p| p.r#type == ty).map(|p| p.id.as_str())
}

/// The party that is not the organization (the invited account or email).
pub fn counterpart(h: &Handshake) -> String {
    h.parties.iter().find(|p| p.r#type != HandshakePartyType::Organization).map_or_else(
        || party(h, HandshakePartyType::Organization).unwrap_or("").to_string(),
        |p| sanitize(&p.id),
    )
}

/// The notes of a handshake, if any.
pub fn notes(h: &Handshake) -> Option<String> {
    fn find(rs: &[HandshakeResource]) -> Option<&str> {
        rs.iter().find_map(|r| {
            if r.r#type == HandshakeResourceType::Notes { r.value.as_deref() } else { find(&r.resources) }
        })
    }
    find(&h.resources).map(sanitize)
}

fn selected_handshake(cx: &View<'_, State>, arg: Option<&str>) -> Option<Handshake> {
    let rows = rows(cx);
    match arg {
        Some(id) => rows.iter().find(|r| r.handshake.id.as_str() == id).map(|r| r.handshake.clone()),
        None => rows.get(cx.st.selected.min(rows.len().saturating_sub(1))).map(|r| r.handshake.clone()),
    }
}

fn build_invite(_context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let target = values.first().cloned().unwrap_or_default();
    if target.is_empty() {
        return Err("Type the account id (12 digits) or the email address to invite.".into());
    }
    let ty = if target.contains('@') { HandshakePartyType::Email } else { HandshakePartyType::Account };
    let notes = values.get(1).filter(|n| !n.is_empty()).cloned();
    let request = ApiRequest::InviteAccountToOrganization(InviteAccountToOrganizationRequest {
        target: HandshakeParty { id: target.clone(), r#type: ty },
        notes,
        tags: None,
    });
    let done = format!("Invited {target} to the organization.");
    Ok((Call::Api { request, done, reveal: None }, format!("Inviting {target}")))
}

/// The `act-as` call for what the user typed: an account id, or `management` (or nothing).
fn act_as_call(who: &str) -> Result<(Call, String), String> {
    let who = who.trim();
    if who.is_empty() || who.eq_ignore_ascii_case("management") {
        return Ok((Call::ActAs { account: None }, "Switching to the management account".into()));
    }
    if who.len() != 12 || !who.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{:?} is not an account id (12 digits) or \"management\".", sanitize(who)));
    }
    Ok((Call::ActAs { account: Some(who.to_string()) }, format!("Switching to account {who}")))
}

fn start_act_as(cx: &mut Cx<'_, State>, call: Call, label: String) {
    let op = cx.submit(call.clone(), label);
    if let Call::ActAs { account } = call {
        cx.st.act_as_op = Some((op, account));
    }
}

fn invite(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    cx.open_some(Modal::Form(Form::new(
        FormKind::Custom {
            builder: FormBuilder { name: "invite-account", build: build_invite },
            context: Vec::new(),
        },
        "Invite an account to the organization".into(),
        vec![
            Field {
                label: "Account/email",
                value: arg.unwrap_or_default().into(),
                hint: "12-digit account id, or the root user's email address",
            },
            Field {
                label: "Notes",
                value: Default::default(),
                hint: "optional; the invited account sees them",
            },
        ],
    )));
}

fn act_as(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if let Some(who) = arg {
        match act_as_call(&who) {
            Ok((call, label)) => start_act_as(cx, call, label),
            Err(e) => cx.set_status(Status::Error(e)),
        }
        return;
    }
    // Offer the selected invitation's account, the usual next step after inviting it.
    let guess = selected_handshake(&cx.view(), None)
        .and_then(|h| party(&h, HandshakePartyType::Account).map(str::to_string))
        .filter(|a| cx.shared.acting_as.as_deref() != Some(a.as_str()))
        .unwrap_or_else(|| if cx.shared.acting_as.is_some() { "management".into() } else { String::new() });
    // The palette, ready to run: Enter switches, and the op is followed to its answer.
    cx.open_some(Modal::Palette { input: format!("act-as {guess}").into(), error: None });
}

fn respond(cx: &mut Cx<'_, State>, arg: Option<String>, accept: bool) {
    if !cx.check_writable() {
        return;
    }
    let Some(h) = selected_handshake(&cx.view(), arg.as_deref()) else {
        cx.set_status(Status::Info("No handshake selected.".into()));
        return;
    };
    if h.state.is_terminal() {
        cx.set_status(Status::Info(format!("Handshake {} is already {}.", h.id, h.state)));
        return;
    }
    let sent_only = rows(&cx.view()).iter().any(|r| r.handshake.id == h.id && r.sent && !r.received);
    if sent_only {
        let verb = if accept { "accept" } else { "decline" };
        cx.error(format!(
            "{verb}: the organization sent handshake {}; it can only cancel it (x). The other party accepts or declines (A acts as it).",
            h.id
        ));
        return;
    }
    let who = cx.shared.acting_as.clone().unwrap_or_else(|| "the management account".into());
    let id = h.id.to_string();
    if accept {
        let request = ApiRequest::AcceptHandshake(AcceptHandshakeRequest { handshake_id: id.clone() });
        let done = format!("Accepted handshake {id} ({}) as {who}.", h.action);
        cx.submit(Call::Api { request, done, reveal: None }, format!("Accepting {id}"));
        return;
    }
    let org = party(&h, HandshakePartyType::Organization).unwrap_or("").to_string();
    let request = ApiRequest::DeclineHandshake(DeclineHandshakeRequest { handshake_id: id.clone() });
    let done = format!("Declined handshake {id} ({}) as {who}.", h.action);
    cx.open_some(Modal::Confirm(Confirm::new(Call::Api { request, done, reveal: None }, format!("Decline handshake {id}"), vec![
            format!("Decline the {} handshake from organization {org} as {who}?", h.action),
            "It becomes DECLINED and can no longer be accepted; the organization would have to send a new one.".into(),
        ], org)));
}

fn cancel(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some(h) = selected_handshake(&cx.view(), arg.as_deref()) else {
        cx.set_status(Status::Info("No handshake selected.".into()));
        return;
    };
    if h.state.is_terminal() {
        cx.set_status(Status::Info(format!(
            "Handshake {} is {}; only open handshakes can be cancelled.",
            h.id, h.state
        )));
        return;
    }
    let id = h.id.to_string();
    let to = counterpart(&h);
    let request = ApiRequest::CancelHandshake(CancelHandshakeRequest { handshake_id: id.clone() });
    cx.open_some(Modal::Confirm(Confirm::new(
        Call::Api { request, done: format!("Cancelled handshake {id} to {to}."), reveal: None },
        format!("Cancel handshake {id}"),
        vec![
            format!("Cancel the {} handshake {id} to {to}?", h.action),
            "It becomes CANCELED: the account can no longer accept it. You can invite it again.".into(),
        ],
        to,
    )));
}

/// The Invitations page.
pub struct InvitationsPage;

impl PageModule for InvitationsPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "invite-account",
            &["n"],
            "[ACCOUNT_ID|EMAIL]",
            "invite an account to the organization (by id or email, with notes)",
            Some("invite"),
            invite,
        ),
        Command::on(
            P,
            "cancel-handshake",
            &["x"],
            "[HANDSHAKE_ID]",
            "cancel the selected open invitation",
            Some("cancel"),
            cancel,
        ),
        Command::on(
            P,
            "accept-handshake",
            &["a"],
            "[HANDSHAKE_ID]",
            "accept the selected handshake as the account you act as",
            Some("accept"),
            |cx, arg| respond(cx, arg, true),
        ),
        Command::on(
            P,
            "decline-handshake",
            &["d"],
            "[HANDSHAKE_ID]",
            "decline the selected handshake as the account you act as",
            Some("decline"),
            |cx, arg| respond(cx, arg, false),
        ),
        Command::on(
            P,
            "act-as",
            &["A"],
            "<ACCOUNT_ID|management>",
            "make later calls as another account (the memory backend can act as any account)",
            Some("act as"),
            act_as,
        ),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        view::draw(f, &View { st, shared }, area);
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        let n = rows(&cx.view()).len();
        let st = &mut *cx.st;
        st.selected = nav.step(st.selected, n);
    }

    fn on_response(cx: &mut Cx<'_, State>, op: OpId, response: &ApiResponse) {
        let st = &mut *cx.st;
        match response {
            ApiResponse::ListHandshakesForAccount(r) => {
                if let Some((pending, account)) = st.act_as_op.take() {
                    if pending != op {
                        st.act_as_op = Some((pending, account));
                        return;
                    }
                    st.received = r.handshakes.clone();
                    cx.out.acting_as = Some(account);
                }
            }
            ApiResponse::AcceptHandshake(AcceptHandshakeResponse { handshake })
            | ApiResponse::DeclineHandshake(DeclineHandshakeResponse { handshake })
            | ApiResponse::CancelHandshake(CancelHandshakeResponse { handshake }) => {
                for h in st.received.iter_mut().filter(|h| h.id == handshake.id) {
                    *h = handshake.clone();
                }
            }
            _ => {}
        }
    }

    fn on_load(cx: &mut Cx<'_, State>) {
        let n = rows(&cx.view()).len();
        let st = &mut *cx.st;
        st.selected = st.selected.min(n.saturating_sub(1));
    }
}
