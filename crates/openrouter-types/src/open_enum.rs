//! A macro for string enums that keep values they do not know.
//!
//! OpenRouter adds finish reasons, roles, providers and modalities every
//! month. A closed enum would turn each addition into a decode error, so every
//! open-ended string is an enum with an `Other(String)` variant that keeps the
//! exact text and serializes it back unchanged. Match on `as_str()` when you
//! need to be robust against a value later gaining its own variant.

/// Defines a string enum with known variants and an `Other(String)` fallback.
///
/// The generated type gets `KNOWN` (the modelled spellings), `as_str()`, `Display`, `From<&str>`, `From<String>`,
/// `FromStr` (infallible), and serde impls that round-trip unknown values.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this version does not know yet, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The wire spellings of the values this version models, in declaration
            /// order (for help texts and "did you mean" lists; any other value still
            /// decodes, as `Other`).
            pub const KNOWN: &'static [&'static str] = &[$($text),+];

            /// The wire spelling of this value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Other(other) => other.as_str(),
                }
            }

            /// Whether this is a value this version of the crate does not model.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Other(_))
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($text => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl ::core::convert::From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $($text => Self::$variant,)+
                    _ => Self::Other(value),
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                    fn visit_string<E: ::serde::de::Error>(self, v: String) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

pub(crate) use open_enum;
