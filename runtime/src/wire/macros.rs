//! `wire_struct!` and `kind_enum!`: gateway objects declared like the spec's tables.

/// Declares a gateway object: its fields with their wire names and real types, and the
/// serde impls that read and write it.
///
/// ```
/// use fabric_rest_runtime::wire::{Int64, UnknownFields};
///
/// fabric_rest_runtime::wire_struct! {
///     /// A node (GetNodeInfo).
///     pub struct NodeInfo {
///         /// The node's name.
///         "Name" name: Option<String>,
///         /// Its instance id, which changes on every restart.
///         "InstanceId" instance_id: Option<Int64>,
///         /// The node with the smallest load; the gateway writes the first name, the
///         /// spec the second, both are read.
///         "MinNodeLoadId" | "MinNodeLoadNodeId" min_node_load_id: Option<String>,
///     }
/// }
///
/// let node: NodeInfo = serde_json::from_str(
///     r#"{"Name":"_Node_0","InstanceId":"131","MinNodeLoadNodeId":"x","IsNew":true}"#,
/// )?;
/// assert_eq!(node.name.as_deref(), Some("_Node_0"));
/// assert_eq!(node.instance_id.map(Int64::get), Some(131));
/// assert_eq!(node.unknown_fields.get("IsNew"), Some(&serde_json::Value::Bool(true)));
/// // Declaration order, then the fields the type does not model.
/// assert_eq!(
///     serde_json::to_string(&node)?,
///     r#"{"Name":"_Node_0","InstanceId":"131","MinNodeLoadId":"x","IsNew":true}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Each field is `"WireName" [| "Alias"]* name: Type [as Codec] [= default],` (the comma
/// after every field, the last one too):
///
/// | field type | absent or `null` on input | on output |
/// |---|---|---|
/// | `Option<T>` | `None` | left out while `None` |
/// | `T` (required) | an error naming the wire field: ``missing field `Name` `` | always written |
/// | `T = default` | `T::default()` | always written |
///
/// A field is written under its first wire name and read under any of them. `as Codec`
/// writes and reads the value (the `T` of an `Option<T>`) through a
/// [`Codec`](crate::wire::Codec) instead of its own serde impls, for instance
/// `Option<Duration> as Iso8601`.
///
/// The struct gets a public `unknown_fields: UnknownFields` holding every field it does not
/// model; they are written after the declared ones, so a value read and written again
/// holds every field that arrived. It is `#[non_exhaustive]`, derives `Clone`, `Debug`,
/// `PartialEq` and `Eq`, and `Default` when no field is required; further attributes are
/// passed through. It implements [`WireObject`](crate::wire::WireObject), so it can be a
/// variant of a [`kind_enum!`](crate::kind_enum).
#[macro_export]
macro_rules! wire_struct {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($fields:tt)* }) => {
        $crate::wire_struct!(@munch {[$(#[$meta])*] [$vis] $name} [] [] $($fields)*);
    };

    // One field at a time: its type, presence and codec, and whether it is required.
    (@munch $head:tt [$($done:tt)*] [$($required:tt)*]
        $(#[$fm:meta])* $wire:literal $(| $alias:literal)* $field:ident : Option<$inner:ty>, $($rest:tt)*
    ) => {
        $crate::wire_struct!(@munch $head [$($done)* {
            [$(#[$fm])*] [$wire $(| $alias)*] $field [::std::option::Option<$inner>]
            [$crate::wire::__private::Optional] [$crate::wire::Plain]
        }] [$($required)*] $($rest)*);
    };
    (@munch $head:tt [$($done:tt)*] [$($required:tt)*]
        $(#[$fm:meta])* $wire:literal $(| $alias:literal)* $field:ident : $ty:ty, $($rest:tt)*
    ) => {
        $crate::wire_struct!(@munch $head [$($done)* {
            [$(#[$fm])*] [$wire $(| $alias)*] $field [$ty]
            [$crate::wire::__private::Required] [$crate::wire::Plain]
        }] [$($required)* $field] $($rest)*);
    };
    (@munch $head:tt [$($done:tt)*] [$($required:tt)*]
        $(#[$fm:meta])* $wire:literal $(| $alias:literal)* $field:ident : Option<$inner:ty> as $codec:ty, $($rest:tt)*
    ) => {
        $crate::wire_struct!(@munch $head [$($done)* {
            [$(#[$fm])*] [$wire $(| $alias)*] $field [::std::option::Option<$inner>]
            [$crate::wire::__private::Optional] [$codec]
        }] [$($required)*] $($rest)*);
    };
    (@munch $head:tt [$($done:tt)*] [$($required:tt)*]
        $(#[$fm:meta])* $wire:literal $(| $alias:literal)* $field:ident : $ty:ty as $codec:ty, $($rest:tt)*
    ) => {
        $crate::wire_struct!(@munch $head [$($done)* {
            [$(#[$fm])*] [$wire $(| $alias)*] $field [$ty]
            [$crate::wire::__private::Required] [$codec]
        }] [$($required)* $field] $($rest)*);
    };
    (@munch $head:tt [$($done:tt)*] [$($required:tt)*]
        $(#[$fm:meta])* $wire:literal $(| $alias:literal)* $field:ident : $ty:ty = default, $($rest:tt)*
    ) => {
        $crate::wire_struct!(@munch $head [$($done)* {
            [$(#[$fm])*] [$wire $(| $alias)*] $field [$ty]
            [$crate::wire::__private::OrDefault] [$crate::wire::Plain]
        }] [$($required)*] $($rest)*);
    };
    (@munch $head:tt [$($done:tt)*] [$($required:tt)*]
        $(#[$fm:meta])* $wire:literal $(| $alias:literal)* $field:ident : $ty:ty as $codec:ty = default, $($rest:tt)*
    ) => {
        $crate::wire_struct!(@munch $head [$($done)* {
            [$(#[$fm])*] [$wire $(| $alias)*] $field [$ty]
            [$crate::wire::__private::OrDefault] [$codec]
        }] [$($required)*] $($rest)*);
    };

    // Every field read: `Default` only when none is required.
    (@munch $head:tt [$($done:tt)*] []) => {
        $crate::wire_struct!(@emit $head [$($done)*] [Default]);
    };
    (@munch $head:tt [$($done:tt)*] [$($required:tt)+]) => {
        $crate::wire_struct!(@emit $head [$($done)*] []);
    };

    (@emit {[$(#[$meta:meta])*] [$vis:vis] $name:ident} [$({
        [$(#[$fm:meta])*] [$wire:literal $(| $alias:literal)*] $field:ident [$fty:ty] [$presence:path] [$codec:ty]
    })*] [$($default:ident)?]) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, $($default)?)]
        #[non_exhaustive]
        $vis struct $name {
            $($(#[$fm])* pub $field: $fty,)*
            /// The fields this type does not model, as they came; written after the others.
            pub unknown_fields: $crate::wire::UnknownFields,
        }

        impl $crate::wire::WireObject for $name {
            const NAME: &'static str = stringify!($name);

            fn write_fields<M: $crate::__private::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::std::result::Result<(), M::Error> {
                $($crate::wire::__private::write_field::<$codec, $presence, $fty, M>(map, $wire, &self.$field)?;)*
                self.unknown_fields.write_entries(map)
            }

            fn read_fields<'de, A: $crate::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> ::std::result::Result<Self, A::Error> {
                $(let mut $field = ::std::option::Option::None;)*
                let mut unknown_fields = $crate::wire::UnknownFields::new();
                while let ::std::option::Option::Some(key) = map.next_key::<$crate::wire::__private::Key<'de>>()? {
                    match key.as_str() {
                        $($wire $(| $alias)* => {
                            $crate::wire::__private::read_field::<$codec, _, A>(&mut map, &mut $field, $wire)?
                        })*
                        _ => unknown_fields.read_entry(key.into_owned(), &mut map)?,
                    }
                }
                ::std::result::Result::Ok($name {
                    $($field: $crate::wire::__private::finish_field::<$presence, $fty, A::Error>($field, $wire)?,)*
                    unknown_fields,
                })
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::wire::serialize_object(self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<$name, D::Error> {
                $crate::wire::deserialize_object(deserializer)
            }
        }
    };
}

/// Declares an object whose shape a discriminator field names (`Kind`, `ServiceKind`): one
/// variant per known value, each holding a [`wire_struct!`](crate::wire_struct) of that
/// shape's fields, and `Unknown` keeping the whole object of any other kind.
///
/// ```
/// fabric_rest_runtime::wire_struct! {
///     /// A safety check about one partition.
///     pub struct PartitionSafetyCheck {
///         /// The partition's id.
///         "PartitionId" partition_id: Option<String>,
///     }
/// }
///
/// fabric_rest_runtime::kind_enum! {
///     /// Why an upgrade waits.
///     pub enum SafetyCheck by "Kind" {
///         EnsureAvailability(PartitionSafetyCheck) = "EnsureAvailability",
///     }
/// }
///
/// // The discriminator need not come first; it is written first.
/// let check: SafetyCheck = serde_json::from_str(r#"{"PartitionId":"p","Kind":"EnsureAvailability"}"#)?;
/// assert_eq!(check.kind(), "EnsureAvailability");
/// assert_eq!(serde_json::to_string(&check)?, r#"{"Kind":"EnsureAvailability","PartitionId":"p"}"#);
///
/// let new: SafetyCheck = serde_json::from_str(r#"{"Kind":"WaitForMoon","Phase":3}"#)?;
/// assert!(matches!(&new, SafetyCheck::Unknown(_)));
/// assert_eq!(new.kind(), "WaitForMoon");
/// assert_eq!(serde_json::to_string(&new)?, r#"{"Kind":"WaitForMoon","Phase":3}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// The discriminator is read by the enum and never lands in a variant's `unknown_fields`.
/// The enum is `#[non_exhaustive]` and derives `Clone`, `Debug`, `PartialEq` and `Eq`.
#[macro_export]
macro_rules! kind_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident by $tag:literal {
            $($(#[$variant_meta:meta])* $variant:ident($ty:ty) = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[doc = concat!("`\"", $tag, "\": \"", $text, "\"`")]
                $variant($ty),
            )+
            /// Another kind, kept as the whole JSON object, discriminator included.
            Unknown($crate::__private::serde_json::Value),
        }

        impl $name {
            /// The discriminator as it goes on the wire.
            pub fn kind(&self) -> &str {
                match self {
                    $($name::$variant(_) => $text,)+
                    $name::Unknown(object) => object.get($tag).and_then(|kind| kind.as_str()).unwrap_or_default(),
                }
            }
        }

        impl $crate::wire::__private::KindEnum for $name {
            const TAG: &'static str = $tag;

            fn is_known(kind: &str) -> bool {
                matches!(kind, $($text)|+)
            }

            fn read_variant<'de, A: $crate::__private::serde::de::MapAccess<'de>>(
                kind: &str,
                map: A,
            ) -> ::std::result::Result<Self, A::Error> {
                match kind {
                    $($text => <$ty as $crate::wire::WireObject>::read_fields(map).map($name::$variant),)+
                    _ => ::std::result::Result::Err(<A::Error as $crate::__private::serde::de::Error>::custom(
                        ::std::format_args!("no variant of {} has the kind {kind:?}", stringify!($name)),
                    )),
                }
            }

            fn unknown(object: $crate::__private::serde_json::Value) -> Self {
                $name::Unknown(object)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    $($name::$variant(variant) => {
                        $crate::wire::__private::serialize_variant(serializer, $tag, $text, variant)
                    })+
                    $name::Unknown(object) => $crate::__private::serde::Serialize::serialize(object, serializer),
                }
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<$name, D::Error> {
                $crate::wire::__private::deserialize_kind_enum(deserializer)
            }
        }
    };
}
