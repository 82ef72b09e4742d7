//! OAuth PKCE: let a user of a desktop or command-line app hand it a key of
//! their own, without copying it by hand.
//!
//! The flow: make a [`Pkce`], open [`Pkce::authorization_url`] in the
//! user's browser, receive `?code=…` on the callback URL, then
//! [`Client::exchange_auth_code`] with the code and the verifier. The key
//! comes back as a redacted [`KeySecret`](openrouter_types::keys::KeySecret).

use std::fmt;

use openrouter_types::models::Data;
use openrouter_types::oauth::{
    AuthCode, CodeChallengeMethod, CreateAuthCodeRequest, ExchangeAuthCodeRequest,
    ExchangeAuthCodeResponse,
};
use sha2::{Digest, Sha256};

use crate::Error;

client_methods! {
    /// `POST /auth/keys/code`: creates an authorization code with your key
    /// (for apps that mint keys for their users server-side).
    create_auth_code(; body: CreateAuthCodeRequest) -> Data<AuthCode> = CREATE_AUTH_CODE;
    /// `POST /auth/keys`: exchanges the code from the callback (and the PKCE
    /// verifier) for the user's key. Needs no key of its own.
    exchange_auth_code(; body: ExchangeAuthCodeRequest) -> ExchangeAuthCodeResponse = EXCHANGE_AUTH_CODE;
}

/// A PKCE verifier and its S256 challenge (RFC 7636).
///
/// ```
/// use openrouter_api::Pkce;
///
/// let pkce = Pkce::new()?;
/// let url = pkce.authorization_url("http://localhost:3000/callback");
/// assert!(url.starts_with("https://openrouter.ai/auth?callback_url=http%3A%2F%2Flocalhost%3A3000%2Fcallback"));
/// assert!(url.ends_with("&code_challenge_method=S256"));
/// // After the redirect: client.exchange_auth_code(&pkce.exchange("the-code")).await?
/// # Ok::<(), openrouter_api::Error>(())
/// ```
#[derive(Clone)]
pub struct Pkce {
    verifier: String,
    challenge: String,
}

impl fmt::Debug for Pkce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pkce")
            .field("verifier", &"<redacted>")
            .field("challenge", &self.challenge)
            .finish()
    }
}

impl Pkce {
    /// A fresh verifier: 32 bytes from the operating system's random source,
    /// base64url-encoded (43 characters).
    pub fn new() -> Result<Self, Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| {
            Error::config(format!(
                "the operating system's random source failed ({e}): cannot make a PKCE verifier"
            ))
        })?;
        Ok(Self::from_verifier(base64url(&bytes)))
    }

    /// The pair for a verifier you already have (43 to 128 characters of
    /// `A-Z a-z 0-9 - . _ ~`).
    pub fn from_verifier(verifier: impl Into<String>) -> Self {
        let verifier = verifier.into();
        let challenge = base64url(&Sha256::digest(verifier.as_bytes()));
        Self {
            verifier,
            challenge,
        }
    }

    /// The S256 challenge sent in the authorization URL.
    pub fn challenge(&self) -> &str {
        &self.challenge
    }

    /// The verifier, kept secret until the exchange.
    pub fn verifier(&self) -> &str {
        &self.verifier
    }

    /// OpenRouter's authorization page for this challenge; after the user
    /// approves, it redirects to `callback_url` with `?code=…`.
    pub fn authorization_url(&self, callback_url: &str) -> String {
        let mut url = reqwest::Url::parse("https://openrouter.ai/auth").expect("a valid URL");
        url.query_pairs_mut()
            .append_pair("callback_url", callback_url)
            .append_pair("code_challenge", &self.challenge)
            .append_pair("code_challenge_method", "S256");
        url.into()
    }

    /// The exchange request for the `code` the callback received.
    pub fn exchange(&self, code: &str) -> ExchangeAuthCodeRequest {
        ExchangeAuthCodeRequest::new(code)
            .code_verifier(self.verifier.clone(), CodeChallengeMethod::S256)
    }
}

/// Unpadded base64url (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_7636_example_gives_its_challenge() {
        let pkce = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(
            pkce.challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert!(!format!("{pkce:?}").contains("dBjftJ"));
    }

    #[test]
    fn fresh_verifiers_are_long_distinct_and_url_safe() {
        let (a, b) = (Pkce::new().unwrap(), Pkce::new().unwrap());
        assert_eq!(a.verifier().len(), 43);
        assert_ne!(a.verifier(), b.verifier());
        assert!(
            a.verifier()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fo"), "Zm8");
    }
}
