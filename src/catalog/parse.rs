//! Parser of the catalogue's line format (see `scripts/build-catalog.mjs` for the format).
//! Zero-copy: every name is a slice of the `'static` asset. Malformed records are skipped and
//! counted, never a panic.

use super::Catalog;
use super::types::{
    AccessLevel, ActionData, ConditionKey, ConditionType, RefData, ResourceData, Service, Span,
};

/// Parses the catalogue text.
pub(crate) fn parse(text: &'static str) -> Catalog {
    let mut p = Parser { cat: Catalog::empty(), aliases: Vec::new() };
    let mut lines = text.lines();
    if lines.next() != Some("orgtui-catalog\t1") {
        p.cat.problems.push("missing header `orgtui-catalog 1`".into());
    }
    for (n, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        if p.line(line).is_none() {
            p.cat.problems.push(format!("line {}: malformed record: {line}", n + 2));
        }
    }
    p.finish()
}

struct Parser {
    cat: Catalog,
    aliases: Vec<(&'static str, &'static str)>,
}

impl Parser {
    fn line(&mut self, line: &'static str) -> Option<()> {
        let mut f = line.split('\t');
        let tag = f.next()?;
        let mut field = || f.next();
        match tag {
            "source" => self.cat.source = field()?,
            "version" => self.cat.version = field()?,
            "date" => self.cat.updated_at = field()?,
            "generated" => self.cat.generated = field()?,
            "license" => self.cat.license = field()?,
            "G" => {
                let (name, ty, category, tmpl) = (field()?, field()?, field()?, field()?);
                let key = key(name, ty, tmpl)?;
                self.cat.globals.push(ConditionKey { category: Some(category), ..key });
            }
            "U" => self.aliases.push((field()?, field()?)),
            "S" => {
                let (prefix, name, rcp) = (field()?, field()?, field()?);
                self.cat.services.push(Service {
                    prefix,
                    name,
                    rcp: rcp == "1",
                    keys: Vec::new(),
                    resources: Vec::new(),
                    actions: Vec::new(),
                    key_pool: Vec::new(),
                    ref_pool: Vec::new(),
                });
            }
            "K" => {
                let (name, ty, tmpl) = (field()?, field()?, field()?);
                let svc = self.cat.services.last_mut()?;
                if svc.keys.len() >= usize::from(u16::MAX) {
                    return None;
                }
                svc.keys.push(ConditionKey { service: Some(svc.prefix), ..key(name, ty, tmpl)? });
            }
            "T" => {
                let (name, arn, keys) = (field()?, field()?, field()?);
                let svc = self.cat.services.last_mut()?;
                if svc.resources.len() >= usize::from(u16::MAX) {
                    return None;
                }
                let keys = key_list(svc, keys)?;
                svc.resources.push(ResourceData { name, arn, keys });
            }
            "A" => {
                let (name, level, refs, keys) = (field()?, field()?, field()?, field()?);
                let level = AccessLevel::from_code(level)?;
                let svc = self.cat.services.last_mut()?;
                let keys = key_list(svc, keys)?;
                let refs = ref_list(svc, refs)?;
                svc.actions.push(ActionData { name, level, refs, keys });
            }
            _ => return None,
        }
        Some(())
    }

    fn finish(mut self) -> Catalog {
        let cat = &mut self.cat;
        for (alias, owners) in self.aliases {
            let ids: Vec<u16> = owners
                .split(',')
                .filter_map(|p| cat.service_index(p))
                .filter_map(|i| u16::try_from(i).ok())
                .collect();
            cat.aliases.push((alias, ids));
        }
        cat.aliases.sort_by(|a, b| super::wildcard::cmp_ci(a.0.bytes(), b.0.bytes()));
        for (si, svc) in cat.services.iter().enumerate() {
            let Ok(si) = u16::try_from(si) else { break };
            for (ai, _) in svc.actions.iter().enumerate() {
                let Ok(ai) = u16::try_from(ai) else { break };
                cat.index.push((si, ai));
            }
            for (ki, key) in svc.keys.iter().enumerate() {
                let Ok(ki) = u16::try_from(ki) else { break };
                let global = key.name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:"));
                if key.is_templated() && !global {
                    cat.templated.push((si, ki));
                }
            }
        }
        self.cat
    }
}

/// A condition key from its name, type and placeholder range (`start-end` or empty).
fn key(name: &'static str, ty: &str, tmpl: &str) -> Option<ConditionKey> {
    let ty = ConditionType::parse(ty)?;
    let placeholder = if tmpl.is_empty() {
        None
    } else {
        let (a, b) = tmpl.split_once('-')?;
        let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
        if a > b || b > name.len() || !name.is_char_boundary(a) || !name.is_char_boundary(b) {
            return None;
        }
        Some((a, b))
    };
    Some(ConditionKey { name, ty, placeholder, category: None, service: None })
}

/// Appends a comma-separated list of key indices to the service's key pool.
fn key_list(svc: &mut Service, list: &str) -> Option<Span> {
    let start = u32::try_from(svc.key_pool.len()).ok()?;
    let mut len = 0u32;
    for item in list.split(',').filter(|s| !s.is_empty()) {
        let i: u16 = item.parse().ok()?;
        if usize::from(i) >= svc.keys.len() {
            return None;
        }
        svc.key_pool.push(i);
        len = len.checked_add(1)?;
    }
    Some(Span { start, len })
}

/// Appends a `;`-separated list of `index[!][=k,k]` resource references to the service's pool.
fn ref_list(svc: &mut Service, list: &str) -> Option<Span> {
    let start = u32::try_from(svc.ref_pool.len()).ok()?;
    let mut len = 0u32;
    for item in list.split(';').filter(|s| !s.is_empty()) {
        let (head, keys) = item.split_once('=').unwrap_or((item, ""));
        let (index, required) = match head.strip_suffix('!') {
            Some(index) => (index, true),
            None => (head, false),
        };
        let resource: u16 = index.parse().ok()?;
        if usize::from(resource) >= svc.resources.len() {
            return None;
        }
        let keys = key_list(svc, keys)?;
        svc.ref_pool.push(RefData { resource, required, keys });
        len = len.checked_add(1)?;
    }
    Some(Span { start, len })
}
