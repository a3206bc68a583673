//! Who makes a request.

use super::ids::AccountId;

/// The account a request comes from. Every Organizations call is made by an account; most of
/// the console acts as the management account, while accepting an invitation or leaving an
/// organization is done as a member (or standalone) account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Caller {
    /// The management account of the organization in use.
    #[default]
    Management,
    /// A specific account, member or standalone.
    Account(AccountId),
}
