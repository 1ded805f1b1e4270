//! Macros that stamp out the three shapes most gateway models take: open string enums,
//! objects polymorphic by a `Kind`-like field, and objects whose every field may be absent.

/// An open string enum: known values as variants, anything else kept in `Unknown`.
macro_rules! open_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        ///
        /// Open: a value this crate does not know is kept in `Unknown` as the gateway wrote it.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(#[doc = concat!("`", $text, "`")] $variant,)*
            /// A value this crate does not know, as the gateway wrote it.
            Unknown(String),
        }

        impl $name {
            /// The value as the gateway writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(text) => text,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> $name {
                match text {
                    $($text => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Ok($name::from(&*text))
            }
        }
    };
}

/// Makes an open enum usable as a query parameter, described as an enum.
macro_rules! enum_query_value {
    ($name:ident) => {
        impl fabric_rest_runtime::QueryValue for $name {
            const KIND: fabric_rest_runtime::ParamKind = fabric_rest_runtime::ParamKind::Enum;
            fn write_query(&self, name: &'static str, request: &mut fabric_rest_runtime::RequestBuilder) {
                request.append_query(name, self.as_str());
            }
        }
    };
}

/// An object whose shape depends on a discriminator field (`Kind`, `ServiceKind`): one
/// variant per known value, each holding the fields of that shape, and `Unknown` keeping
/// the whole object of any other.
macro_rules! kind_enum {
    ($(#[$meta:meta])* pub enum $name:ident by $tag:literal { $($variant:ident($ty:ty) = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum $name {
            $(#[doc = concat!("`", $tag, ": \"", $text, "\"`")] $variant($ty),)*
            /// Another kind, kept as the whole JSON object.
            Unknown(serde_json::Value),
        }

        impl $name {
            /// The discriminator as the gateway writes it.
            pub fn kind(&self) -> &str {
                match self {
                    $($name::$variant(_) => $text,)*
                    $name::Unknown(value) => value.get($tag).and_then(serde_json::Value::as_str).unwrap_or_default(),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::Error as _;
                let mut value = match self {
                    $($name::$variant(inner) => serde_json::to_value(inner).map_err(S::Error::custom)?,)*
                    $name::Unknown(value) => return value.serialize(serializer),
                };
                if let Some(object) = value.as_object_mut() {
                    // The discriminator goes first, where the gateway's own writers put it.
                    let mut tagged = serde_json::Map::new();
                    tagged.insert($tag.to_owned(), serde_json::Value::from(self.kind()));
                    tagged.extend(std::mem::take(object));
                    *object = tagged;
                }
                value.serialize(serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                use serde::de::Error as _;
                let value = serde_json::Value::deserialize(deserializer)?;
                let kind = value.get($tag).and_then(serde_json::Value::as_str).unwrap_or_default();
                match kind {
                    $($text => serde_json::from_value(value).map($name::$variant).map_err(D::Error::custom),)*
                    _ => Ok($name::Unknown(value)),
                }
            }
        }
    };
}

/// A gateway object whose fields may each be absent: every field an `Option`, left out of
/// the JSON while `None`, PascalCase on the wire unless renamed.
macro_rules! wire_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
    };
}

/// Reads a field the spec types as a string holding a number, which the gateway writes as a
/// JSON number (`"DeviationBefore": 0.333333`, `"LastExitCode": 0`) as often as a string: a
/// number is kept as its JSON text (`"0.333333"`, `"0"`), a string as it is.
pub(crate) fn number_or_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    use serde::Deserialize as _;
    use serde::de::Error as _;
    match Option::<serde_json::Value>::deserialize(deserializer)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(text)) => Ok(Some(text)),
        Some(serde_json::Value::Number(number)) => Ok(Some(number.to_string())),
        Some(other) => Err(D::Error::custom(format!(
            "expected a number or a string, found {other}"
        ))),
    }
}

pub(crate) use {enum_query_value, kind_enum, open_enum, wire_struct};
