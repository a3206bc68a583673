//! The management-policy merge (reference §9): how the tag, backup, AI opt-out, chat,
//! declarative and other management policies attached from the root down to a target combine
//! into the target's effective policy.
//!
//! The merge is a pure function over parsed JSON documents. Besides the effective document
//! that `DescribeEffectivePolicy` returns (operators stripped), it reports where every leaf
//! value came from (level and policy) and which operator uses were ignored and why, so the
//! console can explain an effective policy.
//!
//! Semantics (reference §9.1–9.2):
//! - Levels are applied root first; within a level, policies in attachment order.
//! - `@@assign` replaces a scalar or a whole array (adds the key if absent); `@@append` adds
//!   to an inherited array; `@@remove` takes values out of an inherited array.
//! - `@@operators_allowed_for_child_policies` (`@@all`, `@@none`, or a list of value
//!   operators) restricts the operators *lower levels* may use on that node. Declarations
//!   intersect (same level or different levels) and a child can never widen them. On a
//!   container it also decides whether lower levels may add new sub-keys (`@@none`: no).
//! - A value operator a higher level does not allow is ignored (the parent's value stays).
//! - At one level, the policy attached first wins a conflicting `@@assign` (reference §15.9:
//!   this rests on a single documentation example; it is the recommended behaviour).
//!
//! Emulator choices where the reference is silent (each says so where it is applied): a bare
//! value without an operator counts as `@@assign`; `@@append` does not duplicate a value the
//! array already holds; `@@append`/`@@remove` on a non-array are ignored; a node that holds
//! both a value and sub-keys renders its value.

use crate::model::{PolicyId, TargetId};
use serde_json::{Map, Value};

/// The overwrite operator.
pub const ASSIGN: &str = "@@assign";
/// The add-to-array operator.
pub const APPEND: &str = "@@append";
/// The remove-from-array operator.
pub const REMOVE: &str = "@@remove";
/// The child-control operator.
pub const CHILD_CONTROL: &str = "@@operators_allowed_for_child_policies";
/// Child-control value: every operator allowed (the default).
pub const ALL: &str = "@@all";
/// Child-control value: no operator allowed.
pub const NONE: &str = "@@none";

/// Nesting deeper than this is ignored (policy documents are a few levels deep; this keeps
/// a hand-built document from exhausting the stack).
const MAX_DEPTH: usize = 64;

/// A value-setting operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueOperator {
    /// `@@assign`.
    Assign,
    /// `@@append`.
    Append,
    /// `@@remove`.
    Remove,
}

impl ValueOperator {
    /// The operator as written in policies.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueOperator::Assign => ASSIGN,
            ValueOperator::Append => APPEND,
            ValueOperator::Remove => REMOVE,
        }
    }

    /// Parses `@@assign`, `@@append` or `@@remove`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            ASSIGN => Some(ValueOperator::Assign),
            APPEND => Some(ValueOperator::Append),
            REMOVE => Some(ValueOperator::Remove),
            _ => None,
        }
    }
}

/// A set of value-setting operators (what lower levels may use on a node).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OperatorSet {
    /// `@@assign` allowed.
    pub assign: bool,
    /// `@@append` allowed.
    pub append: bool,
    /// `@@remove` allowed.
    pub remove: bool,
}

impl OperatorSet {
    /// `["@@all"]`: every operator (the default).
    pub const ALL: OperatorSet = OperatorSet { assign: true, append: true, remove: true };
    /// `["@@none"]`: no operator.
    pub const NONE: OperatorSet = OperatorSet { assign: false, append: false, remove: false };

    /// Whether `op` is in the set.
    pub fn contains(self, op: ValueOperator) -> bool {
        match op {
            ValueOperator::Assign => self.assign,
            ValueOperator::Append => self.append,
            ValueOperator::Remove => self.remove,
        }
    }

    /// Operators in both sets.
    pub fn intersect(self, other: OperatorSet) -> OperatorSet {
        OperatorSet {
            assign: self.assign && other.assign,
            append: self.append && other.append,
            remove: self.remove && other.remove,
        }
    }

    /// Whether no operator is allowed.
    pub fn is_none(self) -> bool {
        self == OperatorSet::NONE
    }

