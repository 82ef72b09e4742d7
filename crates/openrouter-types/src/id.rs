//! Newtypes for identifiers that must not be mixed up.

/// Defines a transparent string newtype with `as_str`, `Display` and conversions.
macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The identifier as sent on the wire.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Unwraps the identifier.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::core::convert::From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl ::core::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::core::cmp::PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl ::core::cmp::PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

string_id! {
    /// A model slug such as `openai/gpt-4o` or `meta-llama/llama-3.3-70b-instruct:free`.
    ///
    /// ```
    /// use openrouter_types::ModelId;
    /// let id = ModelId::from("openai/gpt-4o");
    /// assert_eq!(id.as_str(), "openai/gpt-4o");
    /// ```
    ModelId
}

string_id! {
    /// A generation id (`gen-…`), as returned in `id` and the `X-Generation-Id` header.
    ///
    /// ```
    /// use openrouter_types::GenerationId;
    /// let id = GenerationId::from("gen-1700000000-abc");
    /// assert_eq!(id.to_string(), "gen-1700000000-abc");
    /// ```
    GenerationId
}

string_id! {
    /// The hash that identifies an API key in the key-management endpoints.
    ///
    /// ```
    /// use openrouter_types::KeyHash;
    /// let hash = KeyHash::new("f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943");
    /// assert!(hash.as_str().starts_with("f01d"));
    /// ```
    KeyHash
}
