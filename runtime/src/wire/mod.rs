//! Wire primitives shared by the library's models and users' own: values that keep the form
//! they arrived in, the fields an object's type does not model, and the machinery behind
//! [`wire_struct!`](crate::wire_struct) and [`kind_enum!`](crate::kind_enum).
//!
//! - [`Int64`]: a 64-bit integer sent as a number or a string, written back the same way.
//! - [`Decimal`]: a decimal number sent as a number or a string, written back the same way.
//! - [`UnknownFields`]: the fields of an object its type does not model, kept and written
//!   back.
//! - [`Codec`]: how a field whose Rust type is not its wire form is written and read
//!   ([`Iso8601`] for durations).
//! - [`WireObject`]: an object whose fields can be written into a larger map, as a
//!   polymorphic object's variant is.

mod codec;
mod decimal;
mod int64;
mod macros;
mod object;
mod tagged;
mod unknown_fields;

pub use codec::{Codec, Iso8601, Plain};
pub use decimal::Decimal;
pub use int64::Int64;
pub use object::{WireObject, deserialize_object, serialize_object};
pub use unknown_fields::UnknownFields;

/// What code expanded from `wire_struct!` and `kind_enum!` refers to. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use super::object::{Key, Optional, OrDefault, Presence, Required, finish_field, read_field, write_field};
    pub use super::tagged::{KindEnum, deserialize_kind_enum, serialize_variant};
}
