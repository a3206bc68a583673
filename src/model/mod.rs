//! Domain types shared by every layer: ids and ARNs, entities, enums, the operation
//! inputs/outputs in the service's own member names, and `OrgError`.
//!
//! Nothing here knows about terminals, async, HTTP or the SDK.

pub mod arn;
pub mod aws_messages;
pub mod caller;
pub mod cloudtrail;
pub mod costexplorer;
pub mod entities;
pub mod enums;
pub mod error;
pub mod identity_center;
pub mod ids;
pub mod limits;
pub mod operations;
pub mod requests;
pub mod responses;
pub mod snapshot;
pub mod text;
pub mod time;

pub use caller::Caller;
pub use entities::*;
pub use enums::*;
pub use error::{ErrorCode, OrgError, OrgResult};
pub use ids::*;
pub use limits::PolicyTypeLimits;
pub use requests::*;
pub use responses::*;
pub use snapshot::*;
pub use time::Timestamp;
