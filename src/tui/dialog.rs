//! Dialogs as data: forms (with the AWS error shown under what the user typed), typed
//! confirmations for destructive actions, the palette and help.

use super::msg::{Call, OpId};
use crate::model::OrgError;
use crate::tui::widgets::input::Input;

/// One text field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub value: Input,
    pub hint: &'static str,
}

/// Builds a page's call from a form: `context` is what the page stored when it opened the form
/// (ids, names), `values` the trimmed field values. An `Err` is shown in the form, which stays
/// open with what the user typed.
pub type FormBuild = fn(context: &[String], values: &[String]) -> Result<(Call, String), String>;

/// A named form builder (compared by name: function addresses are not stable).
#[derive(Clone, Copy)]
pub struct FormBuilder {
    pub name: &'static str,
    pub build: FormBuild,
}

impl PartialEq for FormBuilder {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for FormBuilder {}

impl std::fmt::Debug for FormBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FormBuilder({})", self.name)
    }
}

/// What a form does when submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// A form opened by a page, which says how to turn it into a call.
    Custom { builder: FormBuilder, context: Vec<String> },
}

/// A form: fields, the focused one, the last error and the call in flight.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    pub submitting: Option<OpId>,
}

impl Form {
    /// A form with its fields.
    pub fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Form {
        Form { kind, title, fields, focus: 0, error: None, submitting: None }
    }

    /// The field being edited.
    pub fn current(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }
}

/// A typed confirmation: the change as data, what it affects, and the text to type.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub call: Call,
    pub title: String,
    pub lines: Vec<String>,
    /// The user must type this (a name or an id) to confirm.
    pub expect: String,
    pub typed: Input,
    pub error: Option<String>,
    pub submitting: Option<OpId>,
}

impl Confirm {
    /// A confirmation of `call` that needs `expect` typed.
    pub fn new(call: Call, title: String, lines: Vec<String>, expect: String) -> Confirm {
        Confirm { call, title, lines, expect, typed: Input::default(), error: None, submitting: None }
    }
}

/// The help dialog's state: scroll position and search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    /// First row shown.
    pub scroll: u16,
    /// What `/` searches for.
    pub query: String,
    /// The query is being typed.
    pub typing: bool,
}

/// The dialog on top of the page, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Help(HelpState),
    Palette {
        input: Input,
        error: Option<String>,
    },
    Form(Form),
    Confirm(Confirm),
    /// `:messages`: every status and error message of the session, scrolled to `scroll`.
    Messages {
        scroll: u16,
    },
    /// An error from a change that no dialog was waiting for.
    Error {
        title: String,
        message: String,
    },
}

/// An AWS error as one line for a dialog: code, reason, message.
pub fn describe_error(e: &OrgError) -> String {
    let text = crate::model::text::sanitize(&e.message);
    match &e.reason {
        Some(r) => format!("{} ({r}): {text}", e.code_str()),
        None => format!("{}: {text}", e.code_str()),
    }
}
