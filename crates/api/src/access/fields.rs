//! [`RawFields`]: a JSON object's members exactly as read, so whatever this build does not know
//! goes back to the API unchanged, byte for byte.

use std::fmt;

use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The members of a JSON object, each name with its value's exact text, in the order read.
///
/// Encoding writes them back as they came; duplicate names are kept as read (lookups see the
/// last one, as `serde_json::Value` would).
#[derive(Debug, Clone, Default)]
pub struct RawFields(Vec<(String, Box<RawValue>)>);

impl RawFields {
    /// The value of member `name` as text, if present.
    pub fn get(&self, name: &str) -> Option<&RawValue> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| &**v)
    }

    /// Every member in the order read.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.0.iter().map(|(n, v)| (n.as_str(), &**v))
    }

    /// Appends a member.
    pub fn push(&mut self, name: impl Into<String>, value: Box<RawValue>) {
        self.0.push((name.into(), value));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Member `name` decoded as `T`: `Ok(None)` when absent or `null`, an error when it has
    /// another shape.
    pub fn parse<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, serde_json::Error> {
        match self.get(name).map(RawValue::get) {
            None | Some("null") => Ok(None),
            Some(text) => serde_json::from_str(text).map(Some),
        }
    }

    /// Like [`RawFields::parse`], but a value of another shape counts as absent: for members
    /// that are only shown, where one odd value must not hide the whole object.
    pub fn lenient<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.parse(name).ok().flatten()
    }
}

/// Equal when every member has the same name and the same text, in the same order.
impl PartialEq for RawFields {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, x), (b, y))| a == b && x.get() == y.get())
    }
}

impl Eq for RawFields {}

impl Serialize for RawFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

struct Members;

impl<'de> Visitor<'de> for Members {
    type Value = RawFields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFields, A::Error> {
        let mut out = Vec::with_capacity(map.size_hint().unwrap_or(16));
        while let Some(name) = map.next_key::<String>()? {
            out.push((name, map.next_value::<Box<RawValue>>()?));
        }
        Ok(RawFields(out))
    }
}

impl<'de> Deserialize<'de> for RawFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Members)
    }
}

/// `PartialEq`, `Eq` and `Serialize` of a type that keeps every member as read in its `fields`:
/// equal when the members and their text are (what a re-read conflict check compares), and
/// written back as read.
macro_rules! raw_backed {
    ($t:ty) => {
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.fields == other.fields
            }
        }

        impl Eq for $t {}

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&self.fields, serializer)
            }
        }
    };
}

pub(crate) use raw_backed;
