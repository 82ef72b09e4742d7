//! One method per OpenRouter endpoint, grouped by area. Most are declared
//! with `client_methods!`: a documented signature over an operation's
//! declaration, and nothing else.

/// Declares thin `Client` methods over operations of the catalogue.
///
/// Each entry reads `name(path params; query: Q; body: B) -> Out = OPERATION;`
/// with each part optional (`name() -> Out = OP;`). Path parameters are
/// `&str`s named as in the path template and checked so they cannot leave
/// their segment; a query type renders itself with `to_query_pairs()`; a
/// body is sent as JSON in its declaration order; `Out` is the wire's shape.
macro_rules! client_methods {
    ($(
        $(#[$doc:meta])*
        $name:ident ( $($param:ident),* $(; query: $query:ty)? $(; body: $body:ty)? ) -> $out:ty = $op:ident;
    )*) => {
        impl $crate::Client {
            $(
                $(#[$doc])*
                pub async fn $name(
                    &self,
                    $($param: &str,)*
                    $(query: &$query,)?
                    $(body: &$body,)?
                ) -> Result<$crate::Response<$out>, $crate::Error> {
                    let call = $crate::transport::Call::new(&$crate::operation::$op);
                    $(let call = call.with_json::<$body>(body)?;)?
                    $(let call = call.param(stringify!($param), $param)?;)*
                    $(let call = call.query(<$query>::to_query_pairs(query));)?
                    self.send_json(call).await
                }
            )*
        }
    };
}

mod account;
mod admin;
pub(crate) mod chat;
mod embeddings;
mod keys;
mod media;
mod messages;
mod models;
mod oauth;
mod platform;
mod presets;
mod raw;
mod responses;

pub use media::{VideoWait, save_image};
pub use oauth::Pkce;
pub use raw::RequestBuilder;
