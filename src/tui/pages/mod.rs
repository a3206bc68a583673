//! The console's pages. Each is a folder with its own state, its commands (one registry entry
//! each: name, keys, help, handler) and one `PageModule` implementation; the `pages!` list below
//! is the only place that names them all. See `ARCHITECTURE.md` for how to add one.

use super::cx::{Cx, Outbox, Shared};
use super::module::PageModule;
use super::msg::OpId;
use super::page::{CommandSpec, Nav, Page};
use crate::backend::request::ApiResponse;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

pub mod accounts;
pub mod activity;
pub mod billing;
pub mod inspector;
pub mod invitations;
pub mod policies;
pub mod services;
pub mod settings;

/// What a dispatch needs besides the page states: the shared facts, the outbox and the op
/// counter.
pub struct Env<'a> {
    pub shared: &'a Shared,
    pub out: &'a mut Outbox,
    pub next_op: &'a mut OpId,
}

impl Env<'_> {
    /// A context for one state.
    pub fn cx<'b, S>(&'b mut self, st: &'b mut S) -> Cx<'b, S> {
        Cx::new(st, self.shared, self.out, self.next_op)
    }
}

/// Runs `name` from `P`'s commands, if it has it.
fn run_in<P: PageModule>(st: &mut P::State, env: &mut Env<'_>, name: &str, arg: Option<String>) -> bool {
    let Some(c) = P::COMMANDS.iter().find(|c| c.spec.name == name) else { return false };
    (c.run)(&mut env.cx(st), arg);
    true
}

macro_rules! pages {
    ($($field:ident: $module:ident::$ty:ident),* $(,)?) => {
        /// The state of every page, kept while the user switches between them.
        #[derive(Debug, Default)]
        pub struct PageStates {
            $(pub $field: <$module::$ty as PageModule>::State,)*
        }

        /// Every page's command descriptions, in page order.
        pub fn specs() -> impl Iterator<Item = &'static CommandSpec> {
            std::iter::empty()
                $(.chain(<$module::$ty as PageModule>::COMMANDS.iter().map(|c| &c.spec)))*
        }

        /// Draws `page`'s body.
        pub fn draw(page: Page, states: &PageStates, shared: &Shared, f: &mut Frame, area: Rect) {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return <$module::$ty as PageModule>::draw(&states.$field, shared, f, area);
            })*
        }

        /// Runs the command `name` of `page`; `false` when the page has no such command.
        pub fn run(page: Page, states: &mut PageStates, env: &mut Env<'_>, name: &str, arg: Option<String>) -> bool {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return run_in::<$module::$ty>(&mut states.$field, env, name, arg);
            })*
            false
        }

        /// Offers a key to `page` before the keymap.
        pub fn key(page: Page, states: &mut PageStates, env: &mut Env<'_>, key: &KeyEvent) -> bool {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return <$module::$ty as PageModule>::key(&mut env.cx(&mut states.$field), key);
            })*
            false
        }

        /// Offers a paste to `page`.
        pub fn paste(page: Page, states: &mut PageStates, env: &mut Env<'_>, text: &str) -> bool {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return <$module::$ty as PageModule>::paste(&mut env.cx(&mut states.$field), text);
            })*
            false
        }

        /// Navigation on `page`.
        pub fn navigate(page: Page, states: &mut PageStates, env: &mut Env<'_>, nav: Nav) {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return <$module::$ty as PageModule>::navigate(&mut env.cx(&mut states.$field), nav);
            })*
        }

        /// Footer hints of `page`'s current mode, if it has one.
        pub fn footer(page: Page, states: &PageStates) -> Option<Vec<(&'static str, &'static str)>> {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return <$module::$ty as PageModule>::footer(&states.$field);
            })*
            None
        }

        /// Lets every page see a response (each checks whether the op is its own).
        pub fn on_response(states: &mut PageStates, env: &mut Env<'_>, op: OpId, response: &ApiResponse) {
            $(<$module::$ty as PageModule>::on_response(&mut env.cx(&mut states.$field), op, response);)*
        }

        /// Lets every page hear another service's outcome.
        pub fn on_outcome(states: &mut PageStates, env: &mut Env<'_>, outcome: &super::msg::Outcome) {
            $(<$module::$ty as PageModule>::on_outcome(&mut env.cx(&mut states.$field), outcome);)*
        }

        /// Tells `page` the user opened it.
        pub fn on_show(page: Page, states: &mut PageStates, env: &mut Env<'_>) {
            $(if page == <$module::$ty as PageModule>::PAGE {
                return <$module::$ty as PageModule>::on_show(&mut env.cx(&mut states.$field));
            })*
        }

        /// Lets every page refresh what it derives from the organization.
        pub fn on_load(states: &mut PageStates, env: &mut Env<'_>) {
            $(<$module::$ty as PageModule>::on_load(&mut env.cx(&mut states.$field));)*
        }
    };
}

pages! {
    accounts: accounts::AccountsPage,
    policies: policies::PoliciesPage,
    inspector: inspector::InspectorPage,
    invitations: invitations::InvitationsPage,
    services: services::ServicesPage,
    settings: settings::SettingsPage,
    billing: billing::BillingPage,
    activity: activity::ActivityPage,
}