    /// Reads a child-control value: `["@@all"]`, `["@@none"]` or a list of value operators
    /// (a single string is read as a one-element list). Unknown entries allow nothing, so a
    /// malformed declaration can only restrict.
    pub fn parse(v: &Value) -> OperatorSet {
        let items: Vec<&Value> = match v {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        let mut set = OperatorSet::NONE;
        for item in items {
            match item.as_str() {
                Some(ALL) => set = OperatorSet::ALL,
                Some(s) => match ValueOperator::parse(s) {
                    Some(ValueOperator::Assign) => set.assign = true,
                    Some(ValueOperator::Append) => set.append = true,
                    Some(ValueOperator::Remove) => set.remove = true,
                    None => {}
                },
                None => {}
            }
        }
        set
    }
}

/// One policy of a level: its id and parsed content.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePolicy {
    /// The policy id.
    pub id: PolicyId,
    /// The parsed policy document.
    pub content: Value,
}

impl MergePolicy {
    /// Reads a stored document with the policy language's one parser (`policy::json`), as
    /// the merge takes it; `None` when it does not parse (such a policy contributes nothing).
    pub fn parse(id: PolicyId, content: &str) -> Option<MergePolicy> {
        super::json::parse(content).ok().map(|doc| MergePolicy { id, content: doc.to_serde() })
    }
}

/// The policies directly attached to one level (root, OU or account), in attachment order.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeLevel {
    /// The root, OU or account at this level.
    pub target: TargetId,
    /// Its directly attached policies of the type being merged, first attached first.
    pub policies: Vec<MergePolicy>,
}

/// What to merge: the levels from the root down to the target.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeInput {
    /// Root first, the target last.
    pub levels: Vec<MergeLevel>,
}

/// One step of a path inside a policy document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// An object key.
    Key(String),
    /// An array position.
    Index(usize),
}

/// A path as a JSON Pointer (RFC 6901), e.g. `/tags/costcenter/tag_value/1`.
pub fn pointer(path: &[PathSegment]) -> String {
    let mut s = String::new();
    for seg in path {
        s.push('/');
        match seg {
            PathSegment::Key(k) => s.push_str(&k.replace('~', "~0").replace('/', "~1")),
            PathSegment::Index(i) => s.push_str(&i.to_string()),
        }
    }
    s
}

/// Where a value came from: the level (root, OU or account) and the policy attached there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValueOrigin {
    /// The root, OU or account the policy is attached to.
    pub target: TargetId,
    /// The policy.
    pub policy: PolicyId,
}

/// The origin of one leaf value of the effective document (a scalar, or one array element).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Where the value sits in the effective document (array elements end with an index).
    pub path: Vec<PathSegment>,
    /// The level and policy that set it.
    pub source: ValueOrigin,
    /// The operator that put it there (`@@assign` or `@@append`).
    pub operator: ValueOperator,
}

/// Why a piece of a policy had no effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IgnoredReason {
    /// A higher level's `@@operators_allowed_for_child_policies` does not allow the operator.
    OperatorNotAllowed,
    /// A higher level set `@@none` on the container, so no new sub-key may be added.
    NewKeyNotAllowed,
    /// A policy attached earlier to the same level already assigned this value.
    SameLevelConflict,
    /// `@@append`/`@@remove` need an array (both the operand and the inherited value).
    NotAnArray,
    /// The policy document (or this part of it) is not a JSON object.
    NotAnObject,
    /// An `@@` key that is not an operator.
    UnknownOperator,
    /// Nested too deeply to merge.
    TooDeep,
}

/// A piece of a policy the merge ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// Where in the document (the node the operator was on).
    pub path: Vec<PathSegment>,
    /// The level and policy.
    pub source: ValueOrigin,
    /// The operator or key that was ignored.
    pub operator: String,
    /// Why.
    pub reason: IgnoredReason,
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct EffectiveDocument {
    /// The effective policy as `DescribeEffectivePolicy` shows it: operators stripped,
    /// `{"@@assign": v}` replaced by `v`, empty containers and arrays emptied by `@@remove`
    /// omitted. Informational only: not valid input for `CreatePolicy`.
    pub value: Value,
    /// The origin of every leaf value, in document order.
    pub origins: Vec<Origin>,
    /// What was ignored, in merge order.
    pub ignored: Vec<Ignored>,
}

impl EffectiveDocument {
    /// The effective policy as compact JSON text (the `PolicyContent` of the API).
    pub fn to_json_string(&self) -> String {
        self.value.to_string()
    }

