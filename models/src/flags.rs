//! `flag_filter!`: the integer flag sets that list queries take (`HealthStateFilter`,
//! `ApplicationDefinitionKindFilter`, ...), each a `u32` with named flags, `|` to combine
//! them, and the integer as the query value.

/// Declares a flag filter: the struct, its named flags as constants, `bits`, `|`, and its
/// `QueryValue` (an integer query parameter).
macro_rules! flag_filter {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$flag_meta:meta])* $flag:ident = $value:expr,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name(u32);

        impl $name {
            $($(#[$flag_meta])* pub const $flag: Self = Self($value);)*

            /// The flags as the integer sent.
            pub const fn bits(self) -> u32 {
                self.0
            }
        }

        impl ::std::ops::BitOr for $name {
            type Output = Self;
            fn bitor(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }
        }

        impl ::fabric_rest_runtime::QueryValue for $name {
            const KIND: ::fabric_rest_runtime::ParamKind = ::fabric_rest_runtime::ParamKind::Integer;
            fn as_integer(&self) -> Option<i128> {
                Some(i128::from(self.0))
            }
            fn write_query(&self, name: &'static str, request: &mut ::fabric_rest_runtime::RequestBuilder) {
                request.append_query(name, &self.0.to_string());
            }
        }
    };
}
