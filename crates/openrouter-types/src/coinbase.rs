//! The removed Coinbase credit purchase (`POST /credits/coinbase`), typed for the record.
//!
//! OpenRouter deprecated this endpoint: it answers `410 Gone` (an
//! [`ErrorResponse`](crate::ErrorResponse)) and the spec says it never
//! returns 200. The shapes below are the ones it used before its removal
//! (from the official SDKs' last versions that had it), so old recordings and
//! proxies that still emulate it can be read.
//!
//! ```
//! use openrouter_types::coinbase::CoinbaseChargeRequest;
//! let request = CoinbaseChargeRequest::new(10.5, "0x0000000000000000000000000000000000000000", 8453);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"amount": 10.5, "sender": "0x0000000000000000000000000000000000000000",
//!                        "chain_id": 8453})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;

/// `POST /credits/coinbase` body: buy credits with crypto.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoinbaseChargeRequest {
    /// USD amount of credits to buy.
    pub amount: f64,
    /// Wallet address paying.
    pub sender: String,
    /// EVM chain id: 1 (Ethereum), 137 (Polygon) or 8453 (Base).
    pub chain_id: u64,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CoinbaseChargeRequest {
    /// A charge of `amount` USD from `sender` on `chain_id`.
    pub fn new(amount: f64, sender: impl Into<String>, chain_id: u64) -> Self {
        Self {
            amount,
            sender: sender.into(),
            chain_id,
            extra: Extra::new(),
        }
    }
}

/// The charge a 200 answered with (inside [`Data`](crate::Data)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoinbaseCharge {
    /// Charge id.
    pub id: String,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Expiry (ISO 8601).
    pub expires_at: String,
    /// What the wallet must sign and send.
    pub web3_data: Web3Data,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// [`CoinbaseCharge::web3_data`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Web3Data {
    /// The transfer to perform.
    pub transfer_intent: TransferIntent,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Coinbase Commerce transfer intent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransferIntent {
    /// Arguments for the transfer contract call.
    pub call_data: CallData,
    /// Chain and contract.
    pub metadata: TransferMetadata,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The transfer contract call's arguments (all strings as sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CallData {
    /// Deadline (ISO 8601).
    pub deadline: String,
    /// Fee, in the currency's smallest unit.
    pub fee_amount: String,
    /// Intent id.
    pub id: String,
    /// Operator address.
    pub operator: String,
    /// Signature prefix.
    pub prefix: String,
    /// Recipient address.
    pub recipient: String,
    /// Amount to the recipient, in the currency's smallest unit.
    pub recipient_amount: String,
    /// Currency contract address.
    pub recipient_currency: String,
    /// Refund address.
    pub refund_destination: String,
    /// Operator signature.
    pub signature: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where the transfer happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransferMetadata {
    /// EVM chain id.
    pub chain_id: u64,
    /// Transfer contract address.
    pub contract_address: String,
    /// Paying wallet.
    pub sender: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
