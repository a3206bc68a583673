//! The IAM principals the inspector knows (the snapshot's offline extras), with their identity
//! policies and permissions boundaries compiled once. The console's organization snapshot does
//! not carry the extras: the console is given the file's (`App::extras`); the bundled sample's
//! are built in.

use crate::policy::compile::{CompiledPolicy, PolicyKind};
use crate::policy::matrix::Identity;
use crate::snapshot::Extras;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// One known principal.
#[derive(Debug, Clone)]
pub struct Known {
    pub account: String,
    pub arn: String,
    /// `role/Admin`, `user/alice` (the ARN after the account).
    pub part: String,
    /// The names of its identity policies (and boundary), for the field's hint.
    pub summary: String,
    pub identity: Arc<Identity>,
}

/// Every known principal, and the stand-in for unknown ones.
#[derive(Debug, Default)]
pub struct Book {
    pub known: Vec<Known>,
    by_arn: HashMap<String, usize>,
    assumed: OnceLock<Arc<Identity>>,
}

fn compile(name: &str, kind: PolicyKind, doc: &serde_json::Value) -> Option<CompiledPolicy> {
    let text = serde_json::to_string(doc).ok()?;
    CompiledPolicy::parse(name, kind, &text).ok()
}

impl Book {
    /// Compiles the principals of the extras (documents that do not parse are left out).
    pub fn from_extras(extras: &Extras) -> Book {
        let mut book = Book::default();
        for p in &extras.principals {
            let identity = p
                .identity_policies
                .iter()
                .filter_map(|d| compile(&d.name, PolicyKind::Identity, &d.document))
                .collect();
            let boundary = p
                .permissions_boundary
                .as_ref()
                .and_then(|d| compile(&d.name, PolicyKind::Boundary, &d.document));
            let mut names: Vec<String> = p.identity_policies.iter().map(|d| d.name.clone()).collect();
            if let Some(b) = &p.permissions_boundary {
                names.push(format!("boundary {}", b.name));
            }
            let part = p.arn.splitn(6, ':').nth(5).unwrap_or_default().to_string();
            book.by_arn.insert(p.arn.clone(), book.known.len());
            book.known.push(Known {
                account: p.account_id.clone(),
                arn: p.arn.clone(),
                part,
                summary: crate::model::text::sanitize(&names.join(", ")),
                identity: Arc::new(Identity { identity, boundary, assumed: false }),
            });
        }
        book
    }

    /// The known principals of an account.
    pub fn in_account<'a>(&'a self, account: &'a str) -> impl Iterator<Item = &'a Known> + 'a {
        self.known.iter().filter(move |k| k.account == account)
    }

    /// The known principal with this ARN.
    pub fn find(&self, arn: &str) -> Option<&Known> {
        self.by_arn.get(arn).and_then(|&i| self.known.get(i))
    }

    /// The identity of a principal: its known policies, or the allow-everything stand-in.
    pub fn identity(&self, arn: &str) -> Arc<Identity> {
        match self.find(arn) {
            Some(k) => k.identity.clone(),
            None => self.assumed.get_or_init(|| Arc::new(Identity::assumed_admin())).clone(),
        }
    }
}

/// The principals of a console source: the bundled sample's for `SAMPLE`, none otherwise.
pub fn for_source(label: &str) -> Arc<Book> {
    static SAMPLE: OnceLock<Arc<Book>> = OnceLock::new();
    static EMPTY: OnceLock<Arc<Book>> = OnceLock::new();
    if label == "SAMPLE" {
        SAMPLE
            .get_or_init(|| {
                let extras = crate::snapshot::sample().map(|o| o.extras).unwrap_or_default();
                Arc::new(Book::from_extras(&extras))
            })
            .clone()
    } else {
        EMPTY.get_or_init(|| Arc::new(Book::default())).clone()
    }
}

/// The principals of a source's extras (an `--org FILE` snapshot's), compiled once per extras.
pub fn for_extras(extras: &Arc<Extras>) -> Arc<Book> {
    static CACHE: std::sync::Mutex<Option<(usize, Arc<Book>)>> = std::sync::Mutex::new(None);
    let key = Arc::as_ptr(extras) as usize;
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((k, book)) = cache.as_ref()
        && *k == key
    {
        return book.clone();
    }
    let book = Arc::new(Book::from_extras(extras));
    *cache = Some((key, book.clone()));
    book
}
