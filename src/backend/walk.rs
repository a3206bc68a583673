//! Loading a whole organization through the List/Describe calls of any backend, with
//! bounded concurrency and progress reports. The live backend uses this; the memory backend
//! answers directly from the engine.

use super::{ListAll, OrgBackend};
use crate::model::*;
use futures_util::stream::{self, StreamExt, TryStreamExt};
use std::collections::BTreeMap;

/// How far a whole-organization load has come, for a progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProgress {
    /// What is being loaded (`tree`, `tags`, `policies`, …).
    pub stage: &'static str,
    /// Items finished in this stage.
    pub done: usize,
    /// Items in this stage, when known.
    pub total: Option<usize>,
}

/// Receives progress reports.
pub type ProgressSink<'a> = &'a (dyn Fn(LoadProgress) + Send + Sync);

pub use super::pages::all_pages;

/// The tree below the root, one level at a time: each parent's OUs and accounts are listed
/// (every page) concurrently, at most `concurrency` calls in flight. OUs come without tags.
pub async fn walk_tree<B: OrgBackend + ?Sized>(
    b: &B,
    root: &RootId,
    concurrency: usize,
    progress: ProgressSink<'_>,
) -> OrgResult<(Vec<SnapshotOu>, Vec<(Account, ParentId)>)> {
    let concurrency = concurrency.max(1);
    let mut ous: Vec<SnapshotOu> = Vec::new();
    let mut accounts: Vec<(Account, ParentId)> = Vec::new();
    let mut frontier = vec![ParentId::Root(root.clone())];
    let mut visited = 0usize;
    while !frontier.is_empty() {
        let level: Vec<(ParentId, Vec<OrganizationalUnit>, Vec<Account>)> = stream::iter(frontier.clone())
            .map(|parent| async move {
                let parent_id = parent.as_str().to_string();
                let children = b
                    .list_all(ListOrganizationalUnitsForParentRequest {
                        parent_id: parent_id.clone(),
                        ..Default::default()
                    })
                    .await?;
                let accs =
                    b.list_all(ListAccountsForParentRequest { parent_id, ..Default::default() }).await?;
                Ok::<_, OrgError>((parent, children, accs))
            })
            .buffered(concurrency)
            .try_collect()
            .await?;
        frontier.clear();
        for (parent, children, accs) in level {
            visited += 1;
            for ou in children {
                frontier.push(ParentId::Ou(ou.id.clone()));
                ous.push(SnapshotOu {
                    id: ou.id,
                    name: ou.name,
                    parent_id: parent.clone(),
                    tags: Vec::new(),
                });
            }
            accounts.extend(accs.into_iter().map(|a| (a, parent.clone())));
        }
        progress(LoadProgress { stage: "tree", done: visited, total: None });
    }
    Ok((ous, accounts))
}

