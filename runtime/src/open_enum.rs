//! Open enums: string enums whose known values are variants and whose every other value is
//! kept, exactly as it was written, in an `Unknown` variant.
//!
//! Clusters run newer Service Fabric versions than any spec, so every enum the gateway sends
//! can hold a value this library has never heard of. [`open_enum!`](crate::open_enum) declares
//! such an enum; the value it cannot name is an [`UnknownValue`], which only this module can
//! make and only for text that none of the variants spells. So `Unknown` never holds `"Up"`
//! where a variant `Up` exists, and the derived `==` and `Hash` are right without any
//! normalising.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// A value of the open enum `E` that none of `E`'s variants spells, as it was written.
///
/// It cannot be built by hand: [`OpenEnum::from_text`] makes one only after looking the
/// text up among the variants, so an `UnknownValue<E>` never spells a known value of `E`.
pub struct UnknownValue<E> {
    text: Box<str>,
    /// Ties the value to its enum, so one enum's unknown value cannot be put in another.
    of: PhantomData<fn() -> E>,
}

impl<E> UnknownValue<E> {
    /// The value as it was written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl<E> Clone for UnknownValue<E> {
    fn clone(&self) -> Self {
        UnknownValue {
            text: self.text.clone(),
            of: PhantomData,
        }
    }
}

impl<E> PartialEq for UnknownValue<E> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<E> Eq for UnknownValue<E> {}

impl<E> Hash for UnknownValue<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// Shows the text, so that `Unknown("RollingSideways")` reads as what arrived.
impl<E> fmt::Debug for UnknownValue<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text, f)
    }
}

impl<E> fmt::Display for UnknownValue<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// What [`open_enum!`](crate::open_enum) implements: the lookup of known values and the
/// wrapping of unknown ones. Code reads an open enum through
/// [`from_text`](OpenEnum::from_text), or the `From`, `FromStr` and `Deserialize` impls
/// built on it.
pub trait OpenEnum: Sized {
    /// The variant spelled exactly `text` (the wire is case-sensitive), if there is one.
    fn known(text: &str) -> Option<Self>;

    /// The enum holding a value that no variant spells.
    fn unknown(value: UnknownValue<Self>) -> Self;

    /// `text` as its variant, or kept in the unknown variant; an owned `text` is kept
    /// without copying it.
    fn from_text(text: Cow<'_, str>) -> Self {
        match Self::known(&text) {
            Some(known) => known,
            None => Self::unknown(UnknownValue {
                text: text.into_owned().into_boxed_str(),
                of: PhantomData,
            }),
        }
    }
}

/// Reads an open enum from a string, borrowing the text where the input allows.
#[doc(hidden)]
pub struct Visitor<E>(PhantomData<fn() -> E>);

impl<E> Visitor<E> {
    /// The visitor for `E`.
    pub const fn new() -> Self {
        Visitor(PhantomData)
    }
}

impl<E> Default for Visitor<E> {
    fn default() -> Self {
        Visitor::new()
    }
}

impl<E: OpenEnum> serde::de::Visitor<'_> for Visitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<Er: serde::de::Error>(self, text: &str) -> Result<E, Er> {
        Ok(E::from_text(Cow::Borrowed(text)))
    }

    fn visit_string<Er: serde::de::Error>(self, text: String) -> Result<E, Er> {
        Ok(E::from_text(Cow::Owned(text)))
    }
}

