//! `POST /credits/coinbase`: the 410 it answers now, and the 200 it answered before.

use openrouter_types::coinbase::{CoinbaseCharge, CoinbaseChargeRequest};
use openrouter_types::{Data, ErrorResponse};

use super::{exchange, keeps_unknown_field, request};

#[test]
fn the_default_exchange_is_the_410_and_its_request_decodes() {
    let gone = exchange("credits/coinbase_gone");
    assert_eq!(gone["default"], true);
    let body: CoinbaseChargeRequest = request("credits/coinbase_gone");
    assert_eq!(body.chain_id, 8453);
    // The error envelope is the chat side's type, tested there.
    let error: ErrorResponse = serde_json::from_value(gone["response"]["body"].clone()).unwrap();
    assert_eq!(error.code_u16(), Some(410));
}

#[test]
fn the_old_charge_round_trips_and_is_reached_only_by_name() {
    let charge = exchange("coinbase/charge");
    assert!(charge.get("default").is_none());
    assert_eq!(
        charge["request"],
        exchange("credits/coinbase_gone")["request"]
    );
    let body: Data<CoinbaseCharge> = super::response("coinbase/charge");
    assert_eq!(body.data.web3_data.transfer_intent.metadata.chain_id, 8453);
    keeps_unknown_field::<Data<CoinbaseCharge>>(
        "coinbase/charge",
        &charge["response"]["body"],
        "/data/web3_data/transfer_intent/call_data",
    );
}