/// Loads the whole organization with at most `concurrency` calls in flight.
pub async fn load_via_lists<B: OrgBackend + ?Sized>(
    b: &B,
    concurrency: usize,
    progress: ProgressSink<'_>,
) -> OrgResult<OrgSnapshot> {
    let concurrency = concurrency.max(1);
    let org = match b.describe_organization(DescribeOrganizationRequest {}).await {
        Ok(r) => r.organization,
        Err(e) if e.code == ErrorCode::AwsOrganizationsNotInUseException => return Ok(OrgSnapshot::default()),
        Err(e) => return Err(e),
    };
    let roots = b.list_all(ListRootsRequest::default()).await?;
    let root = roots
        .into_iter()
        .next()
        .ok_or_else(|| OrgError::new(ErrorCode::ServiceException, "The organization has no root."))?;

    let (mut ous, accounts) = walk_tree(b, &root.id, concurrency, progress).await?;

    // Tags of the root, every OU and every account.
    let mut tag_targets: Vec<String> = vec![root.id.to_string()];
    tag_targets.extend(ous.iter().map(|o| o.id.to_string()));
    tag_targets.extend(accounts.iter().map(|(a, _)| a.id.to_string()));
    let tags = tags_of(b, tag_targets, concurrency, progress).await?;
    let tag = |id: &str| tags.get(id).cloned().unwrap_or_default();
    for o in &mut ous {
        o.tags = tag(o.id.as_str());
    }

    // Policies of every type (content, targets and tags).
    let mut summaries = Vec::new();
    for ty in PolicyType::ALL {
        let listed =
            b.list_all(ListPoliciesRequest { filter: *ty, next_token: None, max_results: None }).await;
        match listed {
            Ok(p) => summaries.extend(p),
            // Backends that do not know a newer type reject it; the rest of the load goes on.
            Err(e) if e.code == ErrorCode::InvalidInputException => {}
            Err(e) => return Err(e),
        }
    }
    let total = summaries.len();
    let details: Vec<(SnapshotPolicy, Vec<PolicyTargetSummary>)> = stream::iter(summaries)
        .map(|s| async move {
            let content = b
                .describe_policy(DescribePolicyRequest { policy_id: s.id.to_string() })
                .await?
                .policy
                .content;
            let targets = b
                .list_all(ListTargetsForPolicyRequest { policy_id: s.id.to_string(), ..Default::default() })
                .await?;
            let tags = if s.aws_managed { Vec::new() } else { list_tags(b, s.id.to_string()).await? };
            Ok::<_, OrgError>((SnapshotPolicy { summary: s, content, tags }, targets))
        })
        .buffered(concurrency)
        .try_collect()
        .await?;
    progress(LoadProgress { stage: "policies", done: total, total: Some(total) });
    let mut policies = Vec::new();
    let mut attachments = Vec::new();
    for (p, targets) in details {
        for t in targets {
            if let Ok(target_id) = TargetId::parse(&t.target_id) {
                attachments.push(SnapshotAttachment { policy_id: p.summary.id.clone(), target_id });
            }
        }
        policies.push(p);
    }

    // Services, delegations, handshakes, account creations and the delegation policy are
    // extras: a backend that lacks one of them (moto lacks several) still loads the tree.
    let trusted_services =
        b.list_all(ListAWSServiceAccessForOrganizationRequest::default()).await.unwrap_or_default();
    let admins = b.list_all(ListDelegatedAdministratorsRequest::default()).await.unwrap_or_default();
    let delegated_administrators: Vec<SnapshotDelegation> = stream::iter(admins)
        .map(|a| async move {
            let services = b
                .list_all(ListDelegatedServicesForAccountRequest {
                    account_id: a.id.to_string(),
                    ..Default::default()
                })
                .await
                .unwrap_or_default();
            services
                .into_iter()
                .map(|s| SnapshotDelegation {
                    account_id: a.id.clone(),
                    service_principal: s.service_principal,
                    delegation_enabled_date: s.delegation_enabled_date,
                })
                .collect::<Vec<_>>()
        })
        .buffered(concurrency)
        .concat()
        .await;
    let handshakes = b.list_all(ListHandshakesForOrganizationRequest::default()).await.unwrap_or_default();
    let create_account_statuses =
        b.list_all(ListCreateAccountStatusRequest::default()).await.unwrap_or_default();
    let resource_policy = match b.describe_resource_policy(DescribeResourcePolicyRequest {}).await {
        Ok(r) => {
            let id = r.resource_policy.resource_policy_summary.id;
            let tags = list_tags(b, id.to_string()).await.unwrap_or_default();
            Some(SnapshotResourcePolicy { id, content: r.resource_policy.content, tags })
        }
        Err(_) => None,
    };

    let partition = org.arn.split(':').nth(1).unwrap_or("aws").to_string();
    Ok(OrgSnapshot {
        organization: Some(SnapshotOrganization {
            id: org.id,
            feature_set: org.feature_set,
            management_account_id: org.master_account_id,
            root_id: root.id.clone(),
            root_tags: tag(root.id.as_str()),
            enabled_policy_types: root
                .policy_types
                .iter()
                .filter(|p| p.status == PolicyTypeStatus::Enabled)
                .map(|p| p.r#type)
                .collect(),
            partition,
        }),
        organizational_units: ous,
        accounts: accounts
            .into_iter()
            .map(|(a, parent_id)| {
                let tags = tag(a.id.as_str());
                SnapshotAccount { account: a, parent_id, tags }
            })
            .collect(),
        policies,
        attachments,
        delegated_administrators,
        trusted_services,
        handshakes,
        create_account_statuses,
        resource_policy,
    })
}

async fn list_tags<B: OrgBackend + ?Sized>(b: &B, resource_id: String) -> OrgResult<Vec<Tag>> {
    b.list_all(ListTagsForResourceRequest { resource_id, next_token: None }).await
}

async fn tags_of<B: OrgBackend + ?Sized>(
    b: &B,
    ids: Vec<String>,
    concurrency: usize,
    progress: ProgressSink<'_>,
) -> OrgResult<BTreeMap<String, Vec<Tag>>> {
    let total = ids.len();
    let mut out = BTreeMap::new();
    let mut results = stream::iter(ids)
        .map(|id| async move {
            let tags = list_tags(b, id.clone()).await?;
            Ok::<_, OrgError>((id, tags))
        })
        .buffer_unordered(concurrency);
    while let Some(r) = results.next().await {
        let (id, tags) = r?;
        out.insert(id, tags);
        if out.len() % 50 == 0 || out.len() == total {
            progress(LoadProgress { stage: "tags", done: out.len(), total: Some(total) });
        }
    }
    Ok(out)
}
