//! `POST /auth/keys/code`, `POST /auth/keys`.

use openrouter_types::Data;
use openrouter_types::oauth::{
    AuthCode, CodeChallengeMethod, CreateAuthCodeRequest, ExchangeAuthCodeRequest,
    ExchangeAuthCodeResponse,
};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, request, response};

#[test]
fn create_code_round_trips() {
    let body: CreateAuthCodeRequest = request("oauth/create_code");
    assert_eq!(body.code_challenge_method, Some(CodeChallengeMethod::S256));
    let built = CreateAuthCodeRequest::new("https://myapp.com/auth/callback")
        .code_challenge(
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            CodeChallengeMethod::S256,
        )
        .limit(100.0);
    assert_eq!(built, body);
    let code: Data<AuthCode> = response("oauth/create_code");
    assert_eq!(code.data.id, "auth_code_xyz789");
}

#[test]
fn exchange_round_trips_and_no_credential_reaches_debug() {
    let body: ExchangeAuthCodeRequest = request("oauth/exchange");
    let debug = format!("{body:?}");
    assert!(!debug.contains("auth_code_xyz789"), "{debug}");
    assert!(!debug.contains("dBjftJeZ4CVP"), "{debug}");
    assert_eq!(body.code.expose(), "auth_code_xyz789");
    let built = ExchangeAuthCodeRequest::new("auth_code_xyz789").code_verifier(
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        CodeChallengeMethod::S256,
    );
    assert_eq!(built, body);

    let answer: ExchangeAuthCodeResponse = response("oauth/exchange");
    assert_eq!(answer.key.expose(), "sk-or-v1-REDACTED");
    let debug = format!("{answer:?}");
    assert!(!debug.contains("sk-or-v1"), "{debug}");
    assert!(debug.contains("user_2yOPcMpKoQhcd4bVgSMlELRaIah"));
}

#[test]
fn unknown_fields_and_methods_survive() {
    let answer = &exchange("oauth/exchange")["response"]["body"];
    keeps_unknown_field::<ExchangeAuthCodeResponse>("oauth/exchange", answer, "");
    let sent = &exchange("oauth/exchange")["request"]["body"];
    let body: ExchangeAuthCodeRequest =
        keeps_unknown_value("oauth/exchange", sent, "/code_challenge_method");
    assert!(body.code_challenge_method.unwrap().is_unknown());
    let code = &exchange("oauth/create_code")["response"]["body"];
    keeps_unknown_field::<Data<AuthCode>>("oauth/create_code", code, "/data");
}
