//! Policy variables (§2.8): `${key}` in Resource/NotResource and in String, ARN and Bool
//! condition values, with `${key, 'default'}` defaults and the escapes `${*}`, `${?}`, `${$}`.
//! Only under Version 2012-10-17; otherwise `${...}` is literal text. Key names are
//! case-insensitive; a multivalued key cannot be a variable; an unresolvable variable makes the
//! value unresolvable (the caller decides what that means).

use super::matching::{Tok, push_lit, push_wild};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The request context: lower-case key → values (one value for single-valued keys).
pub type Context = BTreeMap<String, Vec<String>>;

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// Literal text (wildcards in it are wildcards when the template is a pattern).
    Text(String),
    /// A literal character from an escape (`${*}`, `${?}`, `${$}`): never a wildcard.
    Escaped(char),
    /// `${key}` or `${key, 'default'}`; key in lower case.
    Var { key: String, default: Option<String> },
}

/// A value or pattern that may contain policy variables.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pieces: Vec<Piece>,
    has_vars: bool,
    /// `*`/`?` are wildcards (Like operators, Resource, ARN operators).
    wild: bool,
    /// Precomputed tokens when there is no variable.
    static_toks: Vec<Tok>,
    /// Precomputed text when there is no variable.
    static_text: String,
}

impl Template {
    /// Compiles `src`; `vars` enables `${...}` interpretation (2012-10-17), `wild` makes
    /// `*`/`?` wildcards.
    pub fn compile(src: &str, vars: bool, wild: bool) -> Template {
        let pieces = if vars { split(src) } else { vec![Piece::Text(src.to_string())] };
        let has_vars = pieces.iter().any(|p| matches!(p, Piece::Var { .. }));
        let mut t = Template { pieces, has_vars, wild, static_toks: Vec::new(), static_text: String::new() };
        if !has_vars {
            let empty = Context::new();
            t.static_toks = t.build_toks(&empty).unwrap_or_default();
            t.static_text = t.build_text(&empty).unwrap_or_default();
        }
        t
    }

    /// Whether it contains a variable.
    pub fn has_vars(&self) -> bool {
        self.has_vars
    }

    /// The variables it references (lower-case keys).
    pub fn variables(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Var { key, .. } => Some(key.as_str()),
            _ => None,
        })
    }

    /// Pattern tokens with variables substituted (their values are literal text), or `None`
    /// when a variable is unresolvable.
    pub fn toks<'a>(&'a self, ctx: &Context) -> Option<Cow<'a, [Tok]>> {
        if !self.has_vars {
            return Some(Cow::Borrowed(&self.static_toks));
        }
        self.build_toks(ctx).map(Cow::Owned)
    }

    /// The text with variables substituted (escapes give their character), or `None`.
    pub fn text<'a>(&'a self, ctx: &Context) -> Option<Cow<'a, str>> {
        if !self.has_vars {
            return Some(Cow::Borrowed(&self.static_text));
        }
        self.build_text(ctx).map(Cow::Owned)
    }

    fn build_toks(&self, ctx: &Context) -> Option<Vec<Tok>> {
        let mut out = Vec::new();
        for p in &self.pieces {
            match p {
                Piece::Text(s) if self.wild => push_wild(&mut out, s),
                Piece::Text(s) => push_lit(&mut out, s),
                Piece::Escaped(c) => push_lit(&mut out, c.encode_utf8(&mut [0; 4])),
                Piece::Var { key, default } => push_lit(&mut out, resolve(ctx, key, default.as_deref())?),
            }
        }
        Some(out)
    }

    fn build_text(&self, ctx: &Context) -> Option<String> {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(s) => out.push_str(s),
                Piece::Escaped(c) => out.push(*c),
                Piece::Var { key, default } => out.push_str(resolve(ctx, key, default.as_deref())?),
            }
        }
        Some(out)
    }
}

/// The value of a single-valued key, else the default.
fn resolve<'a>(ctx: &'a Context, key: &str, default: Option<&'a str>) -> Option<&'a str> {
    match ctx.get(key).map(Vec::as_slice) {
        Some([one]) => Some(one.as_str()),
        _ => default,
    }
}

/// Splits text into literal pieces, escapes and variables. A `${` without a closing `}` is
/// literal text.
fn split(src: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start + 2..].find('}') else { break };
        text.push_str(&rest[..start]);
        let inner = &rest[start + 2..start + 2 + len];
        rest = &rest[start + 2 + len + 1..];
        match inner {
            "*" | "?" | "$" => {
                flush(&mut out, &mut text);
                out.push(Piece::Escaped(inner.chars().next().unwrap_or('$')));
            }
            _ => {
                let (key, default) = match inner.split_once(',') {
                    Some((k, d)) => {
                        let d = d.trim();
                        let d = d.strip_prefix('\'').and_then(|d| d.strip_suffix('\'')).unwrap_or(d);
                        (k.trim(), Some(d.to_string()))
                    }
                    None => (inner.trim(), None),
                };
                flush(&mut out, &mut text);
                out.push(Piece::Var { key: key.to_ascii_lowercase(), default });
            }
        }
    }
    text.push_str(rest);
    flush(&mut out, &mut text);
    out
}

fn flush(out: &mut Vec<Piece>, text: &mut String) {
    if !text.is_empty() {
        out.push(Piece::Text(std::mem::take(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(pairs: &[(&str, &str)]) -> Context {
        pairs.iter().map(|(k, v)| (k.to_ascii_lowercase(), vec![v.to_string()])).collect()
    }

    #[test]
    fn substitution_defaults_and_escapes() {
        let c = ctx(&[("aws:username", "alice")]);
        let t = Template::compile("home/${AWS:UserName}/*", true, true);
        assert_eq!(t.text(&c).as_deref(), Some("home/alice/*"));
        let t = Template::compile("${aws:PrincipalTag/team, 'company-wide'}", true, false);
        assert_eq!(t.text(&c).as_deref(), Some("company-wide"));
        let t = Template::compile("a${*}b${?}${$}", true, true);
        assert_eq!(t.text(&c).as_deref(), Some("a*b?$"));
        assert!(!t.has_vars());
        let t = Template::compile("${aws:missing}", true, false);
        assert_eq!(t.text(&c), None);
        let t = Template::compile("${aws:username}", false, false);
        assert_eq!(t.text(&c).as_deref(), Some("${aws:username}"));
    }
}
