//! Shared helpers for the policy tests: a request/layers builder and statement shorthands.
#![allow(dead_code)]

use orgtui::policy::*;
use std::sync::Arc;

/// One evaluation case: inputs as policy texts.
#[derive(Clone, Default)]
pub struct Case {
    pub name: &'static str,
    pub principal: String,
    pub action: String,
    pub resource: String,
    pub resource_account: Option<String>,
    pub context: Vec<(String, Vec<String>)>,
    pub identity: Vec<String>,
    pub boundary: Option<String>,
    pub session: Vec<String>,
    pub resource_policy: Option<String>,
    pub scps: Option<Vec<Vec<String>>>,
    pub rcps: Option<Vec<Vec<String>>>,
    pub management: Option<String>,
}

pub const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
pub const ROLE: &str = "arn:aws:iam::111122223333:role/App";
pub const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/App/s1";
pub const OTHER_USER: &str = "arn:aws:iam::444455556666:user/bob";
pub const BUCKET_OBJ: &str = "arn:aws:s3:::bucket/key";

/// A case: `principal` does `action` on `resource`, nothing else given.
pub fn case(name: &'static str, principal: &str, action: &str, resource: &str) -> Case {
    Case {
        name,
        principal: principal.into(),
        action: action.into(),
        resource: resource.into(),
        ..Case::default()
    }
}

impl Case {
    pub fn ctx(mut self, key: &str, values: &[&str]) -> Self {
        self.context.push((key.into(), values.iter().map(|v| v.to_string()).collect()));
        self
    }
    pub fn identity(mut self, p: impl Into<String>) -> Self {
        self.identity.push(p.into());
        self
    }
    pub fn boundary(mut self, p: impl Into<String>) -> Self {
        self.boundary = Some(p.into());
        self
    }
    pub fn session(mut self, p: impl Into<String>) -> Self {
        self.session.push(p.into());
        self
    }
    pub fn resource_policy(mut self, p: impl Into<String>) -> Self {
        self.resource_policy = Some(p.into());
        self
    }
    pub fn resource_account(mut self, a: &str) -> Self {
        self.resource_account = Some(a.into());
        self
    }
    pub fn scps<S: AsRef<str>>(mut self, levels: &[&[S]]) -> Self {
        self.scps = Some(levels.iter().map(|l| l.iter().map(|s| s.as_ref().to_string()).collect()).collect());
        self
    }
    pub fn rcps<S: AsRef<str>>(mut self, levels: &[&[S]]) -> Self {
        self.rcps = Some(levels.iter().map(|l| l.iter().map(|s| s.as_ref().to_string()).collect()).collect());
        self
    }
    pub fn management(mut self, a: &str) -> Self {
        self.management = Some(a.into());
        self
    }

    /// Evaluates the case.
    pub fn run(&self) -> Evaluation {
        let c = |name: String, kind, text: &str| {
            CompiledPolicy::parse(&name, kind, text)
                .unwrap_or_else(|e| panic!("{}: {name}: {e}\n{text}", self.name))
        };
        let identity: Vec<_> = self
            .identity
            .iter()
            .enumerate()
            .map(|(i, t)| c(format!("identity[{i}]"), PolicyKind::Identity, t))
            .collect();
        let boundary = self.boundary.as_ref().map(|t| c("boundary".into(), PolicyKind::Boundary, t));
        let session: Vec<_> = self
            .session
            .iter()
            .enumerate()
            .map(|(i, t)| c(format!("session[{i}]"), PolicyKind::Session, t))
            .collect();
        let resource = self.resource_policy.as_ref().map(|t| c("resource".into(), PolicyKind::Resource, t));
        let levels = |l: &Option<Vec<Vec<String>>>, kind, tag: &str| {
            l.as_ref().map(|levels| {
                levels
                    .iter()
                    .enumerate()
                    .map(|(i, ps)| Level {
                        id: Arc::from(format!("L{i}")),
                        policies: ps
                            .iter()
                            .enumerate()
                            .map(|(j, t)| Arc::new(c(format!("{tag}[{i}][{j}]"), kind, t)))
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            })
        };
        let scps = levels(&self.scps, PolicyKind::Scp, "scp");
        let rcps = levels(&self.rcps, PolicyKind::Rcp, "rcp");
        let req = Request::new(
            &self.principal,
            &self.action,
            &self.resource,
            self.resource_account.as_deref(),
            self.context.clone(),
        );
        let input = EvaluationInput {
            identity: &identity,
            boundary: boundary.as_ref(),
            session: &session,
            resource: resource.as_ref(),
            scps: scps.as_deref(),
            rcps: rcps.as_deref(),
            management_account: self.management.as_deref(),
            scp_account: None,
        };
        evaluate(&req, &input)
    }
}

/// A one-statement policy (2012-10-17).
pub fn pol(effect: &str, action: &str, resource: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"{effect}","Action":"{action}","Resource":"{resource}"}}]}}"#
    )
}

/// A one-statement policy with a condition block (JSON text of the block's content).
pub fn pol_cond(effect: &str, action: &str, resource: &str, condition: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"{effect}","Action":"{action}","Resource":"{resource}","Condition":{condition}}}]}}"#
    )
}

/// A one-statement resource policy with a principal (JSON text).
pub fn rpol(effect: &str, principal: &str, action: &str, resource: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"R","Effect":"{effect}","Principal":{principal},"Action":"{action}","Resource":"{resource}"}}]}}"#
    )
}

pub fn allow_all() -> String {
    pol("Allow", "*", "*")
}

pub fn deny_all() -> String {
    pol("Deny", "*", "*")
}
