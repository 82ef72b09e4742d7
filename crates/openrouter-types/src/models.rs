//! The model catalogue: `GET /models`, `/models/count`, `/models/user`, `/model/{author}/{slug}`.