    /// Origins of the values at or under `path`.
    pub fn origins_under<'a>(&'a self, path: &'a [PathSegment]) -> impl Iterator<Item = &'a Origin> + 'a {
        self.origins.iter().filter(move |o| o.path.starts_with(path))
    }

    /// The distinct policies that set values at or under `path`, in first-seen order.
    pub fn contributing_policies(&self, path: &[PathSegment]) -> Vec<PolicyId> {
        let mut out: Vec<PolicyId> = Vec::new();
        for o in self.origins_under(path) {
            if !out.contains(&o.source.policy) {
                out.push(o.source.policy.clone());
            }
        }
        out
    }
}

/// A leaf value in the working tree.
#[derive(Debug, Clone)]
enum Leaf {
    Scalar { value: Value, source: ValueOrigin },
    Array { items: Vec<(Value, ValueOrigin, ValueOperator)>, last_removed: bool },
}

/// A node of the working tree.
#[derive(Debug, Clone)]
struct Node {
    leaf: Option<Leaf>,
    children: Vec<(String, Node)>,
    /// Operators the level being applied may use here (restrictions from higher levels).
    allowed: OperatorSet,
    /// Restrictions declared so far, including the level being applied (effective from the
    /// next level down).
    next_allowed: OperatorSet,
    /// The level whose `@@assign` last set the value (for same-level conflicts).
    assigned_level: Option<usize>,
}

impl Node {
    fn new() -> Self {
        Node {
            leaf: None,
            children: Vec::new(),
            allowed: OperatorSet::ALL,
            next_allowed: OperatorSet::ALL,
            assigned_level: None,
        }
    }

    fn child_index(&self, key: &str) -> Option<usize> {
        self.children.iter().position(|(k, _)| k == key)
    }

    /// Restrictions declared at a level take effect from the next level down.
    fn end_level(&mut self) {
        self.allowed = self.next_allowed;
        for (_, c) in &mut self.children {
            c.end_level();
        }
    }
}

/// The state of applying one policy.
struct Apply<'a> {
    level: usize,
    source: &'a ValueOrigin,
    ignored: &'a mut Vec<Ignored>,
}

impl Apply<'_> {
    fn ignore(&mut self, path: &[PathSegment], operator: &str, reason: IgnoredReason) {
        self.ignored.push(Ignored {
            path: path.to_vec(),
            source: self.source.clone(),
            operator: operator.to_string(),
            reason,
        });
    }

    /// Applies one object of a policy to the node it addresses.
    fn object(&mut self, node: &mut Node, doc: &Map<String, Value>, path: &mut Vec<PathSegment>) {
        if path.len() > MAX_DEPTH {
            self.ignore(path, "", IgnoredReason::TooDeep);
            return;
        }
        if let Some(v) = doc.get(CHILD_CONTROL) {
            node.next_allowed = node.next_allowed.intersect(OperatorSet::parse(v));
        }
        for (key, v) in doc {
            if key == CHILD_CONTROL {
                continue;
            }
            if let Some(op) = ValueOperator::parse(key) {
                self.value(node, op, v, path);
            } else if key.starts_with("@@") {
                self.ignore(path, key, IgnoredReason::UnknownOperator);
            } else {
                self.child(node, key, v, path);
            }
        }
    }

    /// A sub-key of a node.
    fn child(&mut self, node: &mut Node, key: &str, v: &Value, path: &mut Vec<PathSegment>) {
        let idx = match node.child_index(key) {
            Some(i) => i,
            None if node.allowed.is_none() => {
                path.push(PathSegment::Key(key.to_string()));
                self.ignore(path, key, IgnoredReason::NewKeyNotAllowed);
                path.pop();
                return;
            }
            None => {
                node.children.push((key.to_string(), Node::new()));
                node.children.len() - 1
            }
        };
        let Some((_, child)) = node.children.get_mut(idx) else { return };
        path.push(PathSegment::Key(key.to_string()));
        match v {
            Value::Object(m) => self.object(child, m, path),
            // Emulator choice: a bare value without an operator counts as `@@assign`.
            other => self.value(child, ValueOperator::Assign, other, path),
        }
        path.pop();
    }

    /// A value-setting operator on a node.
    fn value(&mut self, node: &mut Node, op: ValueOperator, v: &Value, path: &[PathSegment]) {
        if !node.allowed.contains(op) {
            self.ignore(path, op.as_str(), IgnoredReason::OperatorNotAllowed);
            return;
        }
        match op {
            ValueOperator::Assign => {
                if node.assigned_level == Some(self.level) {
                    // Reference §9.2 step 3 / §15.9: at one level the policy attached first wins.
                    self.ignore(path, op.as_str(), IgnoredReason::SameLevelConflict);
                    return;
                }
                node.leaf = Some(match v {
                    Value::Array(items) => Leaf::Array {
                        items: items
                            .iter()
                            .map(|i| (i.clone(), self.source.clone(), ValueOperator::Assign))
                            .collect(),
                        last_removed: false,
                    },
                    other => Leaf::Scalar { value: other.clone(), source: self.source.clone() },
                });
                node.assigned_level = Some(self.level);
            }
            ValueOperator::Append => {
                let Value::Array(new) = v else {
                    return self.ignore(path, op.as_str(), IgnoredReason::NotAnArray);
                };
                match &mut node.leaf {
                    None => {
                        node.leaf = Some(Leaf::Array { items: Vec::new(), last_removed: false });
                    }
                    Some(Leaf::Scalar { .. }) => {
                        return self.ignore(path, op.as_str(), IgnoredReason::NotAnArray);
                    }
                    Some(Leaf::Array { .. }) => {}
                }
                if let Some(Leaf::Array { items, last_removed }) = &mut node.leaf {
                    for n in new {
                        // Emulator choice: values are sets; appending a present value is a no-op.
                        if !items.iter().any(|(x, _, _)| x == n) {
                            items.push((n.clone(), self.source.clone(), ValueOperator::Append));
                        }
                    }
                    *last_removed = false;
                }
            }
            ValueOperator::Remove => {
                let Value::Array(gone) = v else {
                    return self.ignore(path, op.as_str(), IgnoredReason::NotAnArray);
                };
                match &mut node.leaf {
                    None => {}
                    Some(Leaf::Scalar { .. }) => self.ignore(path, op.as_str(), IgnoredReason::NotAnArray),
                    Some(Leaf::Array { items, last_removed }) => {
                        items.retain(|(x, _, _)| !gone.contains(x));
                        *last_removed = true;
                    }
                }
            }
        }
    }
}

