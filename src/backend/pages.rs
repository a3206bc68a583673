//! One pagination helper for every List operation: [`all_pages`] calls a page function until
//! `NextToken` runs out, and [`ListAll::list_all`] does it for any paged request through any
//! backend, e.g. `backend.list_all(ListRootsRequest::default()).await`.
//!
//! Which operations are paged, and where their items are, is the table at the end of this
//! file; how a request reaches a backend is generated from the operation list
//! (`request::Operation`).

use super::OrgBackend;
use super::request::Operation;
use crate::model::*;
use std::future::Future;

/// Calls a paginated operation until `NextToken` is absent and returns every item.
pub async fn all_pages<T, F, Fut>(mut call: F) -> OrgResult<Vec<T>>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = OrgResult<(Vec<T>, Option<String>)>>,
{
    let mut out = Vec::new();
    let mut token = None;
    // A misbehaving server could hand out tokens forever; no real listing has a million pages.
    for _ in 0..1_000_000 {
        let (items, next) = call(token.take()).await?;
        out.extend(items);
        match next {
            Some(t) if !t.is_empty() => token = Some(t),
            _ => return Ok(out),
        }
    }
    Err(OrgError::new(ErrorCode::ServiceException, "A listing did not end after a million pages."))
}

/// A request of a List operation, whose answer comes in pages chained by `NextToken`.
pub trait Paged: Operation + Clone + Sync {
    /// What the listing lists.
    type Item: Send;
    /// The request for the page that `token` starts (the first page for `None`).
    fn at_page(self, token: Option<String>) -> Self;
    /// One page's items and the token of the next page.
    fn page(response: Self::Response) -> (Vec<Self::Item>, Option<String>);
}

/// Every page of a listing, through any backend (the trait objects the console holds
/// included).
pub trait ListAll: OrgBackend {
    /// Sends `request` for every page and returns all the items, in order. Same calls as a
    /// hand-written loop: one per page.
    fn list_all<R: Paged>(&self, request: R) -> impl Future<Output = OrgResult<Vec<R::Item>>> + Send;
}

impl<B: OrgBackend + ?Sized> ListAll for B {
    fn list_all<R: Paged>(&self, request: R) -> impl Future<Output = OrgResult<Vec<R::Item>>> + Send {
        async move {
            let request = &request;
            all_pages(|token| {
                let page = request.clone().at_page(token);
                async move { page.send_to(self).await.map(R::page) }
            })
            .await
        }
    }
}

macro_rules! paged {
    ($(($req:ident, $resp:ident, $items:ident: $item:ty)),+ $(,)?) => {
        $(
            impl Paged for $req {
                type Item = $item;
                fn at_page(self, token: Option<String>) -> Self {
                    $req { next_token: token, ..self }
                }
                fn page(response: $resp) -> (Vec<$item>, Option<String>) {
                    (response.$items, response.next_token)
                }
            }
        )+
    };
}

paged! {
    (ListAWSServiceAccessForOrganizationRequest, ListAWSServiceAccessForOrganizationResponse, enabled_service_principals: EnabledServicePrincipal),
    (ListAccountsRequest, ListAccountsResponse, accounts: Account),
    (ListAccountsForParentRequest, ListAccountsForParentResponse, accounts: Account),
    (ListAccountsWithInvalidEffectivePolicyRequest, ListAccountsWithInvalidEffectivePolicyResponse, accounts: Account),
    (ListChildrenRequest, ListChildrenResponse, children: Child),
    (ListCreateAccountStatusRequest, ListCreateAccountStatusResponse, create_account_statuses: CreateAccountStatus),
    (ListDelegatedAdministratorsRequest, ListDelegatedAdministratorsResponse, delegated_administrators: DelegatedAdministrator),
    (ListDelegatedServicesForAccountRequest, ListDelegatedServicesForAccountResponse, delegated_services: DelegatedService),
    (ListEffectivePolicyValidationErrorsRequest, ListEffectivePolicyValidationErrorsResponse, effective_policy_validation_errors: EffectivePolicyValidationError),
    (ListHandshakesForAccountRequest, ListHandshakesForAccountResponse, handshakes: Handshake),
    (ListHandshakesForOrganizationRequest, ListHandshakesForOrganizationResponse, handshakes: Handshake),
    (ListOrganizationalUnitsForParentRequest, ListOrganizationalUnitsForParentResponse, organizational_units: OrganizationalUnit),
    (ListParentsRequest, ListParentsResponse, parents: Parent),
    (ListPoliciesRequest, ListPoliciesResponse, policies: PolicySummary),
    (ListPoliciesForTargetRequest, ListPoliciesForTargetResponse, policies: PolicySummary),
    (ListRootsRequest, ListRootsResponse, roots: Root),
    (ListTagsForResourceRequest, ListTagsForResourceResponse, tags: Tag),
    (ListTargetsForPolicyRequest, ListTargetsForPolicyResponse, targets: PolicyTargetSummary),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{BackendKind, memory::MemoryBackend};

    #[tokio::test]
    async fn list_all_pages_through_a_trait_object() {
        let memory = MemoryBackend::new(crate::snapshot::sample_engine().unwrap(), BackendKind::Sample);
        let b: &dyn OrgBackend = &memory;
        let first = b.list_accounts(ListAccountsRequest::default()).await.unwrap();
        let all = b.list_all(ListAccountsRequest::default()).await.unwrap();
        assert!(all.starts_with(&first.accounts));
        assert_eq!(all.len() > first.accounts.len(), first.next_token.is_some());
        let paged =
            b.list_all(ListAccountsRequest { max_results: Some(2), ..Default::default() }).await.unwrap();
        assert!(all.len() > 2);
        assert_eq!(paged, all);
    }
}
