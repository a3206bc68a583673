//! Any Organizations call as data: one enum of requests and one of responses, generated from
//! the operation list. The console keeps changes as data until they are confirmed, the safety
//! guard tells reads from writes, and the audit journal records a call by name and input — all
//! without one hand-written match per operation.

use super::OrgBackend;
use crate::model::*;

/// The future of one backend call.
pub type BoxedCall<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = OrgResult<T>> + Send + 'a>>;

/// A request type that knows its operation, so generic code (pagination) can send any
/// request through any backend; implemented for every operation from the operation list.
pub trait Operation: Sized + Send + 'static {
    /// The operation's response.
    type Response: Send;
    /// Sends the request through `backend` (calls the operation's method).
    fn send_to<'a, B: OrgBackend + ?Sized>(self, backend: &'a B) -> BoxedCall<'a, Self::Response>;
}

macro_rules! declare_requests {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// One Organizations request, tagged with its operation.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        pub enum ApiRequest {
            $(
                #[doc = concat!("`", stringify!($wire), "`.")]
                $wire($req),
            )+
        }

        /// One Organizations response, tagged with its operation.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        pub enum ApiResponse {
            $(
                #[doc = concat!("`", stringify!($wire), "`.")]
                $wire($resp),
            )+
        }

        impl ApiResponse {
            /// The operation's wire name (`CreatePolicy`), e.g. to tell changes from reads.
            pub fn operation(&self) -> &'static str {
                match self {
                    $(ApiResponse::$wire(_) => stringify!($wire),)+
                }
            }
        }

        impl ApiRequest {
            /// The operation's wire name (`CreatePolicy`).
            pub fn operation(&self) -> &'static str {
                match self {
                    $(ApiRequest::$wire(_) => stringify!($wire),)+
                }
            }

            /// The request body as the wire sends it (PascalCase members).
            pub fn input_json(&self) -> serde_json::Value {
                match self {
                    $(ApiRequest::$wire(r) => serde_json::to_value(r).unwrap_or(serde_json::Value::Null),)+
                }
            }

            /// Sends the request through a backend.
            pub async fn send(self, backend: &dyn OrgBackend) -> OrgResult<ApiResponse> {
                match self {
                    $(ApiRequest::$wire(r) => backend.$method(r).await.map(ApiResponse::$wire),)+
                }
            }
        }

        $(
            impl Operation for $req {
                type Response = $resp;
                fn send_to<'a, B: OrgBackend + ?Sized>(self, backend: &'a B) -> BoxedCall<'a, $resp> {
                    backend.$method(self)
                }
            }
        )+

        impl ApiResponse {
            /// The response body as the wire sends it.
            pub fn output_json(&self) -> serde_json::Value {
                match self {
                    $(ApiResponse::$wire(r) => serde_json::to_value(r).unwrap_or(serde_json::Value::Null),)+
                }
            }
        }
    };
}
crate::for_each_operation!(declare_requests);

/// Whether an operation changes anything: everything but `Describe*` and `List*`.
pub fn is_write_operation(wire_name: &str) -> bool {
    !(wire_name.starts_with("Describe") || wire_name.starts_with("List"))
}

impl ApiRequest {
    /// Whether this request changes anything.
    pub fn is_write(&self) -> bool {
        is_write_operation(self.operation())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_are_told_apart() {
        let write = ApiRequest::DeletePolicy(DeletePolicyRequest { policy_id: "p-abcdefgh".into() });
        assert!(write.is_write());
        assert_eq!(write.operation(), "DeletePolicy");
        assert_eq!(write.input_json()["PolicyId"], "p-abcdefgh");
        let read = ApiRequest::ListRoots(ListRootsRequest::default());
        assert!(!read.is_write());
        for op in crate::model::operations::OPERATION_NAMES {
            let expect_read = op.starts_with("Describe") || op.starts_with("List");
            assert_eq!(is_write_operation(op), !expect_read, "{op}");
        }
    }

    #[tokio::test]
    async fn requests_go_through_the_backend() {
        let b = super::super::memory::MemoryBackend::new(
            crate::snapshot::sample_engine().unwrap(),
            super::super::BackendKind::Sample,
        );
        let r = ApiRequest::ListRoots(ListRootsRequest::default()).send(&b).await.unwrap();
        let ApiResponse::ListRoots(r) = r else { panic!("wrong response {r:?}") };
        assert_eq!(r.roots.len(), 1);
    }
}
