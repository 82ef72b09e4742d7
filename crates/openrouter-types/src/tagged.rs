//! Internally tagged enums whose tag must be a string.
//!
//! serde's `#[serde(tag = "type")]` also accepts an integer tag as a variant
//! *index*, so `{"type": 1}` decoded as the second variant, and an object the
//! `Other` fallback kept whole could come back as a known variant after a
//! round trip (the decode fuzzer found one). Enums declared through
//! [`string_tagged!`] read the object first and pick a known variant only
//! when the tag is one of its names as a string; anything else stays in the
//! fallback variant, byte for byte.

/// Declares an internally tagged enum whose last variant is a
/// `#[serde(untagged)]` fallback holding a `serde_json::Value`.
///
/// The enum derives `Serialize` as written; `Deserialize` comes from a
/// private `#[serde(remote)]` copy of the same body, reached only when the
/// tag is a string.
macro_rules! string_tagged {
    (
        #[tag = $tag:literal, remote = $remote:literal, fallback = $fallback:ident $(, $key:ident = $value:literal)*]
        $(#[$attr:meta])*
        $vis:vis enum $name:ident { $($body:tt)* }
    ) => {
        $(#[$attr])*
        #[derive(serde::Serialize)]
        #[serde(tag = $tag $(, $key = $value)*)]
        $vis enum $name { $($body)* }

        const _: () = {
            #[derive(serde::Deserialize)]
            #[serde(remote = $remote, tag = $tag $(, $key = $value)*)]
            #[allow(dead_code, reason = "a serde(remote) mirror: only its derived deserializer is used")]
            enum Mirror { $($body)* }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = serde_json::Value::deserialize(deserializer)?;
                    if value.get($tag).is_some_and(serde_json::Value::is_string) {
                        Mirror::deserialize(value).map_err(<D::Error as serde::de::Error>::custom)
                    } else {
                        Ok(Self::$fallback(value))
                    }
                }
            }
        };
    };
}

pub(crate) use string_tagged;

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::responses::{StreamEvent, TextFormat};

    #[test]
    fn an_integer_tag_is_kept_whole_not_taken_as_a_variant_index() {
        let wire = json!({"type": 1, "extra": true});
        let format: TextFormat = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(format, TextFormat::Other(wire.clone()));
        assert_eq!(serde_json::to_value(&format).unwrap(), wire);

        let event: StreamEvent = serde_json::from_value(json!({"type": 0})).unwrap();
        assert!(matches!(event, StreamEvent::Unknown(_)), "{event:?}");
    }

    #[test]
    fn known_string_tags_still_pick_their_variant() {
        let format: TextFormat = serde_json::from_str(r#"{"type":"json_object"}"#).unwrap();
        assert!(
            matches!(format, TextFormat::JsonObject { .. }),
            "{format:?}"
        );
        let wire = json!({"type": "json_schema", "name": "x", "schema": {}, "strict": true});
        let format: TextFormat = serde_json::from_value(wire.clone()).unwrap();
        assert!(
            matches!(format, TextFormat::JsonSchema { .. }),
            "{format:?}"
        );
        assert_eq!(serde_json::to_value(&format).unwrap(), wire);
    }

    #[test]
    fn a_duplicate_tag_decodes_the_same_before_and_after_a_round_trip() {
        // The last duplicate wins, as for every other field of a JSON object.
        let first: TextFormat =
            serde_json::from_str(r#"{"type":"bogus","type":"json_object"}"#).unwrap();
        let again: TextFormat =
            serde_json::from_value(serde_json::to_value(&first).unwrap()).unwrap();
        assert_eq!(first, again);
        assert!(matches!(first, TextFormat::JsonObject { .. }), "{first:?}");
        let _: Value = serde_json::to_value(&again).unwrap();
    }
}
