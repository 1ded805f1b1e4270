//! What values the request builder takes as path segments, query parameters and headers,
//! and how each is written.

use crate::encoding::PathSegment;
use crate::endpoint::ParamKind;
use crate::request::RequestBuilder;
use crate::server_timeout::ServerTimeout;

/// A value that can fill a `{placeholder}` of a path.
pub trait PathValue {
    /// The kind of value, recorded in the endpoint's description.
    const KIND: ParamKind = ParamKind::String;

    /// Writes the value into the segment.
    fn write_path(&self, segment: &mut PathSegment<'_>);
}

impl PathValue for str {
    fn write_path(&self, segment: &mut PathSegment<'_>) {
        segment.push_str(self);
    }
}

impl PathValue for String {
    fn write_path(&self, segment: &mut PathSegment<'_>) {
        segment.push_str(self);
    }
}

impl<T: PathValue + ?Sized> PathValue for &T {
    const KIND: ParamKind = T::KIND;
    fn write_path(&self, segment: &mut PathSegment<'_>) {
        (**self).write_path(segment);
    }
}

/// A value that can be a query parameter.
///
/// Implement it for your own types with [`RequestBuilder::append_query`]; set
/// [`KIND`](Self::KIND) so the endpoint's description says what the parameter is.
pub trait QueryValue {
    /// The kind of value, recorded in the endpoint's description.
    const KIND: ParamKind = ParamKind::Other;
    /// The smallest value the type itself can hold, when the spec bounds the parameter
    /// through its type (the server timeout).
    const MINIMUM: Option<i64> = None;
    /// The largest value the type itself can hold, as [`MINIMUM`](Self::MINIMUM).
    const MAXIMUM: Option<i64> = None;
    /// The gateway's value when the parameter is left out, when the type implies it.
    const DEFAULT: Option<&'static str> = None;

    /// The value as a number, for the range check of integer parameters; `None` for
    /// anything else.
    fn as_integer(&self) -> Option<i128> {
        None
    }

    /// Appends the value as the query parameter `name`.
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder);

    /// Called instead when an `Option<Self>` parameter is `None`. Leaves the parameter out.
    fn write_absent(name: &'static str, request: &mut RequestBuilder)
    where
        Self: Sized,
    {
        let _ = (name, request);
    }
}

impl<T: QueryValue> QueryValue for Option<T> {
    const KIND: ParamKind = T::KIND;
    const MINIMUM: Option<i64> = T::MINIMUM;
    const MAXIMUM: Option<i64> = T::MAXIMUM;
    const DEFAULT: Option<&'static str> = T::DEFAULT;

    fn as_integer(&self) -> Option<i128> {
        self.as_ref().and_then(T::as_integer)
    }

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        match self {
            Some(value) => value.write_query(name, request),
            None => T::write_absent(name, request),
        }
    }
}

impl<T: QueryValue + ?Sized> QueryValue for &T {
    const KIND: ParamKind = T::KIND;
    const MINIMUM: Option<i64> = T::MINIMUM;
    const MAXIMUM: Option<i64> = T::MAXIMUM;
    const DEFAULT: Option<&'static str> = T::DEFAULT;

    fn as_integer(&self) -> Option<i128> {
        (**self).as_integer()
    }

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        (**self).write_query(name, request);
    }
}

impl QueryValue for ServerTimeout {
    const KIND: ParamKind = ParamKind::ServerTimeout;
    const MINIMUM: Option<i64> = Some(1);
    const MAXIMUM: Option<i64> = Some(u32::MAX as i64);
    const DEFAULT: Option<&'static str> = Some("60");

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.server_timeout(name, *self);
    }

    fn write_absent(name: &'static str, request: &mut RequestBuilder) {
        request.server_timeout_absent(name);
    }
}

impl QueryValue for str {
    const KIND: ParamKind = ParamKind::String;
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, self);
    }
}

impl QueryValue for String {
    const KIND: ParamKind = ParamKind::String;
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, self);
    }
}

impl QueryValue for bool {
    const KIND: ParamKind = ParamKind::Boolean;
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query_display(name, self);
    }
}

macro_rules! integer_query_value {
    ($($t:ty)*) => {$(
        impl QueryValue for $t {
            const KIND: ParamKind = ParamKind::Integer;
            fn as_integer(&self) -> Option<i128> {
                i128::try_from(*self).ok()
            }
            fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
                request.append_query_display(name, self);
            }
        }
    )*};
}

integer_query_value!(u8 u16 u32 u64 i8 i16 i32 i64 usize isize);

/// A value that can be a request header.
pub trait HeaderArg {
    /// The header's text, or `None` to leave the header out.
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>>;
}

impl HeaderArg for str {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(self.into())
    }
}

impl HeaderArg for String {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(self.as_str().into())
    }
}

impl<T: HeaderArg + ?Sized> HeaderArg for &T {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        (**self).header_value()
    }
}

impl<T: HeaderArg> HeaderArg for Option<T> {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.as_ref().and_then(T::header_value)
    }
}

/// An integer query value: what `#[query(.., min = N, max = M)]` can bound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an integer, so `min` and `max` cannot bound it",
    label = "`min`/`max` need an integer type such as `i64` or `Option<i64>`"
)]
pub trait IntegerQueryValue: QueryValue {}

macro_rules! integer_marker {
    ($($t:ty)*) => {$( impl IntegerQueryValue for $t {} )*};
}

integer_marker!(u8 u16 u32 u64 i8 i16 i32 i64 usize isize);

impl<T: IntegerQueryValue> IntegerQueryValue for Option<T> {}
impl<T: IntegerQueryValue + ?Sized> IntegerQueryValue for &T {}

/// A query value that is text, whose `%XX` escapes a `keep_escapes` parameter can keep.
/// Implement it for your own text types whose [`QueryValue`] goes through
/// [`RequestBuilder::append_query`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not text, so `keep_escapes` has nothing to keep",
    label = "`keep_escapes` needs a text type such as `&str` or `Option<&str>`"
)]
pub trait TextQueryValue: QueryValue {}

impl TextQueryValue for str {}
impl TextQueryValue for String {}
impl<T: TextQueryValue> TextQueryValue for Option<T> {}
impl<T: TextQueryValue + ?Sized> TextQueryValue for &T {}

/// Compiles only for integer query types; the attribute calls it for bounded parameters.
#[doc(hidden)]
pub const fn require_integer<T: IntegerQueryValue + ?Sized>() {}
