//! Canonical (minified) JSON for a typed policy document: elements in the grammar's order,
//! a one-element list as a single string, statements always as an array. Parsing the output
//! gives back an equal document (positions aside).

use super::json::write_string;
use super::parse::*;

/// The canonical JSON text of a document.
pub fn print_policy(doc: &PolicyDocument) -> String {
    let mut out = String::with_capacity(256);
    out.push('{');
    let mut first = true;
    let mut field = |out: &mut String, name: &str| {
        if !first {
            out.push(',');
        }
        first = false;
        write_string(out, name);
        out.push(':');
    };
    if let Some(v) = &doc.version {
        field(&mut out, "Version");
        write_string(&mut out, v.value.as_str());
    }
    if let Some(id) = &doc.id {
        field(&mut out, "Id");
        write_string(&mut out, &id.value);
    }
    field(&mut out, "Statement");
    out.push('[');
    for (i, st) in doc.statements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        statement(&mut out, st);
    }
    out.push_str("]}");
    out
}

fn strings(out: &mut String, list: &[Spanned<String>]) {
    if let [one] = list {
        write_string(out, &one.value);
        return;
    }
    out.push('[');
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, &s.value);
    }
    out.push(']');
}

fn scalar(out: &mut String, v: &CondValue) {
    match v.kind {
        ScalarKind::String => write_string(out, &v.text),
        ScalarKind::Number | ScalarKind::Bool => out.push_str(&v.text),
    }
}

fn statement(out: &mut String, st: &Statement) {
    out.push('{');
    if let Some(sid) = &st.sid {
        out.push_str("\"Sid\":");
        write_string(out, &sid.value);
        out.push(',');
    }
    out.push_str("\"Effect\":");
    write_string(out, st.effect.value.as_str());
    if let Some(p) = &st.principal {
        out.push_str(if p.not { ",\"NotPrincipal\":" } else { ",\"Principal\":" });
        match &p.value {
            Principal::Wildcard => out.push_str("\"*\""),
            Principal::Map(entries) => {
                out.push('{');
                for (i, (ty, ids)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, &ty.value);
                    out.push(':');
                    strings(out, ids);
                }
                out.push('}');
            }
        }
    }
    out.push_str(if st.action.not { ",\"NotAction\":" } else { ",\"Action\":" });
    strings(out, &st.action.value);
    if let Some(r) = &st.resource {
        out.push_str(if r.not { ",\"NotResource\":" } else { ",\"Resource\":" });
        strings(out, &r.value);
    }
    if !st.condition.is_empty() {
        out.push_str(",\"Condition\":{");
        for (i, block) in st.condition.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_string(out, &block.operator.value.name());
            out.push_str(":{");
            for (j, k) in block.keys.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                write_string(out, &k.key.value);
                out.push(':');
                if let [one] = k.values.as_slice() {
                    scalar(out, &one.value);
                } else {
                    out.push('[');
                    for (n, v) in k.values.iter().enumerate() {
                        if n > 0 {
                            out.push(',');
                        }
                        scalar(out, &v.value);
                    }
                    out.push(']');
                }
            }
            out.push('}');
        }
        out.push('}');
    }
    out.push('}');
}
