//! The error envelope OpenRouter returns on every failing status (and sometimes on 200).
