//! One function per operation, `(client, model request) → model response`, grouped by
//! operation family; the backend's trait methods are generated over them.

mod org;
mod policies;
mod services;
mod tree;

pub use org::*;
pub use policies::*;
pub use services::*;
pub use tree::*;