/// Declares an open string enum: one variant per known wire value, and `Unknown` holding
/// any other value exactly as it was written.
///
/// ```
/// fabric_rest_runtime::open_enum! {
///     /// The status of a node.
///     pub enum NodeStatus {
///         /// The node is up.
///         Up = "Up",
///         Down = "Down",
///         // A variant may not be called `Unknown`; name it after what it means.
///         StatusUnknown = "Unknown",
///     }
/// }
///
/// assert_eq!(NodeStatus::from("Up"), NodeStatus::Up);
/// assert_eq!("Down".parse::<NodeStatus>(), Ok(NodeStatus::Down));
/// let new = NodeStatus::from("Hibernating");
/// assert!(matches!(&new, NodeStatus::Unknown(value) if value.as_str() == "Hibernating"));
/// assert_eq!(serde_json::to_string(&new)?, r#""Hibernating""#);
/// assert_eq!(serde_json::from_str::<NodeStatus>(r#""Up""#)?, NodeStatus::Up);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// The enum is `#[non_exhaustive]` and derives `Clone`, `Debug`, `PartialEq`, `Eq` and
/// `Hash`; further attributes (`#[derive(Default)]` with a `#[default]` variant, `#[allow]`)
/// are passed through. It gets `as_str`, `From<&str>`, `From<String>`, `FromStr` (never
/// failing), `Display`, `Serialize` and `Deserialize` (as a JSON string), [`OpenEnum`], and
/// [`QueryValue`](crate::QueryValue) as an enum-kind query parameter.
///
/// An unknown value cannot be made by hand, so none spells a known one:
///
/// ```compile_fail
/// # fabric_rest_runtime::open_enum! { pub enum NodeStatus { Up = "Up", } }
/// let _ = NodeStatus::Unknown(fabric_rest_runtime::UnknownValue { text: "Up".into(), of: Default::default() });
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $text:literal,)*
        }
    ) => {
        $(#[$meta])*
        ///
        /// Open: a value none of the variants spells is kept in
        #[doc = concat!("[`Unknown`](", stringify!($name), "::Unknown)")]
        /// exactly as it was written.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[doc = ""]
                #[doc = concat!("On the wire: `", $text, "`.")]
                $variant,
            )*
            /// A value none of the variants spells, exactly as it was written.
            Unknown($crate::UnknownValue<$name>),
        }

        impl $name {
            /// The value as it goes on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(value) => value.as_str(),
                }
            }
        }

        impl $crate::OpenEnum for $name {
            fn known(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }

            fn unknown(value: $crate::UnknownValue<$name>) -> $name {
                $name::Unknown(value)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> $name {
                <$name as $crate::OpenEnum>::from_text(::std::borrow::Cow::Borrowed(text))
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> $name {
                <$name as $crate::OpenEnum>::from_text(::std::borrow::Cow::Owned(text))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(text: &str) -> Result<$name, ::std::convert::Infallible> {
                Ok($name::from(text))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                deserializer.deserialize_str($crate::__private::OpenEnumVisitor::<$name>::new())
            }
        }

        impl $crate::QueryValue for $name {
            const KIND: $crate::ParamKind = $crate::ParamKind::Enum;

            fn write_query(&self, name: &'static str, request: &mut $crate::RequestBuilder) {
                request.append_query(name, self.as_str());
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::str::FromStr;

    use crate::{OpenEnum, ParamKind, QueryValue};

    crate::open_enum! {
        /// A test enum.
        pub enum Status {
            Up = "Up",
            Down = "Down",
            NotKnown = "Unknown",
        }
    }

    /// Every way a `Status` can be read from text.
    fn every_reading(text: &str) -> Vec<Status> {
        let json = serde_json::to_string(text).unwrap();
        vec![
            Status::from(text),
            Status::from(text.to_owned()),
            Status::from_str(text).unwrap(),
            text.parse().unwrap(),
            Status::from_text(std::borrow::Cow::Borrowed(text)),
            // Borrowed from the input, owned by an escaped string, owned by a reader.
            serde_json::from_str(&json).unwrap(),
            serde_json::from_str(&json.replace('U', "\\u0055")).unwrap(),
            serde_json::from_reader(json.as_bytes()).unwrap(),
            serde_json::from_value(serde_json::Value::from(text)).unwrap(),
        ]
    }

    #[test]
    fn a_known_value_is_always_its_variant() {
        for (text, variant) in [
            ("Up", Status::Up),
            ("Down", Status::Down),
            ("Unknown", Status::NotKnown),
        ] {
            for read in every_reading(text) {
                assert_eq!(read, variant, "{text}");
                assert!(!matches!(read, Status::Unknown(_)), "{text}");
            }
        }
    }

    #[test]
    fn an_unknown_value_never_spells_a_known_one() {
        for text in ["up", "UP", " Up", "Up ", "", "Unknown\0", "Hibernating"] {
            for read in every_reading(text) {
                let Status::Unknown(value) = &read else {
                    panic!("{text:?} read as {read:?}")
                };
                assert_eq!(value.as_str(), text);
                assert_eq!(Status::known(value.as_str()), None);
            }
        }
    }

    #[test]
    fn unknown_values_round_trip_exactly() {
        for text in [
            "Hibernating",
            "",
            " spaced  out ",
            "quote \" backslash \\ slash /",
            "tab\tnewline\nnul\0",
            "ünïcødé ✓ 🦀",
            "\u{7f}\u{1b}[0m",
        ] {
            let status = Status::from(text);
            assert_eq!(status.as_str(), text);
            assert_eq!(status.to_string(), text);
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
            let back: Status = serde_json::from_str(&json).unwrap();
            assert_eq!(back, status);
            assert_eq!(back.as_str(), text);
        }
    }

    #[test]
    fn serde_display_and_debug() {
        assert_eq!(serde_json::to_string(&Status::Up).unwrap(), r#""Up""#);
        assert_eq!(serde_json::to_string(&Status::NotKnown).unwrap(), r#""Unknown""#);
        assert_eq!(Status::Down.to_string(), "Down");
        assert_eq!(format!("{:?}", Status::Up), "Up");
        assert_eq!(format!("{:?}", Status::from("New")), r#"Unknown("New")"#);
        let err = serde_json::from_str::<Status>("42").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `42`, expected a string at line 1 column 2"
        );
        let err = serde_json::from_str::<Status>("null").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: null, expected a string at line 1 column 4"
        );
    }

    #[test]
    fn equality_and_hash_follow_the_text() {
        assert_eq!(Status::from("New"), Status::from(String::from("New")));
        assert_ne!(Status::from("New"), Status::from("new"));
        assert_ne!(Status::from("Unknown"), Status::from("unknown"));
        let set: HashSet<Status> = ["Up", "Up", "New", "New", "Down"]
            .into_iter()
            .map(Status::from)
            .collect();
        assert_eq!(set.len(), 3);
        assert!(set.contains(&Status::Up));
        assert!(set.contains(&Status::from("New")));
    }

    #[test]
    fn an_open_enum_is_an_enum_query_parameter() {
        assert_eq!(<Status as QueryValue>::KIND, ParamKind::Enum);
        assert_eq!(<Option<Status> as QueryValue>::KIND, ParamKind::Enum);
        assert_eq!(Status::Up.as_integer(), None);
    }
}
