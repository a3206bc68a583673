//! Generation of new ids in the service's real-world shapes, from the engine's seeded
//! generator so runs are reproducible.

use super::Engine;
use crate::model::*;

const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

impl Engine {
    fn random_text(&mut self, len: usize) -> String {
        (0..len).map(|_| LOWER_ALNUM[self.rng.usize(..LOWER_ALNUM.len())] as char).collect()
    }

    /// `o-` + 10.
    pub(crate) fn new_org_id(&mut self) -> OrgId {
        OrgId::new_unchecked(format!("o-{}", self.random_text(10)))
    }
    /// `r-` + 4.
    pub(crate) fn new_root_id(&mut self) -> RootId {
        RootId::new_unchecked(format!("r-{}", self.random_text(4)))
    }
    /// `ou-<root suffix>-<8>`, unique.
    pub(crate) fn new_ou_id(&mut self) -> OuId {
        let root = self
            .state
            .org
            .as_ref()
            .map(|o| o.root_id.as_str()[2..].to_string())
            .unwrap_or_else(|| "root".into());
        loop {
            let id = OuId::new_unchecked(format!("ou-{root}-{}", self.random_text(8)));
            if !self.state.org.as_ref().is_some_and(|o| o.ous.contains_key(&id)) {
                return id;
            }
        }
    }
    /// `p-` + 8, unique.
    pub(crate) fn new_policy_id(&mut self) -> PolicyId {
        loop {
            let id = PolicyId::new_unchecked(format!("p-{}", self.random_text(8)));
            if !self.state.org.as_ref().is_some_and(|o| o.policies.contains_key(&id)) {
                return id;
            }
        }
    }
    /// `h-` + 32, unique.
    pub(crate) fn new_handshake_id(&mut self) -> HandshakeId {
        loop {
            let id = HandshakeId::new_unchecked(format!("h-{}", self.random_text(32)));
            if !self.state.handshakes.contains_key(&id) {
                return id;
            }
        }
    }
    /// `car-` + 32.
    pub(crate) fn new_create_account_request_id(&mut self) -> CreateAccountRequestId {
        CreateAccountRequestId::new_unchecked(format!("car-{}", self.random_text(32)))
    }
    /// `rp-` + 8.
    pub(crate) fn new_resource_policy_id(&mut self) -> ResourcePolicyId {
        ResourcePolicyId::new_unchecked(format!("rp-{}", self.random_text(8)))
    }
    /// 12 digits, not yet used by any known account.
    pub(crate) fn new_account_id(&mut self) -> AccountId {
        loop {
            let n = self.rng.u64(100_000_000_000..1_000_000_000_000);
            let id = AccountId::new_unchecked(format!("{n:012}"));
            if self.account_anywhere(&id).is_none() {
                return id;
            }
        }
    }
}
