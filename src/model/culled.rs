//! `culled.toml`: the clients and volunteers whose files were culled (gallrade) under the
//! retention rules. Ids only, so that assignments and pay ledgers that name them stay
//! explainable without the file.

use crate::model::date::Date;
use serde::{Deserialize, Serialize};

use super::id::Id;

pub const FILE: &str = "culled.toml";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Culled {
    #[serde(deserialize_with = "crate::model::known_schema")]
    pub schema: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clients: Vec<CulledClient>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volunteers: Vec<CulledClient>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CulledClient {
    pub id: Id,
    /// The last entry in the file, from which the years ran.
    pub last_entry: Date,
    pub culled: Date,
}

impl Culled {
    pub fn contains(&self, id: &Id) -> bool {
        self.clients
            .iter()
            .chain(&self.volunteers)
            .any(|c| &c.id == id)
    }
}