/// Merges the policies of every level into the effective document (reference §9.2).
pub fn merge(input: &MergeInput) -> EffectiveDocument {
    let mut root = Node::new();
    let mut ignored = Vec::new();
    for (level, l) in input.levels.iter().enumerate() {
        for p in &l.policies {
            let source = ValueOrigin { target: l.target.clone(), policy: p.id.clone() };
            let mut apply = Apply { level, source: &source, ignored: &mut ignored };
            let mut path = Vec::new();
            match &p.content {
                Value::Object(m) => apply.object(&mut root, m, &mut path),
                _ => apply.ignore(&path, "", IgnoredReason::NotAnObject),
            }
        }
        root.end_level();
    }
    let mut origins = Vec::new();
    let mut path = Vec::new();
    let value = render(&root, &mut path, &mut origins).unwrap_or_else(|| Value::Object(Map::new()));
    EffectiveDocument { value, origins, ignored }
}

/// Renders a node without operators; `None` when it renders to nothing.
fn render(node: &Node, path: &mut Vec<PathSegment>, origins: &mut Vec<Origin>) -> Option<Value> {
    match &node.leaf {
        // Emulator choice: a node holding both a value and sub-keys shows its value.
        Some(Leaf::Scalar { value, source }) => {
            origins.push(Origin {
                path: path.clone(),
                source: source.clone(),
                operator: ValueOperator::Assign,
            });
            Some(value.clone())
        }
        Some(Leaf::Array { items, last_removed }) => {
            if items.is_empty() && *last_removed {
                // Reference §9.2 step 4: an array emptied by `@@remove` is omitted.
                return None;
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, (v, source, op)) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                origins.push(Origin { path: path.clone(), source: source.clone(), operator: *op });
                path.pop();
                out.push(v.clone());
            }
            Some(Value::Array(out))
        }
        None => {
            let mut map = Map::new();
            for (k, child) in &node.children {
                path.push(PathSegment::Key(k.clone()));
                if let Some(v) = render(child, path, origins) {
                    map.insert(k.clone(), v);
                }
                path.pop();
            }
            (!map.is_empty()).then_some(Value::Object(map))
        }
    }
}

#[cfg(test)]
mod tests;
